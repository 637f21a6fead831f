#include "common/passage_record.hpp"

#include <nlohmann/json.hpp>
#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <utility>

#include "common/compact_text.hpp"
#include "common/simdjson_kernel.hpp"

namespace cs {

namespace {

// The largest record stored compressed: a title, a path and a few names come nowhere near
// it, and what does (a feed item with megabytes of tags) is stored as JSON.
constexpr std::size_t kMaxRecordBytes = 1024 * 1024;

}  // namespace

std::string article_record_json(const PassageRecord& r) {
  nlohmann::json j = {
      {"article_id", r.article_id}, {"title", r.title}, {"source", r.source}, {"author", r.author},
      {"date", r.date},             {"url", r.url},     {"path", r.path},     {"root", r.root},
      {"lang", r.lang},             {"topics", r.topics}, {"count", r.count}, {"preview", r.preview},
  };
  // Written only when set, so records of articles with text stay as they were.
  if (r.no_article_text) j["no_article_text"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string encode_article_record(const PassageRecord& record, const compact_text::Dictionary* dictionary) {
  std::string json = article_record_json(record);
  // A record the reader would refuse to decompress is stored as it is (a JSON text never
  // begins as a frame does).
  if (json.size() <= kMaxRecordBytes) {
    if (auto frame = compact_text::compress(json, dictionary)) return std::move(*frame);
  }
  return json;
}

std::string display_path(const PassageRecord& record) {
  // std::filesystem::path's operator/ by hand, for the paths cs-index stores (POSIX, the
  // relative path never absolute but kept so if it were): a path object took 5,600
  // instructions a member of every story shown (callgrind, news 10x).
  if (record.root.empty() || record.path.starts_with('/')) return record.path;
  std::string joined;
  joined.reserve(record.root.size() + 1 + record.path.size());
  joined.append(record.root);
  if (!joined.ends_with('/')) joined.push_back('/');
  return joined.append(record.path);
}

std::string passage_id(std::string_view article_id, std::uint32_t passage_index) {
  std::string id(article_id);
  id.push_back('#');
  id.append(std::to_string(passage_index));
  return id;
}

namespace {

// The record's field named `key` that holds text, or nullptr.
std::string* text_field(PassageRecord& record, std::string_view key) {
  if (key == "article_id") return &record.article_id;
  if (key == "title") return &record.title;
  if (key == "source") return &record.source;
  if (key == "author") return &record.author;
  if (key == "date") return &record.date;
  if (key == "url") return &record.url;
  if (key == "path") return &record.path;
  if (key == "root") return &record.root;
  if (key == "lang") return &record.lang;
  return nullptr;
}

// Reads the record's fields straight into `record` with simdjson's on-demand parser: a hit
// and each member of its story decode one, so this runs ten to a hundred times a query,
// and nlohmann's parser took 3.7 us a record where this takes about 0.6. Fields of another
// type than written fail the record; fields it does not know (a later cs-index's) are
// skipped. Returns why it failed, or "" when it did not.
std::string read_record(std::string_view data, PassageRecord& record) {
  namespace od = simdjson::ondemand;
  choose_simdjson_kernel();
  thread_local od::parser parser;  // its buffers serve every record of the thread
  const simdjson::padded_string padded(data);
  od::document document;
  od::object object;
  if (const auto error = parser.iterate(padded).get(document); error) return simdjson::error_message(error);
  if (const auto error = document.get_object().get(object); error) return simdjson::error_message(error);
  bool has_id = false;
  for (auto member : object) {
    od::field field;
    std::string_view key;
    if (const auto error = std::move(member).get(field); error) return simdjson::error_message(error);
    if (const auto error = field.unescaped_key().get(key); error) return simdjson::error_message(error);
    od::value value = field.value();
    if (std::string* text = text_field(record, key)) {
      std::string_view got;
      if (value.get_string().get(got)) return "\"" + std::string(key) + "\" is no string";
      text->assign(got);
      has_id = has_id || key == "article_id";
    } else if (key == "topics") {
      od::array topics;
      if (value.get_array().get(topics)) return "\"topics\" is no list";
      for (auto topic : topics) {
        std::string_view got;
        if (topic.get_string().get(got)) return "a topic is no string";
        record.topics.emplace_back(got);
      }
    } else if (key == "count") {
      std::uint64_t got = 0;
      if (value.get_uint64().get(got) || got > UINT32_MAX) return "\"count\" is no count";
      record.count = static_cast<std::uint32_t>(got);
    } else if (key == "preview" || key == "no_article_text") {
      bool got = false;
      if (value.get_bool().get(got)) return "\"" + std::string(key) + "\" is no true or false";
      (key == "preview" ? record.preview : record.no_article_text) = got;
    }
    // Any other field is a later cs-index's: the parser steps over its value (checking its
    // brackets and UTF-8, not the spelling of its atoms).
  }
  // Past the record's closing brace there is nothing left to read.
  if (document.current_location().error() != simdjson::OUT_OF_BOUNDS) return "text after the record";
  return has_id ? std::string() : "no article_id";
}

}  // namespace

Result<PassageRecord> decode_article_record(std::string_view data, const compact_text::DictionaryLookup& dictionaries) {
  PassageRecord record;
  std::optional<std::string> json;
  std::string why;
  if (compact_text::is_compressed(data)) {
    json = compact_text::decompress(data, kMaxRecordBytes, dictionaries);
    if (json) {
      data = *json;
    } else {
      why = "damaged compression";
    }
  }
  if (why.empty()) why = read_record(data, record);
  if (why.empty()) return record;
  return Error{ErrorKind::kDatabase, "", "", "unreadable article record (" + why + ")",
               "delete the database folder and run cs-index again"};
}

}  // namespace cs
