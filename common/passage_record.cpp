#include "common/passage_record.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace cs {

std::string encode_article_record(const PassageRecord& r) {
  nlohmann::json j = {
      {"article_id", r.article_id}, {"title", r.title}, {"source", r.source}, {"author", r.author},
      {"date", r.date},             {"url", r.url},     {"path", r.path},     {"root", r.root},
      {"lang", r.lang},             {"topics", r.topics}, {"count", r.count}, {"preview", r.preview},
  };
  // Written only when set, so records of articles with text stay as they were.
  if (r.no_article_text) j["no_article_text"] = true;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string display_path(const PassageRecord& record) {
  if (record.root.empty()) return record.path;
  return (std::filesystem::path(record.root) / record.path).string();
}

std::string passage_id(std::string_view article_id, std::uint32_t passage_index) {
  std::string id(article_id);
  id.push_back('#');
  id.append(std::to_string(passage_index));
  return id;
}

namespace {

// Reads a record's fields straight into a PassageRecord as nlohmann's parser meets them,
// without building the JSON tree first: a hit and each member of its story decode one, so
// this runs ten to a hundred times a query. Fields of another type than written fail the
// record; fields it does not know (a later cs-index's) are skipped.
class RecordReader : public nlohmann::json_sax<nlohmann::json> {
 public:
  explicit RecordReader(PassageRecord& record) : record_(record) {}

  bool null() override { return depth_ > 1 || !known(key_); }
  bool boolean(bool value) override {
    if (depth_ > 1) return true;
    if (key_ == "preview") record_.preview = value;
    else if (key_ == "no_article_text") record_.no_article_text = value;
    else return !known(key_);
    return true;
  }
  bool number_integer(number_integer_t value) override {
    return value >= 0 ? number_unsigned(static_cast<number_unsigned_t>(value)) : depth_ > 1 || !known(key_);
  }
  bool number_unsigned(number_unsigned_t value) override {
    if (depth_ > 1) return true;
    if (key_ != "count") return !known(key_);
    record_.count = static_cast<std::uint32_t>(value);
    return true;
  }
  bool number_float(number_float_t, const string_t&) override { return depth_ > 1 || !known(key_); }
  bool string(string_t& value) override {
    if (depth_ == 2 && in_topics_) {
      record_.topics.push_back(std::move(value));
      return true;
    }
    if (depth_ > 1) return true;
    std::string* field = text_field(key_);
    if (field == nullptr) return !known(key_);
    *field = std::move(value);
    if (key_ == "article_id") has_id_ = true;
    return true;
  }
  bool binary(binary_t&) override { return depth_ > 1 || !known(key_); }
  bool start_object(std::size_t) override {
    if (depth_ == 1 && known(key_)) return false;  // no field of ours is an object
    ++depth_;
    return true;
  }
  bool key(string_t& value) override {
    if (depth_ == 1) key_ = std::move(value);
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 0) return false;  // a record is an object
    if (depth_ == 1) {
      if (key_ != "topics" && known(key_)) return false;
      in_topics_ = key_ == "topics";
    }
    ++depth_;
    return true;
  }
  bool end_array() override {
    if (--depth_ == 1) in_topics_ = false;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    error_ = e.what();
    return false;
  }

  // Whether the whole text was an object holding at least the article's id.
  bool complete() const { return has_id_; }
  const std::string& error() const { return error_; }

 private:
  std::string* text_field(const std::string& name) {
    if (name == "article_id") return &record_.article_id;
    if (name == "title") return &record_.title;
    if (name == "source") return &record_.source;
    if (name == "author") return &record_.author;
    if (name == "date") return &record_.date;
    if (name == "url") return &record_.url;
    if (name == "path") return &record_.path;
    if (name == "root") return &record_.root;
    if (name == "lang") return &record_.lang;
    return nullptr;
  }
  bool known(const std::string& name) {
    return text_field(name) != nullptr || name == "topics" || name == "count" || name == "preview" ||
           name == "no_article_text";
  }

  PassageRecord& record_;
  int depth_ = 0;
  std::string key_;
  bool in_topics_ = false;
  bool has_id_ = false;
  std::string error_;
};

}  // namespace

Result<PassageRecord> decode_article_record(std::string_view data) {
  PassageRecord record;
  RecordReader reader(record);
  const bool parsed = nlohmann::json::sax_parse(data, &reader);
  if (parsed && reader.complete()) return record;
  const std::string why = !reader.error().empty() ? reader.error()
                          : parsed               ? "no article_id"
                                                 : "a field of another type than cs-index writes";
  return Error{ErrorKind::kDatabase, "", "", "unreadable article record (" + why + ")",
               "delete the database folder and run cs-index again"};
}

}  // namespace cs
