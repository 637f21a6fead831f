#include "searcher/retrieve/story_members.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "common/passage_record.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/value_table.hpp"
#include "support/test_support.hpp"

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;

const std::string kStory = "story-key";

// A story's article as cs-index writes one (schema.hpp): its id, its facet key, its story,
// and its record as the document's data, or `data` in its place.
Xapian::Document article(const std::string& id, const std::string& source, const std::string* data = nullptr) {
  Xapian::Document document;
  PassageRecord record;
  record.article_id = id;
  record.title = "Title of " + id;
  record.source = source;
  document.set_data(data != nullptr ? *data : encode_article_record(record));
  document.add_value(schema::kArticleIdSlot, id);
  document.add_value(schema::kFacetKeySlot, schema::encode_facet_key({"", source, "", "en", {}}));
  document.add_value(schema::kStorySlot, kStory);
  document.add_boolean_term(schema::story_term(kStory));
  return document;
}

std::vector<std::string> sources_of(const std::vector<StoryMember>& members) {
  std::vector<std::string> sources;
  for (const StoryMember& member : members) sources.push_back(member.source.empty() ? "id " + member.article_id : member.source);
  return sources;
}

class StoryMembers : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE);
    const std::string unreadable = "not a record";
    db.add_document(article("reuters/a.txt", "Reuters"));                  // 1: the hit
    db.add_document(article("ap/a.txt", "AP", &unreadable));               // 2: its record cannot be read
    db.add_document(article("notes.txt", ""));                             // 3: no source
    db.add_document(article("cnn/a.txt", "CNN"));                          // 4
    db.commit();
  }
  std::string path() const { return (dir_ / "db").string(); }
  Result<std::vector<StoryMember>> members(const Xapian::Database& db, StoryDetail detail,
                                           const ValueTable* source_table = nullptr) {
    return story_members(db, story_documents(db, kStory, {1, hit_id_}), detail, {lookup_, dir_.path(), source_table});
  }

  test::TempDir dir_;
  const std::string hit_id_ = "reuters/a.txt";
  const compact_text::DictionaryLookup lookup_ = [](unsigned) -> const compact_text::Dictionary* { return nullptr; };
};

// Text names the members by source and reads no record of theirs: a member whose record
// cannot be read is still named, where JSON, which shows the record, fails on it.
TEST_F(StoryMembers, SourcesAreReadWithoutTheMembersRecords) {
  const Xapian::Database db(path());
  const auto by_source = members(db, StoryDetail::kSources);
  ASSERT_TRUE(by_source) << by_source.error().reason;
  EXPECT_THAT(sources_of(*by_source), ElementsAre("AP", "id notes.txt", "CNN"));
  EXPECT_TRUE((*by_source)[0].title.empty()) << "nothing but the source is read";

  const auto whole = members(db, StoryDetail::kWhole);
  ASSERT_FALSE(whole);
  EXPECT_EQ(whole.error().kind, ErrorKind::kDatabase);

  const auto none = members(db, StoryDetail::kNone);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

// A session's table of sources names them as the facet keys do; it is read at the second
// ask, and forgotten with the session's other tables.
TEST_F(StoryMembers, ASessionsTableOfSourcesNamesThemAsTheirFacetKeysDo) {
  const Xapian::Database db(path());
  ValueTables tables;
  EXPECT_EQ(tables.source_table(db), nullptr) << "one command asks once, and reads no whole slot";
  const auto table = tables.source_table(db);
  ASSERT_NE(table, nullptr);
  const auto from_table = members(db, StoryDetail::kSources, table.get());
  ASSERT_TRUE(from_table);
  EXPECT_THAT(sources_of(*from_table), ElementsAre("AP", "id notes.txt", "CNN"));
  tables.forget();
  EXPECT_EQ(tables.source_table(db), nullptr);

  Xapian::Database both(path());
  both.add_database(Xapian::Database(path()));
  ValueTables combined;
  combined.source_table(both);
  EXPECT_EQ(combined.source_table(both), nullptr) << "document ids of combined databases are not one database's";
}

// Two databases searched as one may both hold an article: its other copy is no member of
// its story, the other articles are, each database's.
TEST_F(StoryMembers, TheHitsCopyInAnotherDatabaseSearchedWithItIsNoMember) {
  Xapian::Database both(path());
  both.add_database(Xapian::Database(path()));
  // Combined, document d of the first database is 2d - 1; the hit is its article 1.
  const std::vector<Xapian::docid> documents = story_documents(both, kStory, {1, hit_id_});
  EXPECT_THAT(documents, ElementsAre(3, 4, 5, 6, 7, 8));
  const auto members = story_members(both, documents, StoryDetail::kSources, {lookup_, dir_.path()});
  ASSERT_TRUE(members);
  EXPECT_THAT(sources_of(*members), ElementsAre("AP", "AP", "id notes.txt", "id notes.txt", "CNN", "CNN"));
}

}  // namespace
}  // namespace cs::searcher
