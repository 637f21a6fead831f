// Runs over the scale corpus's layouts (support/scale_corpus.hpp) that change a database:
// incremental runs with two threads and into shards, a shard count kept until --rebuild, a
// parallel build and a compaction killed midway, compaction after a run that grew it, and
// dictionaries trained once a database grown by small runs holds enough.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "common/schema.hpp"
#include "support/scale_corpus.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

TEST_F(ScaleOut, AnIncrementalRunWithTwoThreadsWritesWhatOneThreadWrites) {
  // The bundled articles first, then the rest: the second run is incremental, so its two
  // threads analyse one batch while the one before is written (not a parallel first build).
  TempDir copy;
  const fs::path folder = bundled_only(copy);
  const std::string target = (copy.path() / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", target, "--quiet", "--jobs", "1", folder.string()}).exit_code, 0);
  fs::copy(corpus(), folder, fs::copy_options::recursive | fs::copy_options::skip_existing);
  const CliResult rest = run_cli(cs_index_binary(), {"--db", target, "--jobs", "2", "--batch-mb", "0.05", folder.string()});
  ASSERT_EQ(rest.exit_code, 0) << rest.err;
  // 4 unchanged: bundled/.csignore leaves out bundled/README.md (see issue #20).
  EXPECT_THAT(rest.out, HasSubstr("articles added " + std::to_string(kScaleReports) + ", updated 0, removed 0, unchanged 4"));
  EXPECT_FALSE(fs::exists(target + ".parts"));
  const auto same_root = [&](std::string jsonl) {
    for (std::size_t at = jsonl.find(folder.string()); at != std::string::npos; at = jsonl.find(folder.string(), at)) {
      jsonl.replace(at, folder.string().size(), corpus().string());
    }
    return jsonl;
  };
  for (const auto& query : kScaleQueries) {
    EXPECT_EQ(same_root(answer({target}, query)), answer({db("single")}, query)) << query[0];
  }
}

TEST_F(ScaleOut, ChangesReachTheShardOfEachFileIncrementally) {
  TempDir copy;
  fs::copy(corpus(), copy.path() / "corpus", fs::copy_options::recursive);
  const std::string sharded = (copy.path() / "db").string();
  const std::string folder = (copy.path() / "corpus").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", sharded, "--shards", "2", "--quiet", folder}).exit_code, 0);
  write_file(copy.path() / "corpus" / "report-3.md", "---\ntitle: Rewritten\n---\n\nzyxwvut appears here now.\n");
  fs::remove(copy.path() / "corpus" / "report-4.md");
  const CliResult again = run_cli(cs_index_binary(), {"--db", sharded, folder});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("articles added 0, updated 1, removed 1"));
  EXPECT_EQ(search_article_ids(sharded, "zyxwvut"), std::vector<std::string>{"report-3.md"});
  EXPECT_TRUE(search_article_ids(sharded, "title:report", {"-n", "200"}).size() > 100u);
  for (const std::string& id : search_article_ids(sharded, "report", {"-n", "200"})) EXPECT_NE(id, "report-4.md");
}

