// Runs the real cs-index again and again over folders that change between runs: only new and
// changed files are read, only changed records rewritten, deleted files' articles removed,
// and --rebuild swaps in a fresh database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <utime.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

namespace fs = std::filesystem;

std::string article(const std::string& title, const std::string& body) { return title + "\n\n" + body + "\n"; }

// The "articles added ..." summary line of a run.
std::string article_counts(const CliResult& r) {
  for (const std::string& line : lines(r.out)) {
    if (line.find("articles added") != std::string::npos) return line.substr(line.find("added"));
  }
  return "no summary in: " + r.out + r.err;
}

class IncrementalIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "in/a.txt", article("Tariffs", "Negotiators discussed tariffs on steel in Geneva."));
    write_file(dir_ / "in/b.txt", article("Chips", "Export controls on semiconductors tightened again."));
    write_file(dir_ / "in/feed.jsonl",
               "{\"id\":\"r1\",\"title\":\"One\",\"text\":\"A record about rare earth minerals.\"}\n"
               "{\"id\":\"r2\",\"title\":\"Two\",\"text\":\"A record about shipping lanes.\"}\n");
    ASSERT_EQ(article_counts(index()), "added 4, updated 0, removed 0, unchanged 0; 4 passages written");
  }
  CliResult index(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--db", db(), "--verbose", (dir_ / "in").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    CliResult r = run_cli(cs_index_binary(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r;
  }
  std::string db() const { return (dir_ / "db").string(); }
  std::vector<std::string> found(const std::string& query) { return search_article_ids(db(), query); }

  TempDir dir_;
};

TEST_F(IncrementalIndex, ASecondRunReadsNothingWhenNothingChanged) {
  const CliResult r = index();
  EXPECT_EQ(article_counts(r), "added 0, updated 0, removed 0, unchanged 4; 0 passages written");
  EXPECT_THAT(r.out, HasSubstr("3 files: 0 read, 3 unchanged"));
  EXPECT_THAT(r.out, HasSubstr("0.00 MB read"));
}

// An upgrade that reads or analyses files otherwise (kReadingVersion) reaches files indexed
// before it at the next run, changed or not, and writes their articles again: the version is
// part of each article's hash.
TEST_F(IncrementalIndex, FilesAnEarlierVersionIndexedAreReadAndWrittenAgainOnce) {
  {
    // The states an earlier cs-index wrote: no reading version, and each article's hash of
    // that version's, which this one's is not.
    Xapian::WritableDatabase written(db());
    std::vector<std::pair<std::string, std::string>> states;
    const std::string prefix(schema::kFileStatePrefix);
    for (auto key = written.metadata_keys_begin(prefix); key != written.metadata_keys_end(prefix); ++key) {
      nlohmann::json state = nlohmann::json::parse(written.get_metadata(*key));
      ASSERT_TRUE(state.contains("reading")) << state.dump();
      state.erase("reading");
      for (nlohmann::json& article : state["articles"]) article[1] = std::string(32, '0');
      states.emplace_back(*key, state.dump());
    }
    ASSERT_EQ(states.size(), 3u);
    for (const auto& [key, state] : states) written.set_metadata(key, state);
    written.commit();
  }
  const CliResult again = index();
  EXPECT_THAT(again.out, HasSubstr("3 files: 3 read, 0 unchanged"));
  EXPECT_THAT(again.out, HasSubstr("3 files read again (indexed by an earlier cs-index"));
  EXPECT_EQ(article_counts(again), "added 0, updated 4, removed 0, unchanged 0; 4 passages written");
  EXPECT_THAT(found("steel"), ElementsAre("a.txt"));
  // Read by this version now: left alone from here on.
  const CliResult after = index();
  EXPECT_THAT(after.out, HasSubstr("3 files: 0 read, 3 unchanged"));
  EXPECT_THAT(after.out, Not(HasSubstr("read again")));
}

TEST_F(IncrementalIndex, ATouchedButUnchangedFileIsHashedAndLeftAlone) {
  ASSERT_EQ(::utime((dir_ / "in/a.txt").c_str(), nullptr), 0);  // new modification time, same bytes
  const CliResult r = index();
  EXPECT_EQ(article_counts(r), "added 0, updated 0, removed 0, unchanged 4; 0 passages written");
  EXPECT_THAT(r.out, Not(HasSubstr("updated /")));
}

