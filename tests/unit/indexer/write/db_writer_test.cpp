#include "indexer/write/db_writer.hpp"
#include "indexer/write/pending_spelling.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <map>

#include "common/schema.hpp"
#include "common/spelling_table.hpp"
#include "indexer/analyse/article_document.hpp"
#include "indexer/analyse/passages.hpp"
#include "indexer/analyse/spelling_counts.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

std::optional<Xapian::Document> article_document(const std::string& article_id, const std::string& word = "word") {
  Xapian::Document document;
  document.add_boolean_term(schema::boolean_term(schema::kArticleIdPrefix, article_id));
  document.add_term(word);
  return document;
}

TEST(DbWriter, CreatesADatabaseWithTheSchemaVersion) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok()) << writer.error().reason;
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_metadata(std::string(schema::kSchemaVersionKey)), schema::kSchemaVersion);
}

TEST(DbWriter, ASecondWriterIsToldTheDatabaseIsLocked) {
  test::TempDir dir;
  auto first = DbWriter::open(dir / "db");
  ASSERT_TRUE(first.ok());
  auto second = DbWriter::open(dir / "db");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().kind, ErrorKind::kLocked);
}

TEST(DbWriter, RefusesAFileAndAForeignFolder) {
  test::TempDir dir;
  test::write_file(dir / "file", "x");
  test::write_file(dir / "photos/cat.jpg", "x");
  auto on_file = DbWriter::open(dir / "file");
  ASSERT_FALSE(on_file.ok());
  EXPECT_NE(on_file.error().reason.find("is a file"), std::string::npos);
  auto on_folder = DbWriter::open(dir / "photos");
  ASSERT_FALSE(on_folder.ok());
  EXPECT_NE(on_folder.error().reason.find("not a cs-search database"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir / "photos/cat.jpg"));
}

TEST(DbWriter, ReplacingAnArticleReplacesItsDocument) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->replace_article("a", article_document("a", "old")).ok());
  ASSERT_TRUE((*writer)->replace_article("b", article_document("b")).ok());
  ASSERT_TRUE((*writer)->replace_article("a", article_document("a", "new")).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->article_count(), 2u);
  Xapian::Database db((dir / "db").string());
  EXPECT_FALSE(db.term_exists("old"));
  EXPECT_EQ(db.get_termfreq("new"), 1u);
}

TEST(DbWriter, AnArticleWithNoDocumentRemovesTheOneBefore) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->replace_article("a", article_document("a")).ok());
  auto emptied = (*writer)->replace_article("a", std::nullopt);
  ASSERT_TRUE(emptied.ok());
  EXPECT_TRUE(*emptied) << "it was there";
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_EQ((*writer)->article_count(), 0u);
  EXPECT_FALSE(*(*writer)->replace_article("never", std::nullopt)) << "nothing to remove";
}

TEST(DbWriter, RecordsTheStemLanguagesWithTheCommitThatUsesThem) {
  test::TempDir dir;
  {
    auto writer = DbWriter::open(dir / "db");
    ASSERT_TRUE(writer.ok());
    (*writer)->note_stem_language("french");
    (*writer)->note_stem_language("english");
    EXPECT_EQ(Xapian::Database((dir / "db").string()).get_metadata(std::string(schema::kStemLanguagesKey)), "");
    ASSERT_TRUE((*writer)->commit().ok());
  }
  auto reopened = DbWriter::open(dir / "db");
  ASSERT_TRUE(reopened.ok());
  (*reopened)->note_stem_language("none");
  ASSERT_TRUE((*reopened)->commit().ok());
  EXPECT_EQ(schema::split_list(Xapian::Database((dir / "db").string()).get_metadata(std::string(schema::kStemLanguagesKey))),
            (std::vector<std::string>{"english", "french", "none"}))
      << "a later run adds to the languages of earlier ones";
}

TEST(DbWriter, NothingIsVisibleBeforeTheCommitAndFileStatesCommitWithTheArticles) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->replace_article("a", article_document("a")).ok());
  ASSERT_TRUE((*writer)->replace_article("b", article_document("b")).ok());
  ASSERT_TRUE((*writer)->record_file(FileState{"/in/a.txt", 5, 7, hash_bytes("hello"), {{"a", "h"}}, "/in"}).ok());
  Xapian::Database reader((dir / "db").string());
  EXPECT_EQ(reader.get_doccount(), 0u);
  EXPECT_TRUE(load_file_states(reader).empty());
  ASSERT_TRUE((*writer)->commit().ok());
  reader.reopen();
  EXPECT_EQ(reader.get_doccount(), 2u);
  const auto states = load_file_states(reader);
  ASSERT_EQ(states.count("/in/a.txt"), 1u);
  EXPECT_EQ(states.at("/in/a.txt").articles.at(0).id, "a");
}