TEST_F(ScaleOut, TheShardCountOfADatabaseChangesOnlyWithARebuild) {
  TempDir copy;
  const std::string target = (copy.path() / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", target, "--quiet", "--jobs", "1", corpus_dir().string()}).exit_code, 0);
  const std::vector<std::string> before = search_article_ids(target, "Taiwan OR China");
  const CliResult refused = run_cli(cs_index_binary(), {"--db", target, "--shards", "3", corpus_dir().string()});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_THAT(refused.err, HasSubstr("has 1 shard(s), not the 3 asked for"));
  EXPECT_THAT(refused.err, HasSubstr("--rebuild"));
  const CliResult rebuilt =
      run_cli(cs_index_binary(), {"--db", target, "--shards", "3", "--rebuild", "--quiet", corpus_dir().string()});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(fs::exists(fs::path(target) / "shard-3"));
  EXPECT_EQ(search_article_ids(target, "Taiwan OR China"), before);
}

// A first build in parts killed (by CS_FAILPOINT) while the parts are written and once they
// are merged leaves the database as it began, empty; killed while the merged tables are moved
// in, it leaves no version file, and a search is one clear error. The next run finishes the
// build, equal to one thread's.
TEST_F(ScaleOut, AKilledParallelBuildLeavesNoHalfDatabaseAndTheNextRunFinishesIt) {
  for (const auto& [point, opens] : std::vector<std::pair<std::string, bool>>{
           {"commit:3", true}, {"merged:1", true}, {"adopt-tables:1", false}}) {
    TempDir copy;
    const std::string target = (copy.path() / "db").string();
    const std::vector<std::string> build = {"--db", target, "--jobs", "2", "--batch-mb", "0.05", "--quiet", corpus().string()};
    const CliResult killed = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", point}});
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << point << ": " << killed.err;
    EXPECT_TRUE(fs::exists(fs::path(target) / ".parts")) << point;
    const CliResult search = run_cli(cs_search_binary(), {"--db", target, "report"});
    if (opens) {
      EXPECT_EQ(Xapian::Database(target).get_doccount(), 0u) << point;
      EXPECT_EQ(search.exit_code, 1) << point << ": " << search.err;
    } else {
      EXPECT_FALSE(fs::exists(fs::path(target) / "iamglass")) << point;
      EXPECT_EQ(search.exit_code, 2) << point;
      EXPECT_EQ(lines(search.err).size(), 1u) << point << ": " << search.err;
    }
    const CliResult resumed = run_cli(cs_index_binary(), build);
    ASSERT_EQ(resumed.exit_code, 0) << point << ": " << resumed.err;
    EXPECT_EQ(Xapian::Database(target).get_doccount(), Xapian::Database(db("single")).get_doccount()) << point;
    EXPECT_EQ(answer({target}, kScaleQueries[4]), answer({db("single")}, kScaleQueries[4])) << point;
    EXPECT_FALSE(fs::exists(fs::path(target) / ".parts")) << point;
  }
}

// The parts of a parallel build are written unsynced (Durability::kScratch): an operating
// system that stops before writing them out can leave one unreadable. The next run warns
// and builds them again, where it used to stop and ask for --rebuild.
TEST_F(ScaleOut, AnUnreadablePartOfAKilledParallelBuildIsBuiltAgain) {
  TempDir copy;
  const fs::path target = copy.path() / "db";
  const std::vector<std::string> build = {"--db", target.string(), "--jobs", "2", "--quiet", corpus().string()};
  const CliResult killed = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", "merged:1"}});
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  const fs::path part = target / ".parts" / "shard-1";
  ASSERT_TRUE(fs::exists(part / "iamglass"));
  write_file(part / "iamglass", "not what Xapian wrote");
  const CliResult resumed = run_cli(cs_index_binary(), build);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_THAT(resumed.err, HasSubstr("the parts of an interrupted build cannot be read"));
  EXPECT_THAT(resumed.err, HasSubstr("shard-1"));
  EXPECT_EQ(lines(resumed.err).size(), 1u) << resumed.err;
  EXPECT_EQ(Xapian::Database(target.string()).get_doccount(), Xapian::Database(db("single")).get_doccount());
  EXPECT_EQ(answer({target.string()}, kScaleQueries[4]), answer({db("single")}, kScaleQueries[4]));
  EXPECT_FALSE(fs::exists(target / ".parts"));
}

// Parts written before the machine restarted may hold blocks that never reached the disk, and
// Xapian cannot tell: they are built again, with one warning, rather than merged. A folder
// among the parts that cs-index did not make stops the run and is left as it was.
TEST_F(ScaleOut, APartsFolderWrittenBeforeARestartIsBuiltAgainAndAForeignOneIsKept) {
  TempDir copy;
  const fs::path target = copy.path() / "db";
  const std::vector<std::string> build = {"--db", target.string(), "--jobs", "2", "--quiet", corpus().string()};
  const auto killed_build = [&] {
    fs::remove_all(target);
    const CliResult killed = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", "merged:1"}});
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  };
  killed_build();
  ASSERT_TRUE(fs::exists(target / ".parts" / "written-in-boot"));
  write_file(target / ".parts" / "written-in-boot", "00000000-0000-0000-0000-000000000000\n");  // another boot's
  // Built again, and killed once more: the parts it built are this boot's, and resumed.
  const CliResult rebuilt = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", "merged:1"}});
  ASSERT_EQ(rebuilt.exit_code, 128 + SIGKILL) << rebuilt.err;
  EXPECT_THAT(rebuilt.err, HasSubstr("written unsynced before the machine restarted"));
  EXPECT_EQ(lines(rebuilt.err).size(), 1u) << rebuilt.err;
  const CliResult resumed = run_cli(cs_index_binary(), build);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(resumed.err, "") << "resumed from the parts built after the restart";
  EXPECT_EQ(Xapian::Database(target.string()).get_doccount(), Xapian::Database(db("single")).get_doccount());
  EXPECT_EQ(answer({target.string()}, kScaleQueries[4]), answer({db("single")}, kScaleQueries[4]));
  EXPECT_FALSE(fs::exists(target / ".parts"));

  killed_build();
  const fs::path foreign = target / ".parts" / "shard-2";
  fs::remove_all(foreign);
  write_file(foreign / "precious.txt", "not cs-index's");
  const CliResult refused = run_cli(cs_index_binary(), build);
  EXPECT_EQ(refused.exit_code, 2) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr("shard-2"));
  EXPECT_TRUE(fs::exists(foreign / "precious.txt"));
}