TEST_F(IncrementalIndex, AChangedFileIsReadAgainAndItsArticleUpdated) {
  write_file(dir_ / "in/a.txt", article("Tariffs", "Negotiators discussed tariffs on aluminium in Geneva."));
  const CliResult r = index();
  EXPECT_EQ(article_counts(r), "added 0, updated 1, removed 0, unchanged 3; 1 passage written");
  EXPECT_THAT(r.out, HasSubstr("updated " + (dir_ / "in/a.txt").string() + " (1 article)"));
  EXPECT_THAT(found("aluminium"), ElementsAre("a.txt"));
  EXPECT_THAT(found("steel"), IsEmpty());
}

TEST_F(IncrementalIndex, OnlyTheChangedRecordOfAJsonLinesFileIsRewritten) {
  write_file(dir_ / "in/feed.jsonl",
             "{\"id\":\"r1\",\"title\":\"One\",\"text\":\"A record about rare earth minerals.\"}\n"
             "{\"id\":\"r2\",\"title\":\"Two\",\"text\":\"A record about shipping lanes in the Red Sea.\"}\n"
             "{\"id\":\"r3\",\"title\":\"Three\",\"text\":\"A new record about fisheries.\"}\n");
  EXPECT_EQ(article_counts(index()), "added 1, updated 1, removed 0, unchanged 3; 2 passages written");
  write_file(dir_ / "in/feed.jsonl",
             "{\"id\":\"r2\",\"title\":\"Two\",\"text\":\"A record about shipping lanes in the Red Sea.\"}\n"
             "{\"id\":\"r3\",\"title\":\"Three\",\"text\":\"A new record about fisheries.\"}\n");
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 1, unchanged 4; 0 passages written");
  EXPECT_THAT(found("minerals"), IsEmpty());
  EXPECT_THAT(found("fisheries"), ElementsAre("r3"));
}

TEST_F(IncrementalIndex, ADeletedFilesArticlesAreRemoved) {
  fs::remove(dir_ / "in/b.txt");
  const CliResult r = index();
  EXPECT_EQ(article_counts(r), "added 0, updated 0, removed 1, unchanged 3; 0 passages written");
  EXPECT_THAT(r.out, HasSubstr("removed " + (dir_ / "in/b.txt").string() + " (1 article)"));
  EXPECT_THAT(found("semiconductors"), IsEmpty());
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 0, unchanged 3; 0 passages written");
}

TEST_F(IncrementalIndex, AFileNowIgnoredIsRemovedLikeADeletedOne) {
  write_file(dir_ / "in/.csignore", "b.txt\n");
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 1, unchanged 3; 0 passages written");
}

TEST_F(IncrementalIndex, ACsignoreInASubfolderAppliesThere) {  // See issue #20
  write_file(dir_ / "in/site/c.txt", article("Fish", "Quotas for cod were cut."));
  write_file(dir_ / "in/site/d.txt", article("Grain", "Wheat deliveries rose."));
  EXPECT_EQ(article_counts(index()), "added 2, updated 0, removed 0, unchanged 4; 2 passages written");
  write_file(dir_ / "in/site/.csignore", "/c.txt\n");
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 1, unchanged 5; 0 passages written");
  EXPECT_THAT(found("cod"), IsEmpty());
  EXPECT_THAT(found("wheat"), ElementsAre("site/d.txt"));
  write_file(dir_ / "in/.csignore", "site/\n");
  write_file(dir_ / "in/site/.csignore", "!c.txt\n");
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 1, unchanged 4; 0 passages written")
      << "a folder left out is not walked, so a ! inside it keeps nothing, as in git";
}

TEST_F(IncrementalIndex, AFeedWhoseEntriesAreAllEmptyNowHoldsNoArticles) {  // See issue #20
  write_file(dir_ / "in/news.atom",
             "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title><entry><title>Port strike ends</title>"
             "<summary>Dock workers voted to return.</summary></entry></feed>");
  EXPECT_EQ(article_counts(index()), "added 1, updated 0, removed 0, unchanged 4; 1 passage written");
  write_file(dir_ / "in/news.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>N</title><entry/></feed>");
  const CliResult r = index();
  EXPECT_THAT(r.err, HasSubstr("news.atom: item 1: record has no title or text; record skipped"));
  EXPECT_THAT(r.out, HasSubstr("1 read, 3 unchanged, 0 skipped (bad input)"));
  EXPECT_EQ(article_counts(r), "added 0, updated 0, removed 1, unchanged 4; 0 passages written");
}

TEST_F(IncrementalIndex, IndexingAnotherFolderLeavesTheFirstFoldersArticles) {
  write_file(dir_ / "other/c.txt", article("Fish", "Quotas for cod were cut."));
  const CliResult r = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "other").string()});
  EXPECT_EQ(article_counts(r), "added 1, updated 0, removed 0, unchanged 0; 1 passage written");
  EXPECT_THAT(found("semiconductors"), ElementsAre("b.txt"));
}

