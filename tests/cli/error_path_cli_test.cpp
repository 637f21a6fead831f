// One error path: whatever a library throws (Xapian, ICU without its data, std::bad_alloc, a
// file system error), in main() or on a worker thread of either program, ends as one
// "cs-index: error: ..." or "cs-search: error: ..." line and exit status 2, never
// std::terminate. CS_FAILPOINT (common/failpoint.hpp) throws each kind where a test asks.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
namespace fs = std::filesystem;

struct Kind {
  std::string action;  // the failpoint's action
  std::string reason;  // what the error line says
};

void PrintTo(const Kind& kind, std::ostream* out) { *out << kind.action; }

const Kind kKinds[] = {
    {"throw-xapian", "injected Xapian error"},
    {"throw-std", "out of memory"},
    {"throw-fs", "Input/output error"},
    {"throw-icu", "ICU break iterator unavailable: U_MISSING_RESOURCE_ERROR"},
};

class OneErrorPath : public ::testing::TestWithParam<Kind> {
 protected:
  static std::map<std::string, std::string> failing(const std::string& point) {
    return {{"CS_FAILPOINT", point + ":" + GetParam().action}};
  }
  // One line, the program's error, with the kind's reason; exit status 2.
  static void expect_one_error(const CliResult& result, const std::string& program) {
    EXPECT_EQ(result.exit_code, 2) << result.err;
    ASSERT_EQ(lines(result.err).size(), 1u) << result.err;
    EXPECT_THAT(result.err, StartsWith(program + ": error: "));
    EXPECT_THAT(result.err, HasSubstr(GetParam().reason));
  }
  // A database of the bundled corpus, and a folder of new articles to add to it.
  void SetUp() override {
    ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db(), "--quiet", corpus_dir().string()}).exit_code, 0);
    for (int i = 0; i < 6; ++i) {
      write_file(dir_ / ("more/a" + std::to_string(i) + ".txt"),
                 "Article " + std::to_string(i) + "\n\nHaddock and cod quotas, round " + std::to_string(i) + ".\n");
    }
  }
  std::string db() const { return (dir_ / "db").string(); }
  std::string more() const { return (dir_ / "more").string(); }

  TempDir dir_;
};

TEST_P(OneErrorPath, CsIndexMainThread) {
  // One thread: each file is a batch, written and committed on the main thread; the second
  // commit completes, then the failpoint throws.
  const CliResult result = run_cli(cs_index_binary(), {"--db", db(), "--jobs", "1", "--batch-mb", "0.000001", more()},
                                   failing("commit:2"));
  expect_one_error(result, "cs-index");
  EXPECT_EQ(search_article_ids(db(), "haddock").size(), 2u) << "the two commits stay";
}

// One file that takes all memory to read (a review built one of JSON-LD references) is that
// file's warning: the others index and the run completes.
TEST(OneFileOutOfMemory, IsThatFilesWarning) {
  TempDir dir;
  for (int i = 0; i < 4; ++i) {
    write_file(dir / ("in/a" + std::to_string(i) + ".txt"),
               "Article " + std::to_string(i) + "\n\nHaddock and cod quotas, round " + std::to_string(i) + ".\n");
  }
  const std::string db = (dir / "db").string();
  const CliResult result = run_cli(cs_index_binary(), {"--db", db, "--jobs", "1", "--quiet", (dir / "in").string()},
                                   {{"CS_FAILPOINT", "read-file:2:throw-std"}});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  ASSERT_EQ(lines(result.err).size(), 1u) << result.err;
  EXPECT_THAT(result.err, HasSubstr("a1.txt: reading it needs more memory than is free"));
  EXPECT_EQ(search_article_ids(db, "haddock").size(), 3u);
}

TEST_P(OneErrorPath, CsIndexBackgroundWriterThread) {
  // Two threads on a database that exists: each batch is written on the writer's thread.
  const CliResult result = run_cli(cs_index_binary(), {"--db", db(), "--jobs", "2", more()}, failing("commit:1"));
  expect_one_error(result, "cs-index");
}

TEST_P(OneErrorPath, CsIndexAnalysisThread) {
  // Two threads on a database that exists: the second analyses the batch beside the first.
  const CliResult result = run_cli(cs_index_binary(), {"--db", db(), "--jobs", "2", more()}, failing("worker-thread:1"));
  expect_one_error(result, "cs-index");
}

TEST_P(OneErrorPath, CsIndexParallelBuildPartThread) {
  // A first build with two threads: the second thread writes a part.
  const std::string fresh = (dir_ / "fresh").string();
  const CliResult result = run_cli(cs_index_binary(), {"--db", fresh, "--jobs", "2", more()}, failing("worker-thread:1"));
  expect_one_error(result, "cs-index");
  const CliResult resumed = run_cli(cs_index_binary(), {"--db", fresh, "--jobs", "2", more()});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(search_article_ids(fresh, "haddock", {"-n", "20"}).size(), 6u);
}

TEST_P(OneErrorPath, CsSearchMainThread) {
  expect_one_error(run_cli(cs_search_binary(), {"--db", db(), "Taiwan"}, failing("open-database:1")), "cs-search");
  expect_one_error(run_cli(cs_search_binary(), {"--db", db(), "Taiwan"}, failing("query:1")), "cs-search");
}

TEST_P(OneErrorPath, CsSearchBatchThreads) {
  std::string batch;
  for (int i = 1; i <= 20; ++i) batch += "q" + std::to_string(i) + "\tTaiwan\n";
  const std::vector<std::string> args = {"--db", db(), "--batch", "-", "--jobs", "2", "--format", "trec"};
  const CliResult clean = run_cli(cs_search_binary(), args, {}, batch);
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  // The second thread fails as it starts: the first answers every query.
  const CliResult thread = run_cli(cs_search_binary(), args, failing("worker-thread:1"), batch);
  expect_one_error(thread, "cs-search");
  EXPECT_EQ(thread.out, clean.out);
  // One query fails on whichever thread answers it: it is named, the others are answered.
  const CliResult query = run_cli(cs_search_binary(), args, failing("query:7"), batch);
  expect_one_error(query, "cs-search");
  EXPECT_THAT(query.err, HasSubstr("<stdin>: line "));
  EXPECT_LT(lines(query.out).size(), lines(clean.out).size());
  EXPECT_GT(lines(query.out).size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(EachKind, OneErrorPath, ::testing::ValuesIn(kKinds),
                         [](const ::testing::TestParamInfo<Kind>& kind) {
                           std::string name;
                           for (const char c : kind.param.action) {
                             if (c != '-') name.push_back(c);
                           }
                           return name;
                         });

TEST(Failpoint, AMalformedSettingIsOneErrorLine) {
  TempDir dir;
  const CliResult result = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), corpus_dir().string()},
                                   {{"CS_FAILPOINT", "commit:zero"}});
  EXPECT_EQ(result.exit_code, 2);
  ASSERT_EQ(lines(result.err).size(), 1u) << result.err;
  EXPECT_THAT(result.err, HasSubstr("CS_FAILPOINT=commit:zero: 'zero' is not a count from 1"));
}

}  // namespace
}  // namespace cs::test