// A parallel build shares the files out by bytes. Killed once its parts were written, then
// resumed after an early file grew (which would move later files to the other part) and a
// later one changed: every file is indexed once, with its new text. Files named on the
// command line are forgotten by no part that does not see them, so a file that changed part
// kept its old articles in the one and got new ones in the other.
TEST_F(ScaleOut, AResumedParallelBuildKeepsEachFileInItsPartWhenFilesChange) {
  TempDir copy;
  std::vector<std::string> files;
  for (int i = 1; i <= 6; ++i) {
    const fs::path file = copy.path() / ("note-" + std::to_string(i) + ".txt");
    write_file(file, "Note " + std::to_string(i) + "\n\nThe committee met on the budget and the tariff " +
                         std::string(i == 6 ? "oldsixword" : "") + " again and again.\n");
    files.push_back(file.string());
  }
  const std::string target = (copy.path() / "db").string();
  std::vector<std::string> build = {"--db", target, "--jobs", "2", "--quiet"};
  build.insert(build.end(), files.begin(), files.end());
  const CliResult killed = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", "merged:1"}});
  ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << killed.err;
  write_file(files[0], "Note 1\n\nThe committee met on the budget. " + std::string(4000, 'x') + " done.\n");
  write_file(files[5], "Note 6\n\nThe committee met on the budget and the tariff newsixword again.\n");
  const CliResult resumed = run_cli(cs_index_binary(), build);
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(Xapian::Database(target).get_doccount(), 6u);
  EXPECT_TRUE(search_article_ids(target, "oldsixword").empty());
  EXPECT_EQ(search_article_ids(target, "newsixword").size(), 1u);
}

