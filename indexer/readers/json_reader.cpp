#include "indexer/readers/json_reader.hpp"

#include "common/utf8.hpp"
#include "indexer/readers/json_parse.hpp"
#include "indexer/readers/reader_skeleton.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".json"};
// Where news APIs and exports put their list of articles.
constexpr std::string_view kListFields[] = {"articles", "items", "results", "data", "documents", "stories"};

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n' || text.front() == '\r' || text.front() == '\t')) {
    text.remove_prefix(1);
  }
  return text;
}

// The array of records inside a wrapper object (or inside its "response" object, as the
// Guardian's API answers), or null when `root` is itself a record.
const nlohmann::json* wrapped_list(const nlohmann::json& root) {
  for (const auto name : kListFields) {
    if (auto it = root.find(name); it != root.end() && it->is_array() && !it->empty() && it->front().is_object()) {
      return &*it;
    }
  }
  if (auto response = root.find("response"); response != root.end() && response->is_object()) {
    return wrapped_list(*response);
  }
  return nullptr;
}

// Why a wrapper object holds no article to read, when it is an API's answer that says so:
// an error reply ({"status": "error", "message": ...}, NewsAPI's and the Guardian's), or a
// page whose list of results is empty. Empty otherwise: the object is then a record.
std::string why_no_articles(const nlohmann::json& root) {
  if (auto response = root.find("response"); response != root.end() && response->is_object()) {
    if (std::string why = why_no_articles(*response); !why.empty()) return why;
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
    records.push_back(Record{item, location, "#" + std::to_string(number), std::nullopt});
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
