#include "searcher/retrieve/story_members.hpp"

#include <optional>

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/value_table.hpp"

namespace cs::searcher {

namespace {

// Whether `document` is a member under `hit`: not the hit itself, nor, where several
// databases are searched as one, another database's copy of its article (its id read from
// a value, so only there: within one database an id names one article).
bool is_member(const Xapian::Database& db, Xapian::docid document, const StoryHit& hit) {
  if (document == hit.document) return false;
  return db.size() == 1 ||
         db.get_document(document, Xapian::DOC_ASSUME_VALID).get_value(schema::kArticleIdSlot) != hit.article_id;
}

// Everything the JSON and the web page show of a member: its record, read and decompressed.
Result<StoryMember> whole_member(const Xapian::Database& db, Xapian::docid document, const MemberReading& reading) {
  auto record = decode_article_record(db.get_document(document, Xapian::DOC_ASSUME_VALID).get_data(), reading.dictionaries);
  if (!record) {
    Error error = record.error();
    error.path = reading.path.string();
    return error;
  }
  return StoryMember{record->article_id, record->title, record->source, record->date, record->url, display_path(*record)};
}

// What text shows of a member, its source, without its record: from the session's table,
// or from the article's facet key (a value a few dozen bytes long where the record is
// hundreds, and not compressed).
StoryMember member_by_source(const Xapian::Database& db, Xapian::docid document, const ValueTable* source_table) {
  StoryMember member;
  std::optional<Xapian::Document> article;
  const auto value = [&](Xapian::valueno slot) {
    if (!article) article = db.get_document(document, Xapian::DOC_ASSUME_VALID);
    return article->get_value(slot);
  };
  if (source_table != nullptr) {
    if (const std::uint32_t id = source_table->id_of(document); id != 0) member.source = source_table->value(id);
  } else {
    member.source = std::string(schema::view_facet_key(value(schema::kFacetKeySlot)).source);
  }
  if (member.source.empty()) member.article_id = value(schema::kArticleIdSlot);
  return member;
}

}  // namespace

std::vector<Xapian::docid> story_documents(const Xapian::Database& db, const std::string& story, const StoryHit& hit) {
  std::vector<Xapian::docid> documents;
  const std::string term = schema::story_term(story);
  // Most stories are one article: a term frequency lookup settles them without a postlist read.
  if (story.empty() || db.get_termfreq(term) <= 1) return documents;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && documents.size() < kMaxStoryMembers; ++it) {
    if (is_member(db, *it, hit)) documents.push_back(*it);
  }
  return documents;
}

std::vector<Xapian::docid> story_documents(const Xapian::Database& db, std::span<const Xapian::docid> articles,
                                           const StoryHit& hit) {
  std::vector<Xapian::docid> documents;
  for (std::size_t i = 0; i < articles.size() && documents.size() < kMaxStoryMembers; ++i) {
    if (is_member(db, articles[i], hit)) documents.push_back(articles[i]);
  }
  return documents;
}

Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> documents,
                                               StoryDetail detail, const MemberReading& reading) {
  std::vector<StoryMember> members;
  if (detail == StoryDetail::kNone) return members;
  members.reserve(documents.size());
  for (const Xapian::docid document : documents) {
    if (detail == StoryDetail::kSources) {
      members.push_back(member_by_source(db, document, reading.source_table));
      continue;
    }
    auto member = whole_member(db, document, reading);
    if (!member) return member.error();
    members.push_back(std::move(*member));
  }
  return members;
}

}  // namespace cs::searcher