// Two files in two parts of a parallel build that give one article id: each part replaced
// it only among its own files, and the merge kept both. The build keeps what one thread
// keeps, the later file's article, with its warning.
TEST_F(ScaleOut, AParallelBuildKeepsOneArticleOfAnIdTwoFilesGive) {
  TempDir copy;
  const std::string item = "<rss version=\"2.0\"><channel><title>Harbour News</title><item><title>Harbour reopens</title>"
                           "<guid>https://harbour.example/1</guid><description>The harbour reopened after the storm; ";
  write_file(copy.path() / "in" / "a" / "feed.xml", item + "ferries kept their winter timetable.</description></item></channel></rss>");
  write_file(copy.path() / "in" / "b" / "feed.xml", item + "ferries began their summer timetable.</description></item></channel></rss>");
  for (const std::string jobs : {"1", "2"}) {
    const std::string target = (copy.path() / ("db" + jobs)).string();
    const CliResult built = run_cli(cs_index_binary(), {"--db", target, "--jobs", jobs, (copy.path() / "in").string()});
    ASSERT_EQ(built.exit_code, 0) << built.err;
    EXPECT_EQ(Xapian::Database(target).get_doccount(), 1u) << "--jobs " << jobs;
    EXPECT_THAT(built.err, HasSubstr("article id 'https://harbour.example/1' is also used by a/feed.xml")) << jobs;
    EXPECT_THAT(built.out, HasSubstr("articles added 1, updated 1")) << jobs;
    EXPECT_EQ(search_article_ids(target, "summer").size(), 1u) << jobs;
    EXPECT_TRUE(search_article_ids(target, "winter").empty()) << jobs;
  }
}

// A run that changes nothing leaves a small database as it was: a new user's trial saw
// "database compacted from 0.0 MB to 0.0 MB" on every run over the four seed articles.
TEST_F(ScaleOut, ASmallDatabaseIsNotCompactedByARunThatChangesNothing) {
  for (const std::string jobs : {"1", "2"}) {
    TempDir copy;
    const std::string target = (copy.path() / "db").string();
    const std::vector<std::string> run = {"--db", target, "--jobs", jobs, corpus_dir().string()};
    ASSERT_EQ(run_cli(cs_index_binary(), run).exit_code, 0);
    for (int again = 0; again < 2; ++again) {
      const CliResult same = run_cli(cs_index_binary(), run);
      ASSERT_EQ(same.exit_code, 0) << same.err;
      EXPECT_THAT(same.out, HasSubstr("unchanged 4")) << jobs;
      EXPECT_THAT(same.out, Not(HasSubstr("compacted"))) << "--jobs " << jobs << ", run " << again + 2;
    }
  }
}

// Issue #23: a database written a batch at a time is about 2.3 times its compacted size; a
// run that grows it past a quarter over its last compacted size compacts it, as --compact
// does whatever it grew, and the answers stay those of the database before.
TEST_F(ScaleOut, ARunThatGrowsTheDatabaseCompactsIt) {
  TempDir copy;
  const fs::path folder = bundled_only(copy);
  const std::string target = (copy.path() / "db").string();
  const std::vector<std::string> run = {"--db", target, "--jobs", "1", "--batch-mb", "0.05", folder.string()};
  const CliResult first = run_cli(cs_index_binary(), run);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("database compacted from"));  // never compacted before
  fs::copy(corpus(), folder, fs::copy_options::recursive | fs::copy_options::skip_existing);
  const CliResult grown = run_cli(cs_index_binary(), run);
  ASSERT_EQ(grown.exit_code, 0) << grown.err;
  std::smatch sizes;
  const std::string said = grown.out;
  ASSERT_TRUE(std::regex_search(said, sizes, std::regex(R"(database compacted from ([0-9.]+) MB to ([0-9.]+) MB)"))) << said;
  EXPECT_LT(std::stod(sizes[2].str()), 0.8 * std::stod(sizes[1].str())) << "written a batch at a time, it was far larger";
  const CliResult same = run_cli(cs_index_binary(), run);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_THAT(same.out, Not(HasSubstr("compacted")));
  const CliResult forced = run_cli(cs_index_binary(), {"--db", target, "--compact", folder.string()});
  ASSERT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_THAT(forced.out, HasSubstr("database compacted from"));
  EXPECT_FALSE(fs::exists(target + ".compact"));
  // The same files indexed in one run answer alike.
  const std::string reference = (copy.path() / "reference").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", reference, "--jobs", "1", "--quiet", folder.string()}).exit_code, 0);
  for (const auto& query : kScaleQueries) EXPECT_EQ(answer({target}, query), answer({reference}, query)) << query[0];
}

