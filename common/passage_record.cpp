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

Result<PassageRecord> decode_article_record(std::string_view data) {
  try {
    const auto j = nlohmann::json::parse(data);
    PassageRecord r;
    r.article_id = j.at("article_id").get<std::string>();
    r.title = j.value("title", "");
    r.source = j.value("source", "");
    r.author = j.value("author", "");
    r.date = j.value("date", "");
    r.url = j.value("url", "");
    r.path = j.value("path", "");
    r.root = j.value("root", "");
    r.lang = j.value("lang", "");
    r.topics = j.value("topics", std::vector<std::string>{});
    r.count = j.value("count", 0u);
    r.preview = j.value("preview", false);
    r.no_article_text = j.value("no_article_text", false);
    return r;
  } catch (const nlohmann::json::exception& e) {
    return Error{ErrorKind::kDatabase, "", "", std::string("unreadable article record (") + e.what() + ")",
                 "delete the database folder and run cs-index again"};
  }
}

}  // namespace cs