TEST(DbWriter, ClosingWithoutACommitKeepsTheLastCommit) {
  test::TempDir dir;
  {
    auto writer = DbWriter::open(dir / "db");
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->replace_article("kept", article_document("kept")).ok());
    ASSERT_TRUE((*writer)->commit().ok());
    ASSERT_TRUE((*writer)->replace_article("lost", article_document("lost")).ok());
    ASSERT_TRUE((*writer)->remove_article("kept").ok());
  }
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_doccount(), 1u);
  EXPECT_TRUE(db.term_exists(schema::boolean_term(schema::kArticleIdPrefix, "kept")));
}

TEST(DbWriter, RemovingAnArticleSaysWhetherItWasThere) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  auto replaced = (*writer)->replace_article("a", article_document("a"));
  ASSERT_TRUE(replaced.ok());
  EXPECT_FALSE(*replaced) << "a new article is not an update";
  EXPECT_TRUE(*(*writer)->replace_article("a", article_document("a")));
  EXPECT_TRUE(*(*writer)->remove_article("a"));
  EXPECT_FALSE(*(*writer)->remove_article("a"));
  EXPECT_EQ((*writer)->article_count(), 0u);
}

TEST(DbWriter, RefusesADatabaseOfAnIncompatibleCsIndexThatARebuildMayClaim) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase old((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    old.set_metadata(std::string(schema::kSchemaVersionKey), "1");
    old.add_document(Xapian::Document());
    old.commit();
  }
  auto opened = DbWriter::open(dir / "db");
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.error().reason.find("incompatible"), std::string::npos);
  EXPECT_NE(opened.error().hint.find("--rebuild"), std::string::npos);
  auto claimed = DbFolder::claim(dir / "db");
  ASSERT_TRUE(claimed.ok()) << "cs-index wrote it, so --rebuild may replace it";
  EXPECT_EQ(DbFolder::claim(dir / "db").error().kind, ErrorKind::kLocked);
}

// The spelling table of the database at `path`: each word with its frequency.
std::map<std::string, std::int64_t> spellings(const std::filesystem::path& path) {
  return spelling_table::read_all(Xapian::Database(path.string()));
}

std::size_t waiting_records(const std::filesystem::path& path) {
  Xapian::Database db(path.string());
  const std::string prefix(schema::kPendingSpellingPrefix);
  return static_cast<std::size_t>(std::distance(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix)));
}

TEST(DbWriter, SpellingCountsWaitInTheDatabaseUntilTheRunsLastCommit) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->add_spelling({{"taiwan", 2}, {"tariff", 1}}).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  ASSERT_TRUE((*writer)->add_spelling({{"taiwan", 3}}).ok());
  ASSERT_TRUE((*writer)->commit().ok());
  EXPECT_TRUE(spellings(dir / "db").empty()) << "not applied at every commit";
  EXPECT_EQ(waiting_records(dir / "db"), 2u) << "but stored with each";
  ASSERT_TRUE((*writer)->commit_with_spelling().ok());
  EXPECT_EQ(spellings(dir / "db"), (std::map<std::string, std::int64_t>{{"taiwan", 5}, {"tariff", 1}}));
  EXPECT_EQ(waiting_records(dir / "db"), 0u);
}

TEST(DbWriter, ARunKilledBeforeItsLastCommitLeavesItsSpellingCountsToTheNextRun) {
  test::TempDir dir;
  {
    auto killed = DbWriter::open(dir / "db");
    ASSERT_TRUE(killed.ok());
    ASSERT_TRUE((*killed)->add_spelling({{"taiwan", 2}}).ok());
    ASSERT_TRUE((*killed)->commit().ok());
    ASSERT_TRUE((*killed)->add_spelling({{"strait", 4}}).ok());  // never committed: lost with its articles
  }
  auto next = DbWriter::open(dir / "db");
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE((*next)->add_spelling({{"taiwan", 1}}).ok());
  ASSERT_TRUE((*next)->commit_with_spelling().ok());
  EXPECT_EQ(spellings(dir / "db"), (std::map<std::string, std::int64_t>{{"taiwan", 3}}));
  EXPECT_EQ(waiting_records(dir / "db"), 0u);
}

