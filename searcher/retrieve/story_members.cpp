#include "searcher/retrieve/story_members.hpp"

#include "common/passage_record.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace {

// Adds the article of `document` to `members` unless it is `article_id`; a kDatabase error
// about `path` when its record is unreadable.
Status add_member(const Xapian::Database& db, Xapian::docid document, const std::string& article_id,
                  const std::filesystem::path& path, const compact_text::DictionaryLookup& dictionaries,
                  std::vector<StoryMember>& members) {
  auto record = decode_article_record(db.get_document(document, Xapian::DOC_ASSUME_VALID).get_data(), dictionaries);
  if (!record) {
    Error error = record.error();
    error.path = path.string();
    return error;
  }
  if (record->article_id != article_id) {
    members.push_back(StoryMember{record->article_id, record->title, record->source, record->date, record->url,
                                  display_path(*record)});
  }
  return ok_status();
}

}  // namespace

Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, const std::string& story,
                                               const std::string& article_id, const std::filesystem::path& path,
                                               const compact_text::DictionaryLookup& dictionaries) {
  std::vector<StoryMember> members;
  const std::string term = schema::story_term(story);
  // Most stories are one article: a term frequency lookup settles them without a document read.
  if (db.get_termfreq(term) <= 1) return members;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && members.size() < kMaxStoryMembers; ++it) {
    if (Status added = add_member(db, *it, article_id, path, dictionaries, members); !added) return added.error();
  }
  return members;
}

Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> articles,
                                               const std::string& article_id, const std::filesystem::path& path,
                                               const compact_text::DictionaryLookup& dictionaries) {
  std::vector<StoryMember> members;
  if (articles.size() <= 1) return members;
  for (std::size_t i = 0; i < articles.size() && members.size() < kMaxStoryMembers; ++i) {
    if (Status added = add_member(db, articles[i], article_id, path, dictionaries, members); !added) return added.error();
  }
  return members;
}

}  // namespace cs::searcher