// A file indexed with its folder and then named on its own keeps its ids, which were its
// path in that folder: they had become its bare name, so the run removed the article and
// added another, and --show of the old id failed (a new user's trial). A record of a file
// of several keeps its "#N" id too.
TEST_F(IncrementalIndex, AFileNamedOnItsOwnKeepsTheIdsItsFolderGaveIt) {
  write_file(dir_ / "in/notes/c.txt", article("Ports", "Dockers at the port of Genoa voted to strike."));
  write_file(dir_ / "in/notes/feed.jsonl", "{\"title\":\"Rail\",\"text\":\"Night trains return to the Alps.\"}\n");
  ASSERT_EQ(article_counts(index()), "added 2, updated 0, removed 0, unchanged 4; 2 passages written");
  ASSERT_THAT(found("Genoa"), ElementsAre("notes/c.txt"));
  write_file(dir_ / "in/notes/c.txt", article("Ports", "Dockers at the port of Genoa voted to strike on Monday."));
  write_file(dir_ / "in/notes/feed.jsonl", "{\"title\":\"Rail\",\"text\":\"Night trains return to the Alps in May.\"}\n");
  const CliResult r = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "in/notes/c.txt").string(),
                                                  (dir_ / "in/notes/feed.jsonl").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(article_counts(r), "added 0, updated 2, removed 0, unchanged 0; 2 passages written");
  EXPECT_THAT(found("Monday"), ElementsAre("notes/c.txt"));
  EXPECT_THAT(found("May"), ElementsAre("notes/feed.jsonl#1"));
  const CliResult shown = run_cli(cs_search_binary(), {"--db", db(), "--show", "notes/c.txt"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr((dir_ / "in/notes/c.txt").string())) << "the path shown is the file's";
  write_file(dir_ / "in/notes/issue#12.txt", article("Ferries", "Ferry crews in Calais walked out."));
  ASSERT_EQ(article_counts(index()), "added 1, updated 0, removed 0, unchanged 6; 1 passage written");
  write_file(dir_ / "in/notes/issue#12.txt", article("Ferries", "Ferry crews in Calais walked out at dawn."));
  const CliResult hashed = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "in/notes/issue#12.txt").string()});
  EXPECT_EQ(article_counts(hashed), "added 0, updated 1, removed 0, unchanged 0; 1 passage written") << "a # in its name";
  EXPECT_THAT(found("dawn"), ElementsAre("notes/issue#12.txt"));
  const CliResult again = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "in/a.txt").string()});
  EXPECT_EQ(article_counts(again), "added 0, updated 0, removed 0, unchanged 1; 0 passages written")
      << "a file at the top of its folder was named so already";
}

TEST_F(IncrementalIndex, AFileThatTurnedBadKeepsWhatWasIndexedBefore) {
  write_file(dir_ / "in/b.txt", std::string("\0\0\0binary", 9));
  const CliResult r = index();
  EXPECT_THAT(r.err, HasSubstr("b.txt: binary file (NUL bytes); skipped; its 1 article(s) indexed before are kept"));
  EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_THAT(r.out, HasSubstr("1 skipped (bad input)"));
  EXPECT_THAT(found("semiconductors"), ElementsAre("b.txt"));
}

TEST_F(IncrementalIndex, AnArticleIdMovingToAnotherFileIsKept) {
  write_file(dir_ / "in/feed.jsonl", "{\"id\":\"r1\",\"title\":\"One\",\"text\":\"A record about rare earth minerals.\"}\n");
  write_file(dir_ / "in/more.jsonl", "{\"id\":\"r2\",\"title\":\"Two\",\"text\":\"A record about shipping lanes.\"}\n");
  index();
  EXPECT_THAT(found("shipping"), ElementsAre("r2"));
  fs::remove(dir_ / "in/more.jsonl");
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 1, unchanged 3; 0 passages written");
  EXPECT_THAT(found("shipping"), IsEmpty());
}

