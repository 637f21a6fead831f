// Scale-out end to end: one database written by one thread, the same built by two threads
// in parts and merged, two shards (cs-index --shards), the shards named as two --db, and
// the shards served by two xapian-tcpsrv on 127.0.0.1 behind a stub file must all answer
// every query of a mix (words, phrases, filters, facets) with the same ranking and counts.
// (Faults of remote shards: cs_scale_faults_cli_test.cpp; runs that change, are killed or
// compact: cs_scale_runs_cli_test.cpp.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "support/remote_shard.hpp"
#include "support/scale_corpus.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// Issue #21: the same files indexed from another folder rank alike, in every layout: which
// part or shard a file goes to, and so the order ties are taken in, depends on its path
// below the folder indexed, never on where that folder lies.
TEST(ScaleOutFolders, TheSameCorpusRanksAlikeWhereverItLies) {
  TempDir dir;
  const std::vector<fs::path> folders = {dir / "a" / "corpus", dir / "elsewhere" / "deeper" / "another-name"};
  std::string batch;
  for (const char* query : {"report", "Taiwan", "trade security", "\"United States\"", "report Wire"}) {
    batch += std::string(query) + "\n";
  }
  std::vector<std::string> runs;
  for (const fs::path& folder : folders) {
    write_scale_corpus(folder);
    // Copies make stories whose shown article is a tie.
    for (int f = 0; f < 120; f += 7) {
      fs::copy_file(folder / ("report-" + std::to_string(f) + ".md"), folder / ("copy-" + std::to_string(f) + ".md"));
    }
    for (const char* layout : {"--jobs", "--shards"}) {
      const std::string db = (folder.parent_path() / (std::string("db") + layout)).string();
      const CliResult indexed = run_cli(cs_index_binary(), {"--quiet", "--db", db, layout, "2", folder.string()});
      ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
      const CliResult ranked =
          run_cli(cs_search_binary(), {"--db", db, "--batch", "-", "--format", "trec", "-n", "100"}, {}, batch);
      ASSERT_EQ(ranked.exit_code, 0) << ranked.err;
      runs.push_back(ranked.out);
    }
  }
  EXPECT_EQ(runs[2], runs[0]) << "parts merged";
  EXPECT_EQ(runs[3], runs[1]) << "shards";
}

TEST_F(ScaleOut, ShardsAndAParallelBuildHoldWhatOneThreadWrites) {
  const auto articles = [](const std::string& path) { return Xapian::Database(path).get_doccount(); };
  EXPECT_GT(articles(db("single")), 100u);
  EXPECT_EQ(articles(db("merged")), articles(db("single")));
  EXPECT_EQ(articles(db("sharded")), articles(db("single")));
  EXPECT_GT(articles(db("sharded") + "/shard-1"), 0u);
  EXPECT_GT(articles(db("sharded") + "/shard-2"), 0u);
  EXPECT_FALSE(fs::exists(db("merged") + ".parts"));
}

TEST_F(ScaleOut, ThePartsAndShardsOfARunShareTheirDictionaries) {
  // The ids of the dictionaries a database holds; its current ones must be among them.
  const auto dictionaries = [](const std::string& path) {
    const Xapian::Database database(path);
    std::set<std::string> ids;
    const std::string prefix(schema::kDictionaryPrefix);
    for (auto key = database.metadata_keys_begin(prefix); key != database.metadata_keys_end(prefix); ++key) {
      ids.insert((*key).substr(prefix.size()));
    }
    for (const std::string_view use : {schema::kPassageDictionaryKey, schema::kRecordDictionaryKey}) {
      EXPECT_EQ(ids.count(database.get_metadata(std::string(use))), 1u) << path << " " << use;
    }
    return ids;
  };
  EXPECT_EQ(dictionaries(db("single")).size(), 2u) << "passages and records";
  EXPECT_EQ(dictionaries(db("merged")).size(), 2u) << "the parts share theirs";
  const auto first = dictionaries(db("sharded") + "/shard-1");
  EXPECT_EQ(first.size(), 2u);
  EXPECT_EQ(dictionaries(db("sharded") + "/shard-2"), first) << "the shards share theirs";
}

