// cs-index killed at its failpoints (after a commit, during a parallel build's merge, around
// --rebuild's swap), two writers at once, and searches during an index run: the last commit
// always stays searchable, the next run resumes to the same database as a clean run, and a
// second writer is refused with the first one's pid. No timer decides where a run stops:
// CS_FAILPOINT does (common/failpoint.hpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "common/spelling_table.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// A corpus of `files` articles of made-up words, so that each file gives distinct terms and
// several passages.
void write_corpus(const fs::path& folder, int files) {
  std::mt19937 random(42);
  const std::vector<std::string> vocabulary = made_up_words(random, 3000, 7);
  for (int f = 0; f < files; ++f) {
    std::string text = "Article number " + std::to_string(f) + "\n\n";
    for (int paragraph = 0; paragraph < 12; ++paragraph) {
      for (int w = 0; w < 110; ++w) text.append(vocabulary[random() % vocabulary.size()]).push_back(' ');
      text.append("\n\n");
    }
    write_file(folder / ("a" + std::to_string(f) + ".txt"), text);
  }
}

// The article ids (XA terms) of a database.
std::set<std::string> article_ids(const std::string& db) {
  Xapian::Database database(db);
  std::set<std::string> ids;
  for (auto t = database.allterms_begin("XA"); t != database.allterms_end("XA"); ++t) ids.insert(*t);
  return ids;
}

// The spelling table of a database: each word with its frequency.
std::map<std::string, std::int64_t> spellings(const std::string& db) {
  return spelling_table::read_all(Xapian::Database(db));
}

constexpr int kFiles = 60;
// One thread: a first run with more builds in parts and merges them (cs_scale_cli_test).
const std::vector<std::string> kOneThread = {"--jobs", "1", "--quiet"};

// kFiles articles, indexed by one thread into "clean-db": the database every interrupted run
// must end up equal to.
struct StressCorpus {
  static fs::path make(const fs::path& scratch) {
    write_corpus(scratch / "corpus", kFiles);
    return scratch / "corpus";
  }
  static std::vector<DatabaseSpec> databases() { return {{"clean-db", kOneThread}}; }
};

class IndexUnderStress : public IndexedOnce<StressCorpus> {
 protected:
  static std::string clean_db() { return db("clean-db"); }
  // cs-index's arguments for database `db`, as clean-db was built.
  static std::vector<std::string> index_args(const std::string& db) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), kOneThread.begin(), kOneThread.end());
    args.push_back(corpus().string());
    return args;
  }
  // A database of one article at `db`, and the arguments that rebuild it from the whole corpus.
  static std::vector<std::string> one_article_then_rebuild(const TempDir& dir, const std::string& db) {
    const fs::path part = dir / "part";
    fs::create_directories(part);
    fs::copy_file(corpus() / "a1.txt", part / "a1.txt");
    EXPECT_EQ(run_cli(cs_index_binary(), {"--db", db, "--quiet", part.string()}).exit_code, 0);
    std::vector<std::string> rebuild = index_args(db);
    rebuild.insert(rebuild.begin(), "--rebuild");
    return rebuild;
  }
  // Every file its own batch, so commit N holds the first N files of the crawl.
  static std::vector<std::string> file_by_file(const std::string& db) {
    std::vector<std::string> args = index_args(db);
    args.insert(args.begin(), {"--batch-mb", "0.000001"});
    return args;
  }
  // The article ids (XA terms: the path under the root) of the first `count` files in crawl
  // order, which is by name.
  static std::set<std::string> first_files(std::size_t count) {
    std::vector<std::string> names;
    for (int f = 0; f < kFiles; ++f) names.push_back("XAa" + std::to_string(f) + ".txt");
    std::sort(names.begin(), names.end());
    return {names.begin(), names.begin() + static_cast<std::ptrdiff_t>(count)};
  }
};

// CS_FAILPOINT for the run.
std::map<std::string, std::string> failpoint(const std::string& spec) { return {{"CS_FAILPOINT", spec}}; }

