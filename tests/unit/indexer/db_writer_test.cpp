#include "indexer/db_writer.hpp"

#include <gtest/gtest.h>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

std::vector<Xapian::Document> passages_of(const std::string& article_id, int count) {
  std::vector<Xapian::Document> documents(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    documents[static_cast<std::size_t>(i)].add_boolean_term(schema::boolean_term(schema::kArticleIdPrefix, article_id));
    documents[static_cast<std::size_t>(i)].add_term("word");
  }
  return documents;
}

TEST(DbWriter, CreatesADatabaseWithTheSchemaVersion) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db", 1 << 20);
  ASSERT_TRUE(writer.ok()) << writer.error().reason;
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)), schema::kSchemaVersion);
}

TEST(DbWriter, ASecondWriterIsToldTheDatabaseIsLocked) {
  test::TempDir dir;
  auto first = DbWriter::open(dir / "db", 1 << 20);
  ASSERT_TRUE(first.ok());
  auto second = DbWriter::open(dir / "db", 1 << 20);
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::kLocked);
  EXPECT_NE(second.error().reason.find("locked"), std::string::npos);
}

TEST(DbWriter, RefusesAFileAndAForeignFolder) {
  test::TempDir dir;
  test::write_file(dir / "file", "x");
  test::write_file(dir / "photos/cat.jpg", "x");
  auto on_file = DbWriter::open(dir / "file", 1 << 20);
  ASSERT_FALSE(on_file.ok());
  EXPECT_NE(on_file.error().reason.find("is a file"), std::string::npos);
  auto on_folder = DbWriter::open(dir / "photos", 1 << 20);
  ASSERT_FALSE(on_folder.ok());
  EXPECT_NE(on_folder.error().reason.find("not a cs-search database"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "photos/cat.jpg"));
}

TEST(DbWriter, ReplacingAnArticleReplacesAllItsPassages) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db", 1 << 20);
  ASSERT_TRUE(writer.ok());
  auto three = passages_of("a", 3);
  auto other = passages_of("b", 2);
  auto one = passages_of("a", 1);
  ASSERT_TRUE((*writer)->replace_article("a", three, 10).ok());
  ASSERT_TRUE((*writer)->replace_article("b", other, 10).ok());
  ASSERT_TRUE((*writer)->replace_article("a", one, 10).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->passage_count(), 3u);
}

TEST(DbWriter, RecordsTheStemLanguagesWithTheCommitThatUsesThem) {
  test::TempDir dir;
  {
    auto writer = DbWriter::open(dir / "db", 1 << 20);
    ASSERT_TRUE(writer.ok());
    (*writer)->note_stem_language("french");
    (*writer)->note_stem_language("english");
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_metadata(std::string(schema::kStemLanguagesKey)), "");
    ASSERT_TRUE((*writer)->commit().ok());
  }
  auto reopened = DbWriter::open(dir / "db", 1 << 20);
  ASSERT_TRUE(reopened.ok());
  (*reopened)->note_stem_language("none");
  ASSERT_TRUE((*reopened)->commit().ok());
  EXPECT_EQ(schema::split_list(Xapian::Database((dir / "db").string()).get_metadata(std::string(schema::kStemLanguagesKey))),
            (std::vector<std::string>{"english", "french", "none"}))
      << "a later run adds to the languages of earlier ones";
}

TEST(DbWriter, CommitsEachFullBatchSoReadersSeeIt) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db", 100);
  ASSERT_TRUE(writer.ok());
  auto small = passages_of("a", 2);
  ASSERT_TRUE((*writer)->replace_article("a", small, 50).ok());
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 0u) << "half a batch is not committed yet";
  auto full = passages_of("b", 2);
  ASSERT_TRUE((*writer)->replace_article("b", full, 60).ok());
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 4u);
}

}  // namespace
}  // namespace cs::indexer
