#include "searcher/retrieve/story_members.hpp"

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/value_table.hpp"

namespace cs::searcher {

namespace {

Result<StoryMember> whole_member(const Xapian::Database& db, Xapian::docid document, const MemberSources& from) {
  auto record = decode_article_record(db.get_document(document, Xapian::DOC_ASSUME_VALID).get_data(), from.dictionaries);
  if (!record) {
    Error error = record.error();
    error.path = from.path.string();
    return error;
  }
  return StoryMember{record->article_id, record->title, record->source, record->date, record->url, display_path(*record)};
}

StoryMember member_by_source(const Xapian::Database& db, Xapian::docid document, const ValueTable* sources) {
  StoryMember member;
  if (sources != nullptr) {
    if (const std::uint32_t id = sources->id_of(document); id != 0) member.source = sources->value(id);
  } else {
    const Xapian::Document article = db.get_document(document, Xapian::DOC_ASSUME_VALID);
    member.source = std::string(schema::view_facet_key(article.get_value(schema::kFacetKeySlot)).source);
  }
  if (member.source.empty()) member.article_id = db.get_document(document, Xapian::DOC_ASSUME_VALID).get_value(schema::kArticleIdSlot);
  return member;
}

}  // namespace

std::vector<Xapian::docid> story_documents(const Xapian::Database& db, const std::string& story, Xapian::docid own) {
  std::vector<Xapian::docid> documents;
  const std::string term = schema::story_term(story);
  // Most stories are one article: a term frequency lookup settles them without a postlist read.
  if (story.empty() || db.get_termfreq(term) <= 1) return documents;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && documents.size() < kMaxStoryMembers; ++it) {
    if (*it != own) documents.push_back(*it);
  }
  return documents;
}

std::vector<Xapian::docid> story_documents(std::span<const Xapian::docid> articles, Xapian::docid own) {
  std::vector<Xapian::docid> documents;
  for (std::size_t i = 0; i < articles.size() && documents.size() < kMaxStoryMembers; ++i) {
    if (articles[i] != own) documents.push_back(articles[i]);
  }
  return documents;
}

Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> documents,
                                               StoryDetail detail, const MemberSources& from) {
  std::vector<StoryMember> members;
  if (detail == StoryDetail::kNone) return members;
  members.reserve(documents.size());
  for (const Xapian::docid document : documents) {
    if (detail == StoryDetail::kSources) {
      members.push_back(member_by_source(db, document, from.sources));
      continue;
    }
    auto member = whole_member(db, document, from);
    if (!member) return member.error();
    members.push_back(std::move(*member));
  }
  return members;
}

}  // namespace cs::searcher