// An id an earlier run indexed from one file, now listed by a new file while the old one is
// deleted or no longer lists it: the article stays, whichever file the crawl reads first.
TEST_F(IncrementalIndex, AnArticleIdTakenOverByANewFileIsKept) {
  const std::string record = "{\"id\":\"r1\",\"title\":\"One\",\"text\":\"A record about rare earth minerals.\"}\n";
  const std::string other = "{\"id\":\"r9\",\"title\":\"Nine\",\"text\":\"A record about grain prices.\"}\n";
  for (const std::string taker : {"a-new.jsonl", "z-new.jsonl"}) {
    for (const bool deleted : {true, false}) {
      fs::remove_all(dir_ / "in");
      fs::remove_all(db());
      write_file(dir_ / "in/feed.jsonl", record);
      index();
      ASSERT_THAT(found("minerals"), ElementsAre("r1"));
      write_file(dir_ / "in" / taker, record);
      if (deleted) {
        fs::remove(dir_ / "in/feed.jsonl");
      } else {
        write_file(dir_ / "in/feed.jsonl", other);
      }
      index({"--batch-mb", "0.00001"});  // each file a batch: the new file's r1 is written before the old file goes
      EXPECT_THAT(found("minerals"), ElementsAre("r1")) << taker << (deleted ? ", old file deleted" : ", old file edited");
    }
  }
}

// A news API's page saved over the last one: its records have no ids, so "latest.json#1"
// is another article in each run. The new first article begins a story of its own; it took
// the story the old one began under that id, and a search showed the two as one (a new
// user's trial: "Trump OR Celtics" found only the Reuters story, "also in: ESPN").
TEST_F(IncrementalIndex, AnIdThatNamesAnotherArticleInALaterRunJoinsNoStory) {
  const std::string tariffs =
      "{\"source\":{\"name\":\"Reuters\"},\"title\":\"Trump threatens new tariffs on Chinese imports\","
      "\"content\":\"President Donald Trump said on Monday he would impose new tariffs on Chinese imports worth "
      "billions of dollars, escalating a trade dispute that has rattled markets and unsettled allies in Europe and Asia "
      "alike, officials said.\"}";
  const std::string basketball =
      "{\"source\":{\"name\":\"ESPN\"},\"title\":\"Celtics beat Knicks in overtime thriller\","
      "\"content\":\"Jayson Tatum scored 40 points and Jaylen Brown added 28 as the Boston Celtics beat the New York "
      "Knicks in overtime on Monday night, taking a two-game lead in the series at Madison Square Garden.\"}";
  write_file(dir_ / "in/latest.json", "{\"status\":\"ok\",\"articles\":[" + tariffs + "]}");
  index();
  write_file(dir_ / "in/latest.json", "{\"status\":\"ok\",\"articles\":[" + basketball + "," + tariffs + "]}");
  index();
  EXPECT_THAT(found("Trump OR Celtics"), ElementsAre("latest.json#1", "latest.json#2"));
}

TEST_F(IncrementalIndex, RebuildSwapsInAFreshDatabaseAndLeavesNothingBehind) {
  // Articles of a folder no longer indexed survive an incremental run, not a rebuild.
  write_file(dir_ / "other/c.txt", article("Fish", "Quotas for cod were cut."));
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db(), (dir_ / "other").string()}).exit_code, 0);
  const CliResult r = index({"--rebuild"});
  EXPECT_EQ(article_counts(r), "added 4, updated 0, removed 0, unchanged 0; 4 passages written");
  EXPECT_THAT(r.out, HasSubstr("rebuilt and swapped in; it holds 4 articles"));
  EXPECT_THAT(found("cod"), IsEmpty());
  EXPECT_THAT(found("semiconductors"), ElementsAre("b.txt"));
  EXPECT_FALSE(fs::exists(db() + ".rebuild"));
  EXPECT_FALSE(fs::exists(db() + ".old"));
  EXPECT_EQ(article_counts(index()), "added 0, updated 0, removed 0, unchanged 4; 0 passages written")
      << "the rebuilt database records its files like any other";
}

TEST_F(IncrementalIndex, RebuildReplacesADatabaseOfAnIncompatibleLayout) {
  {
    Xapian::WritableDatabase old(db(), Xapian::DB_OPEN);
    old.set_metadata("cs:schema", "1");
    old.commit();
  }
  const CliResult refused = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "in").string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("run cs-index --rebuild"));
  index({"--rebuild"});
  EXPECT_THAT(found("semiconductors"), ElementsAre("b.txt"));
}

TEST_F(IncrementalIndex, RebuildLeavesTheOldDatabaseWhenItCannotFinish) {
  Xapian::WritableDatabase holder(db(), Xapian::DB_OPEN);  // another writer holds the lock
  const CliResult r = run_cli(cs_index_binary(), {"--db", db(), "--rebuild", (dir_ / "in").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("locked"));
  holder.close();
  EXPECT_THAT(found("semiconductors"), ElementsAre("b.txt"));
  EXPECT_FALSE(fs::exists(db() + ".rebuild"));
}

}  // namespace
}  // namespace cs::test