TEST_F(IndexUnderStress, AKilledRunLeavesTheLastCommitSearchableAndTheNextRunCompletesIt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const std::set<std::string> clean_ids = article_ids(clean_db());
  ASSERT_EQ(clean_ids.size(), static_cast<std::size_t>(kFiles));
  // Each run resumes the one killed before it and is killed at its third commit: after run k
  // the database holds exactly the first 3k files, and a search finds them.
  for (std::size_t run = 1; run <= 4; ++run) {
    const CliResult killed = run_cli(cs_index_binary(), file_by_file(db), failpoint("commit:3"));
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << "run " << run << ": " << killed.err;
    std::set<std::string> ids;
    ASSERT_NO_THROW(ids = article_ids(db)) << "run " << run << ": the database must open";
    EXPECT_EQ(ids, first_files(3 * run)) << "run " << run;
    const CliResult search = run_cli(cs_search_binary(), {"--db", db, "article", "--format", "jsonl", "-n", "100"});
    EXPECT_EQ(search.exit_code, 0) << "run " << run << ": " << search.err;
    EXPECT_EQ(lines(search.out).size(), 3 * run) << "run " << run;
  }
  const CliResult resumed = run_cli(cs_index_binary(), {"--db", db, "--jobs", "1", corpus().string()});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.out, HasSubstr("articles added " + std::to_string(kFiles - 12) + ", updated 0, removed 0, unchanged 12"))
      << "the killed runs recorded each file they committed with its articles";
  EXPECT_EQ(article_ids(db), clean_ids);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), Xapian::Database(clean_db()).get_doccount());
  EXPECT_EQ(spellings(db), spellings(clean_db()))
      << "the spelling counts of the killed runs' commits waited in the database and were applied";
  const CliResult again = run_cli(cs_index_binary(), {"--db", db, corpus().string()});
  EXPECT_THAT(again.out, HasSubstr("articles added 0, updated 0, removed 0, unchanged " + std::to_string(kFiles)));
}

TEST_F(IndexUnderStress, ASecondCsIndexIsRefusedWithTheFirstOnesPidWhileSearchesGoOn) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  // The first writer stops after its third commit, holding the database.
  const pid_t first = start_cli(cs_index_binary(), file_by_file(db), failpoint("commit:3:pause"));
  ASSERT_TRUE(WIFSTOPPED(wait_until_stopped(first)));
  const CliResult second = run_cli(cs_index_binary(), {"--db", db, corpus().string()});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(lines(second.err).size(), 1u) << second.err;
  EXPECT_THAT(second.err, HasSubstr("database is being indexed by another cs-index, pid " + std::to_string(first)));
  // Searches meanwhile see the last commit.
  EXPECT_EQ(search_article_ids(db, "article", {"-n", "100"}).size(), 3u);
  continue_process(first);
  // And while it writes the rest: every query answers (0 or 1), none fails, whichever
  // commit it meets.
  std::string queries;
  for (int i = 0; i < 100; ++i) queries += "article number " + std::to_string(i) + "\n";
  const CliResult searches = run_cli(cs_search_binary(), {"--db", db, "--batch", "-", "--format", "trec"}, {}, queries);
  const int status = wait_for(first);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_NE(searches.exit_code, 2) << searches.err;
  EXPECT_EQ(searches.err, "");
  EXPECT_EQ(article_ids(db), article_ids(clean_db()));
}

TEST_F(IndexUnderStress, ARebuildKilledBeforeItsSwapLeavesTheOldDatabaseAndTheNextRebuildSwaps) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const std::vector<std::string> rebuild = one_article_then_rebuild(dir, db);
  const CliResult killed = run_cli(cs_index_binary(), rebuild, failpoint("rebuild-swap:1"));
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  EXPECT_EQ(article_ids(db).size(), 1u) << "the old database is untouched";
  EXPECT_EQ(search_article_ids(db, "article").size(), 1u);
  const CliResult rebuilt = run_cli(cs_index_binary(), rebuild);
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(article_ids(db), article_ids(clean_db()));
  EXPECT_FALSE(fs::exists(db + ".rebuild"));
}

TEST_F(IndexUnderStress, ARebuildKilledAfterItsSwapLeavesTheNewDatabase) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const std::vector<std::string> rebuild = one_article_then_rebuild(dir, db);
  const CliResult killed = run_cli(cs_index_binary(), rebuild, failpoint("rebuild-swapped:1"));
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  EXPECT_EQ(article_ids(db), article_ids(clean_db())) << "the rebuilt database is in place";
  EXPECT_EQ(search_article_ids(db, "article", {"-n", "100"}).size(), static_cast<std::size_t>(kFiles));
  // The next run finds nothing to do; the next rebuild clears what the killed one left.
  const CliResult again = run_cli(cs_index_binary(), {"--db", db, corpus().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("articles added 0, updated 0, removed 0, unchanged " + std::to_string(kFiles)));
  ASSERT_EQ(run_cli(cs_index_binary(), rebuild).exit_code, 0);
  EXPECT_FALSE(fs::exists(db + ".rebuild"));
  EXPECT_EQ(article_ids(db), article_ids(clean_db()));
}

}  // namespace
}  // namespace cs::test
