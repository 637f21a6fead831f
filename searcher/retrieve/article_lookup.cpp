#include "searcher/retrieve/article_lookup.hpp"

#include <vector>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/open_database.hpp"
#include "searcher/retrieve/story_members.hpp"

namespace cs::searcher {

namespace {

// Files listed in an error, at most.
constexpr std::size_t kIdsListed = 5;

// The article_id of the one article of the file `given` names, as a path shown by
// cs-search (absolute, relative to the working directory, or below the indexed root); its
// ids when it gave several; none when no indexed file is that one.
std::vector<std::string> articles_of_file(const Xapian::Database& db, const std::string& given,
                                          const compact_text::DictionaryLookup& dictionaries) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(given, ec).lexically_normal();
  const std::filesystem::path as_given = std::filesystem::path(given).lexically_normal();
  // The parts of the path from the longest down: one of them is the path below the root.
  std::vector<std::filesystem::path> tails;
  for (const std::filesystem::path* whole : {&absolute, &as_given}) {
    const std::filesystem::path relative = whole->relative_path();
    const std::vector<std::filesystem::path> parts(relative.begin(), relative.end());
    for (std::size_t first = 0; first < parts.size(); ++first) {
      std::filesystem::path tail;
      for (std::size_t k = first; k < parts.size(); ++k) tail /= parts[k];
      tails.push_back(tail);
    }
  }
  for (const std::filesystem::path& tail : tails) {
    const std::string path_term = schema::boolean_term(schema::kPathPrefix, tail.generic_string());
    std::vector<std::string> ids;
    for (auto it = db.postlist_begin(path_term); it != db.postlist_end(path_term); ++it) {
      auto record = decode_article_record(db.get_document(*it).get_data(), dictionaries);
      if (!record) continue;
      // Under the root the path names, when it names one; any root when it is only the tail.
      const bool same_file = tail == as_given || std::filesystem::path(display_path(*record)).lexically_normal() == absolute;
      if (same_file) ids.push_back(record->article_id);
    }
    if (!ids.empty()) return ids;
  }
  return {};
}

bool holds(const Xapian::Database& db, const std::string& article_id) {
  return db.term_exists(schema::boolean_term(schema::kArticleIdPrefix, article_id));
}

}  // namespace

Result<std::string> resolve_article_id(const Xapian::Database& db, const std::string& given,
                                       const compact_text::DictionaryLookup& dictionaries) {
  if (holds(db, given)) return given;
  // A passage id, as results and judgments name passages: the article it is part of.
  if (const std::size_t hash = given.rfind('#'); hash != std::string::npos && hash + 1 < given.size() &&
                                                  given.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
    const std::string article = given.substr(0, hash);
    if (holds(db, article)) return article;
  }
  const std::vector<std::string> ids = articles_of_file(db, given, dictionaries);
  if (ids.size() == 1) return ids.front();
  if (ids.size() > 1) {
    std::string listed;
    for (std::size_t i = 0; i < ids.size() && i < kIdsListed; ++i) listed += (i > 0 ? ", " : "") + ids[i];
    return Error{ErrorKind::kQuery, "", "",
                 "'" + given + "' holds " + std::to_string(ids.size()) + " articles (" + listed +
                     (ids.size() > kIdsListed ? ", ..." : "") + ")",
                 "give one article_id (--format jsonl prints them)"};
  }
  return Error{ErrorKind::kQuery, "", "", "no article or indexed file '" + given + "' in the database",
               "give an article_id or a file's path as cs-search prints them"};
}

Result<ArticleView> read_article(const Xapian::Database& db, const std::string& article_id,
                                 const std::filesystem::path& path, const compact_text::DictionaryLookup& dictionaries) {
  const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
  Xapian::PostingIterator posting = db.postlist_begin(id_term);
  if (posting == db.postlist_end(id_term)) {
    return Error{ErrorKind::kQuery, "", "", "no article '" + article_id + "' in the database",
                 "give an article_id as cs-search prints it"};
  }
  const Xapian::Document document = db.get_document(*posting);
  auto record = decode_article_record(document.get_data(), dictionaries);
  if (!record) {
    Error error = record.error();
    error.path = path.string();
    return error;
  }
  ArticleView article;
  article.passages.reserve(record->count);
  for (std::uint32_t i = 0; i < record->count; ++i) {
    auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(i)), dictionaries);
    if (!text) {
      return database_error(path, "unreadable text of passage " + passage_id(article_id, i),
                            "rebuild the database: cs-index --rebuild");
    }
    article.passages.push_back(std::move(text->text));
  }
  auto members = story_members(db, story_documents(db, document.get_value(schema::kStorySlot), {*posting, article_id}),
                               StoryDetail::kWhole, {dictionaries, path});
  if (!members) return members.error();
  article.also_in = std::move(*members);
  article.record = std::move(*record);
  return article;
}

}  // namespace cs::searcher