TEST_F(ScaleOut, EveryLayoutRanksAndCountsAlike) {
  for (const auto& query : kScaleQueries) {
    const std::string reference = answer({db("single")}, query);
    ASSERT_FALSE(reference.empty()) << query[0];
    EXPECT_EQ(answer({db("merged")}, query), reference) << query[0];
    EXPECT_EQ(answer({db("sharded")}, query), reference) << query[0];
    EXPECT_EQ(answer({db("sharded") + "/shard-1", db("sharded") + "/shard-2"}, query), reference) << query[0];
  }
}

// The closest values named when a --source names none are written as the articles write
// them ("Gazette"), whichever shard holds the article that shows each.
TEST_F(ScaleOut, TheClosestValuesOfAFilterAreWrittenAlikeInEveryLayout) {
  const auto note = [](const std::string& database) {
    const CliResult result = run_cli(cs_search_binary(), {"--db", database, "report", "--source", "Gazete", "-n", "1"});
    EXPECT_EQ(result.exit_code, 1) << "no results: " << result.err;
    return result.err;
  };
  const std::string reference = note(db("single"));
  EXPECT_THAT(reference, HasSubstr("the closest: Gazette, Wire"));
  EXPECT_EQ(note(db("sharded")), reference);
  EXPECT_EQ(note(db("merged")), reference);
}

TEST_F(ScaleOut, RemoteShardsServedByXapianTcpsrvRankAndCountAlike) {
  RemoteShard first(db("sharded") + "/shard-1");
  RemoteShard second(db("sharded") + "/shard-2");
  ASSERT_TRUE(first.running() && second.running())
      << "xapian-tcpsrv (package xapian-tools, installed by scripts/install-deps.sh) did not start";
  TempDir dir;
  const fs::path stub = dir / "remote.stub";
  write_file(stub, "remote 127.0.0.1:" + std::to_string(first.port()) + "\nremote 127.0.0.1:" +
                       std::to_string(second.port()) + "\n");
  for (const auto& query : kScaleQueries) {
    EXPECT_EQ(answer({stub.string()}, query), answer({db("single")}, query)) << query[0];
  }
}

TEST_F(ScaleOut, ABatchAnsweredByFourThreadsIsTheBatchAnsweredByOne) {
  std::string batch;
  for (int i = 0; i < 300; ++i) {
    const auto& query = kScaleQueries[static_cast<std::size_t>(i) % 4];
    batch += "q" + std::to_string(i) + "\t" + query[0] + "\n";
  }
  batch += "bad\tchip date:2021-13\n";
  const auto run_batch = [&](const std::string& jobs) {
    return run_cli(cs_search_binary(), {"--db", db("sharded"), "--batch", "-", "--jobs", jobs, "--format", "jsonl"}, {}, batch);
  };
  const CliResult one = run_batch("1");
  const CliResult four = run_batch("4");
  EXPECT_EQ(one.exit_code, 2);  // the last query fails, after the others are answered
  EXPECT_EQ(four.exit_code, one.exit_code);
  EXPECT_GT(lines(one.out).size(), 300u);
  EXPECT_EQ(four.out, one.out);
  EXPECT_EQ(four.err, one.err);
  EXPECT_THAT(four.err, HasSubstr("line 301"));
  const CliResult alone = run_cli(cs_search_binary(), {"--db", db("single"), "--jobs", "2", "Taiwan"});
  EXPECT_EQ(alone.exit_code, 2);
  EXPECT_THAT(alone.err, HasSubstr("--batch"));
}

TEST_F(ScaleOut, ASecondWriterOfAShardedDatabaseIsRefused) {
  TempDir copy;
  const std::string target = (copy.path() / "db").string();
  // The first writer stops at its first commit, holding every shard.
  const pid_t first = start_cli(cs_index_binary(), {"--db", target, "--shards", "2", "--batch-mb", "0.05", corpus().string()},
                                {{"CS_FAILPOINT", "commit:1:pause"}});
  ASSERT_TRUE(WIFSTOPPED(wait_until_stopped(first)));
  const CliResult second = run_cli(cs_index_binary(), {"--db", target, corpus().string()});
  continue_process(first);
  const int status = wait_for(first);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(lines(second.err).size(), 1u) << second.err;
  EXPECT_THAT(second.err, HasSubstr("another cs-index, pid " + std::to_string(first)));
  EXPECT_EQ(Xapian::Database(target).get_doccount(), Xapian::Database(db("single")).get_doccount());
}

}  // namespace
}  // namespace cs::test