// A compaction is written beside the database and swapped in whole: killed before the swap
// it leaves the database as it was, after it the compacted one; either way a search answers
// as before, and the next run clears what is left beside it.
TEST_F(ScaleOut, AKilledCompactionLeavesAWholeDatabaseAndTheNextRunClearsUp) {
  for (const std::string point : {"compacted:1", "compaction-swapped:1"}) {
    TempDir copy;
    const std::string target = (copy.path() / "db").string();
    const std::vector<std::string> build = {"--db", target, "--jobs", "1", "--quiet", corpus().string()};
    const CliResult killed = run_cli(cs_index_binary(), build, {{"CS_FAILPOINT", point}});
    ASSERT_EQ(killed.exit_code, 128 + SIGKILL) << point << ": " << killed.err;
    EXPECT_TRUE(fs::exists(target + ".compact")) << point;
    const CliResult search = run_cli(cs_search_binary(), {"--db", target, "--format", "jsonl", "report"});
    EXPECT_EQ(search.exit_code, 0) << point << ": " << search.err;
    EXPECT_EQ(answer({target}, kScaleQueries[4]), answer({db("single")}, kScaleQueries[4])) << point;
    // Finished, not rebuilt: the articles are all there, none added again.
    const CliResult resumed = run_cli(cs_index_binary(), {"--db", target, "--jobs", "1", corpus().string()});
    ASSERT_EQ(resumed.exit_code, 0) << point << ": " << resumed.err;
    EXPECT_THAT(resumed.out, HasSubstr("articles added 0, updated 0, removed 0")) << point;
    EXPECT_FALSE(fs::exists(target + ".compact")) << point;
    EXPECT_EQ(answer({target}, kScaleQueries[4]), answer({db("single")}, kScaleQueries[4])) << point;
  }
}

// The ids of the dictionaries a database compresses new passages and records with.
std::pair<std::string, std::string> current_dictionaries(const std::string& path) {
  const Xapian::Database database(path);
  return {database.get_metadata(std::string(schema::kPassageDictionaryKey)),
          database.get_metadata(std::string(schema::kRecordDictionaryKey))};
}

// Runs each too small to train dictionaries alone: the run that brings the database past
// enough text trains them on what it holds and what it adds; later runs keep them.
TEST(ScaleRuns, ADatabaseGrownBySmallRunsGetsDictionariesAndKeepsThem) {
  TempDir dir;
  write_scale_corpus(dir / "all", 120, 3);
  const fs::path folder = dir / "corpus";
  fs::create_directories(folder);
  const auto run_with = [&](int first, int last) {
    for (int f = first; f < last; ++f) {
      const std::string name = "report-" + std::to_string(f) + ".md";
      fs::copy_file(dir / "all" / name, folder / name);
    }
    const CliResult indexed = run_cli(cs_index_binary(), {"--quiet", "--db", (dir / "db").string(), "--jobs", "1", folder.string()});
    EXPECT_EQ(indexed.exit_code, 0) << indexed.err;
    return current_dictionaries((dir / "db").string());
  };
  // 40 reports are well short of both: 40 records, and about a third of the passages' text
  // (DictionaryTrainer::kRecordSamples, kPassageSampleBytes).
  EXPECT_EQ(run_with(0, 40), std::make_pair(std::string(), std::string())) << "40 records";
  const auto records = run_with(40, 80);
  EXPECT_EQ(records.first, "") << "two thirds of the text";
  EXPECT_NE(records.second, "") << "80 records";
  const auto both = run_with(80, 120);
  EXPECT_NE(both.first, "") << "the text of 120 reports";
  EXPECT_EQ(both.second, records.second) << "kept";
  EXPECT_EQ(run_with(120, 120), both) << "kept";
  const CliResult found = run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "report", "-n", "200", "--format", "tsv"});
  EXPECT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(lines(found.out).size(), 121u) << "a header and every report, whatever compressed it";
}

}  // namespace
}  // namespace cs::test
