// kill -9 at several points of a cs-index run, two writers at once, and searches during an
// index run: the last commit always stays searchable, the next run resumes to the same
// database as a clean run, and a second writer is refused with the first one's pid.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <xapian.h>

#include <chrono>
#include <random>
#include <set>
#include <thread>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A corpus big enough to take a second or so to index: `files` articles of made-up words, so
// that each file gives distinct terms and several passages.
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

std::set<std::string> article_ids(const std::string& db) {
  Xapian::Database database(db);
  std::set<std::string> ids;
  for (auto t = database.allterms_begin("XA"); t != database.allterms_end("XA"); ++t) ids.insert(*t);
  return ids;
}

class IndexUnderStress : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    corpus_ = new TempDir();
    write_corpus(corpus_->path(), 400);
    const auto started = Clock::now();
    const CliResult clean = run_cli(cs_index_binary(), index_args((corpus_->path() / "clean-db").string()));
    clean_run_ = Clock::now() - started;
    ASSERT_EQ(clean.exit_code, 0) << clean.err;
  }
  static void TearDownTestSuite() { delete corpus_; }
  static std::vector<std::string> index_args(const std::string& db) {
    // Small batches: many commits, so a kill lands between and inside them. One thread: a
    // first run with more builds in parts and merges them (a separate test below).
    return {"--db", db, "--batch-mb", "0.1", "--jobs", "1", "--quiet", (corpus_->path()).string()};
  }
  static std::string clean_db() { return (corpus_->path() / "clean-db").string(); }

  static TempDir* corpus_;
  static Clock::duration clean_run_;
};
TempDir* IndexUnderStress::corpus_ = nullptr;
Clock::duration IndexUnderStress::clean_run_{};

TEST_F(IndexUnderStress, AKilledRunLeavesTheLastCommitSearchableAndTheNextRunCompletesIt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const std::set<std::string> clean_ids = article_ids(clean_db());
  ASSERT_EQ(clean_ids.size(), 400u);
  std::size_t partial_states = 0;
  // Each run resumes the one killed before it; each is killed a fifth of a clean run in.
  for (int attempt = 0; attempt < 4; ++attempt) {
    const pid_t pid = start_cli(cs_index_binary(), index_args(db));
    std::this_thread::sleep_for(clean_run_ / 5);
    ::kill(pid, SIGKILL);
    const int status = wait_for(pid);
    if (!WIFSIGNALED(status)) continue;  // it finished first: nothing to check here
    if (!fs::exists(fs::path(db) / "iamglass")) continue;  // killed before creating it
    std::set<std::string> ids;
    ASSERT_NO_THROW(ids = article_ids(db)) << "attempt " << attempt << ": the database must open";
    if (!ids.empty() && ids.size() < clean_ids.size()) ++partial_states;
    const CliResult search = run_cli(cs_search_binary(), {"--db", db, "article", "--format", "jsonl"});
    EXPECT_NE(search.exit_code, 2) << "attempt " << attempt << ": " << search.err;
  }
  EXPECT_GT(partial_states, 0u) << "no kill landed between two commits; the corpus is too small for this machine";
  const CliResult resumed = run_cli(cs_index_binary(), index_args(db));
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(article_ids(db), clean_ids);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), Xapian::Database(clean_db()).get_doccount());
  const CliResult again = run_cli(cs_index_binary(), {"--db", db, corpus_->path().string()});
  EXPECT_THAT(again.out, HasSubstr("articles added 0, updated 0, removed 0, unchanged 400"))
      << "every file the resumed run wrote was recorded with it";
}

TEST_F(IndexUnderStress, ASecondCsIndexIsRefusedWithTheFirstOnesPidWhileSearchesGoOn) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const pid_t first = start_cli(cs_index_binary(), index_args(db));
  const fs::path pid_file = fs::path(db) / "cs-index.pid";
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  while (Clock::now() < deadline && (!fs::exists(pid_file) || read_file(pid_file).empty())) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const CliResult second = run_cli(cs_index_binary(), {"--db", db, corpus_->path().string()});
  // Searches in a batch while the first writer commits: every query answers (0 or 1), none fails.
  std::string queries;
  for (int i = 0; i < 300; ++i) queries += "article number " + std::to_string(i) + "\n";
  const CliResult searches = run_cli(cs_search_binary(), {"--db", db, "--batch", "-", "--format", "trec"}, {}, queries);
  const int status = wait_for(first);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  if (second.exit_code == 0) GTEST_SKIP() << "the first cs-index finished before the second started";
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(lines(second.err).size(), 1u) << second.err;
  EXPECT_THAT(second.err, HasSubstr("database is being indexed by another cs-index, pid " + std::to_string(first)));
  EXPECT_NE(searches.exit_code, 2) << searches.err;
  EXPECT_EQ(searches.err, "");
  EXPECT_EQ(article_ids(db).size(), 400u);
}

}  // namespace
}  // namespace cs::test