// A document as cs-index builds it, and its spelling words (each once) as a batch's counts.
struct BuiltArticle {
  Xapian::Document document;
  std::vector<std::pair<std::string, std::uint32_t>> spelling;
};

BuiltArticle build_article(const std::string& id, const std::string& title, const std::string& body) {
  Article article;
  article.id = article.path = id;
  article.title = title;
  article.body = body;
  Analyzer analyzer;
  ArticleDocumentBuilder builder(analyzer);
  BuiltArticle built{builder.build(article, cut_text(article.body, analyzer), "/data"), {}};
  for (const std::string& word : builder.spelling_words()) {
    if (spelling_table::is_listed_word(word)) built.spelling.emplace_back(word, 1);
  }
  return built;
}

// Completions and suggestions count the articles the index holds: replacing or deleting an
// article takes its words off the counts (read back from its stored text).
TEST(DbWriter, ReplacedAndDeletedArticlesLeaveTheSpellingCounts) {
  test::TempDir dir;
  auto writer = DbWriter::open(dir / "db");
  ASSERT_TRUE(writer.ok());
  const auto write = [&](const std::string& id, const std::string& title, const std::string& body) {
    const BuiltArticle built = build_article(id, title, body);
    ASSERT_TRUE((*writer)->replace_article(id, built.document).ok());
    ASSERT_TRUE((*writer)->add_spelling(built.spelling).ok());
  };
  write("a", "Hurricane warning", "A hurricane hit the coast.");
  write("b", "Tariffs", "Tariffs on steel hit the coast.");
  ASSERT_TRUE((*writer)->commit_with_spelling().ok());
  using SignedCounts = std::map<std::string, std::int64_t>;
  EXPECT_EQ(spellings(dir / "db"), (SignedCounts{{"coast", 2}, {"hit", 2}, {"hurricane", 1}, {"steel", 1},
                                                 {"tariffs", 1}, {"the", 2}, {"warning", 1}}));
  write("a", "Storm warning", "A storm hit the coast.");
  ASSERT_TRUE((*writer)->commit().ok());
  ASSERT_TRUE((*writer)->remove_article("b").ok());
  ASSERT_TRUE((*writer)->commit_with_spelling().ok());
  EXPECT_EQ(spellings(dir / "db"), (SignedCounts{{"coast", 1}, {"hit", 1}, {"storm", 1}, {"the", 1}, {"warning", 1}}))
      << "the hurricane is gone with the article that told of it, the tariffs with theirs";
  EXPECT_EQ(waiting_records(dir / "db"), 0u);
}

TEST(PendingSpelling, IgnoresRecordLinesItDidNotWrite) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
    db.set_metadata(std::string(schema::kPendingSpellingPrefix) + "0000000000000007", "taiwan 2\ngarbage\nstrait x\n\nsea 1");
    db.commit();
  }
  PendingSpelling pending;
  pending.load(Xapian::Database((dir / "db").string()));
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_OPEN);
  pending.add(db, {{"taiwan", 1}});
  pending.apply(db);
  db.commit();
  EXPECT_EQ(spellings(dir / "db"), (std::map<std::string, std::int64_t>{{"sea", 1}, {"taiwan", 3}}));
  EXPECT_EQ(waiting_records(dir / "db"), 0u) << "the record read back and the one added are both removed";
}

TEST(PendingSpelling, IsDueOnceEnoughDistinctWordsWait) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  PendingSpelling pending(3);
  pending.add(db, {{"taiwan", 1}, {"strait", 1}});
  pending.add(db, {{"taiwan", 5}});
  EXPECT_FALSE(pending.due()) << "two distinct words";
  pending.add(db, {{"sea", 1}});
  EXPECT_TRUE(pending.due());
  pending.apply(db);
  EXPECT_TRUE(pending.empty());
  EXPECT_FALSE(pending.due());
}

TEST(PendingSpelling, IsDueAfterEnoughBatchesHowFewTheirWords) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  PendingSpelling pending(1000, 2);
  pending.add(db, {{"taiwan", 1}});
  EXPECT_FALSE(pending.due());
  pending.add(db, {{"taiwan", 1}});
  EXPECT_TRUE(pending.due()) << "searches must not wait for a long run's end to suggest its words";
  pending.apply(db);
  EXPECT_FALSE(pending.due());
}

}  // namespace
}  // namespace cs::indexer
