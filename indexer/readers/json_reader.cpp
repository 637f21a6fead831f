#include "indexer/readers/json_reader.hpp"

#include "common/utf8.hpp"
#include "indexer/readers/json_parse.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/reader_skeleton.hpp"
#include "indexer/readers/record_fields.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".json"};
// Where news APIs and exports put their list of articles (the New York Times' search: docs;
// Bing News: value; Currents: news; an Elasticsearch answer: hits.hits).
constexpr std::string_view kListFields[] = {"articles", "items", "results", "data", "documents",
                                            "stories",  "docs",  "value",   "news", "hits"};
// How deep a list may be wrapped: the Guardian's response.results, the New York Times'
// response.docs, Event Registry's articles.results.
constexpr int kMaxWrapping = 2;

// Calls `visit` on each object that may wrap the list of `root` (its "response", or one of
// its list fields holding an object instead of an array), until `visit` returns true. A
// record's own "data" or "results" object (an article with {"data": {"items": [images]}})
// wraps no list of articles: a root with a title or text is a record.
template <typename Visit>
bool any_wrapper(const nlohmann::json& root, Visit visit) {
  if (auto response = root.find("response"); response != root.end() && response->is_object() && visit(*response)) {
    return true;
  }
  if (holds_record_text(root)) return false;
  for (const auto name : kListFields) {
    if (auto it = root.find(name); it != root.end() && it->is_object() && visit(*it)) return true;
  }
  return false;
}

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  return text;
}

// The array of records inside a wrapper object (or inside an object it wraps, any_wrapper),
// or null when `root` is itself a record.
const nlohmann::json* wrapped_list(const nlohmann::json& root, int depth = 0) {
  for (const auto name : kListFields) {
    if (auto it = root.find(name); it != root.end() && it->is_array() && !it->empty() && it->front().is_object()) {
      return &*it;
    }
  }
  const nlohmann::json* found = nullptr;
  if (depth < kMaxWrapping) any_wrapper(root, [&](const nlohmann::json& inner) { return (found = wrapped_list(inner, depth + 1)); });
  return found;
}

// Why a wrapper object holds no article to read, when it is an API's answer that says so:
// an error reply ({"status": "error", "message": ...}, NewsAPI's and the Guardian's), or a
// page whose list of results is empty. Empty otherwise: the object is then a record.
std::string why_no_articles(const nlohmann::json& root, int depth = 0) {
  std::string why;
  if (depth < kMaxWrapping &&
      any_wrapper(root, [&](const nlohmann::json& inner) { return !(why = why_no_articles(inner, depth + 1)).empty(); })) {
    return why;
  }
  if (auto status = root.find("status"); status != root.end() && *status == "error") {
    std::string message;
    if (auto it = root.find("message"); it != root.end() && it->is_string()) message = it->get<std::string>();
    constexpr std::size_t kShownBytes = 160;
    if (message.size() > kShownBytes) message = message.substr(0, utf8::boundary_at_or_before(message, kShownBytes)) + "...";
    return "an API's error reply" + (message.empty() ? std::string() : ": " + message);
  }
  for (const auto name : kListFields) {
    if (auto it = root.find(name); it != root.end() && it->is_array() && it->empty()) {
      return "no articles: its \"" + std::string(name) + "\" list is empty";
    }
  }
  return {};
}

void list_array(const nlohmann::json& array, std::vector<Record>& records, std::vector<Error>& issues) {
  std::size_t number = 0;
  for (const auto& item : array) {
    ++number;
    const std::string location = "item " + std::to_string(number);
    if (!item.is_object()) {
      issues.push_back(Error{ErrorKind::kInput, "", location, "not a JSON object", "item skipped"});
      continue;
    }
    // An Elasticsearch hit holds its document under _source, its id beside it.
    if (auto source = item.find("_source"); source != item.end() && source->is_object()) {
      nlohmann::json document = *source;
      if (auto id = item.find("_id"); id != item.end() && !document.contains("id")) document["id"] = *id;
      records.push_back(Record{std::move(document), location, "#" + std::to_string(number), std::nullopt});
      continue;
    }
    records.push_back(Record{item, location, "#" + std::to_string(number), std::nullopt});
  }
}

// A JSON Feed (jsonfeed.org) names its site and may name its language and authors once for
// all its items: each item without its own takes them (the feed's title is their source).
void take_feed_defaults(const nlohmann::json& root, std::vector<Record>& records) {
  const auto version = root.find("version");
  if (version == root.end() || !version->is_string() ||
      !version->get_ref<const std::string&>().starts_with("https://jsonfeed.org/version/")) {
    return;
  }
  for (Record& record : records) {
    nlohmann::json& item = record.fields;
    if (!item.contains("source") && root.contains("title")) item["source"] = root["title"];
    if (!item.contains("language") && !item.contains("lang") && root.contains("language")) item["language"] = root["language"];
    if (!item.contains("authors") && !item.contains("author")) {
      for (const char* key : {"authors", "author"}) {
        if (root.contains(key)) item[key] = root[key];
      }
    }
  }
}

}  // namespace

std::span<const std::string_view> JsonReader::extensions() const { return kExtensions; }

bool JsonReader::sniff(std::string_view head) const {
  head = skip_space(head);
  return head.starts_with('{') || head.starts_with('[');
}

ReadResult JsonReader::read(const SourceFile& file) const {
  return read_records(file, [](std::string_view text, std::vector<Record>& records, std::vector<Error>& issues) {
    auto root = parse_json(text);
    if (!root && looks_like_json_lines(text)) {
      // JSON Lines saved as .json (a feed dump's usual name): one object a line is no JSON
      // document, and a new user's trial lost the whole file to "expected end of input".
      list_json_lines(text, records, issues);
      return;
    }
    if (!root) {
      Error issue = root.error();
      issue.hint = "file skipped";
      issues.push_back(std::move(issue));
      return;
    }
    const nlohmann::json& json = root->json;
    if (json.is_array()) {
      list_array(json, records, issues);
    } else if (!json.is_object()) {
      issues.push_back(Error{ErrorKind::kInput, "", "", "not a JSON object or array of objects", "file skipped"});
    } else if (const nlohmann::json* list = wrapped_list(json)) {
      list_array(*list, records, issues);
      take_feed_defaults(json, records);
    } else if (std::string why = why_no_articles(json); !why.empty()) {
      issues.push_back(Error{ErrorKind::kInput, "", "", std::move(why), "nothing to index"});
      return;
    } else {
      records.push_back(Record{std::move(root->json), "", "", std::move(root->repaired)});
      return;
    }
    // A list's repaired escapes cannot be told apart by item: one warning for the file,
    // given when it has records to index (a skipped file gets only the warning that skips it).
    if (root->repaired && !records.empty()) {
      issues.push_back(std::move(*root->repaired));
      issues.back().hint = "file indexed";
    }
  });
}

}  // namespace cs::indexer
