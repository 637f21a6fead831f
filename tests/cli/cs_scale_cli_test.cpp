// Scale-out end to end: one database written by one thread, the same built by two threads
// in parts and merged, two shards (cs-index --shards), the shards named as two --db, and
// the shards served by two xapian-tcpsrv on 127.0.0.1 behind a stub file must all answer
// every query of a mix (words, phrases, filters, facets) with the same ranking and counts.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <random>
#include <sstream>

#include "common/schema.hpp"
#include "support/indexed_once.hpp"
#include "support/remote_shard.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

// Articles of words drawn with Zipf-like frequencies (so terms weigh differently), with
// sources, dates and topics for the filters and facets, plus the bundled corpus: `reports`
// articles whose paragraphs are `length` times 60 to 110 words long.
void write_corpus(const fs::path& folder, int reports = 120, int length = 1) {
  std::mt19937 random(7);
  const std::vector<std::string> vocabulary = made_up_words(random, 2000, 6);
  std::vector<double> weights;
  for (int i = 1; i <= 2000; ++i) weights.push_back(1.0 / i);
  std::discrete_distribution<int> zipf(weights.begin(), weights.end());
  const char* sources[] = {"Wire", "Gazette", "Review"};
  for (int f = 0; f < reports; ++f) {
    std::ostringstream text;
    text << "---\ntitle: Report " << f << " on " << vocabulary[static_cast<std::size_t>(zipf(random))] << "\nsource: "
         << sources[f % 3] << "\ndate: 20" << 10 + f % 12 << "-0" << 1 + f % 9 << "-1" << f % 10
         << "\ntopics: [" << (f % 2 ? "trade" : "security") << "]\n---\n\n";
    const int paragraphs = 2 + f % 5;
    for (int p = 0; p < paragraphs; ++p) {
      for (int w = 0; w < (60 + f % 50) * length; ++w) text << vocabulary[static_cast<std::size_t>(zipf(random))] << ' ';
      text << "\n\n";
    }
    write_file(folder / ("report-" + std::to_string(f) + ".md"), text.str());
  }
  fs::copy(corpus_dir(), folder / "bundled", fs::copy_options::recursive);
}

const std::vector<std::vector<std::string>> kQueries = {
    {"Taiwan"},
    {"China trade"},
    {"\"United States\""},
    {"report"},
    {"security OR trade", "--facets", "source,year,topic", "--histogram", "year"},
    {"report", "--source", "Gazette", "-n", "20"},
    {"report", "--sort", "-date", "-n", "15"},
    // Not "report" with many results: every title holds it, and passages tied exactly at the
    // cut are taken in database order, which differs between layouts.
    {"taiwan OR china OR trump", "-n", "30", "--facets", "source,lang"},
};

// The corpus above, built three ways: by one thread, by two threads in parts then merged,
// and as two shards. Long enough (1.4 MB, 204 articles) that each part and shard trains its
// own dictionaries (indexer/analyse/dictionary_trainer.hpp), which the searcher must then
// find in the shard, local or remote, that holds each passage and record.
constexpr int kScaleReports = 200;
struct ScaleCorpus {
  static fs::path make(const fs::path& scratch) {
    write_corpus(scratch / "corpus", kScaleReports, 3);
    return scratch / "corpus";
  }
  static std::vector<DatabaseSpec> databases() {
    return {{"single", {"--quiet", "--jobs", "1"}},
            {"merged", {"--quiet", "--jobs", "2"}},
            {"sharded", {"--quiet", "--shards", "2"}}};
  }
};

class ScaleOut : public IndexedOnce<ScaleCorpus> {
 protected:
  // cs-search's JSON Lines for a query on `databases` (each given as a --db).
  // A folder in `copy` holding the corpus's bundled articles only; an incremental run adds
  // the rest by copying corpus() over it.
  static fs::path bundled_only(const TempDir& copy) {
    const fs::path folder = copy.path() / "corpus";
    fs::create_directories(folder);
    fs::copy(corpus() / "bundled", folder / "bundled", fs::copy_options::recursive);
    return folder;
  }
  static std::string answer(const std::vector<std::string>& databases, const std::vector<std::string>& query) {
    std::vector<std::string> args;
    for (const std::string& database : databases) {
      args.push_back("--db");
      args.push_back(database);
    }
    args.insert(args.end(), {"--format", "jsonl"});
    args.insert(args.end(), query.begin(), query.end());
    const CliResult result = run_cli(cs_search_binary(), args);
    EXPECT_NE(result.exit_code, 2) << result.err;
    // The shard counts of a whole answer differ by layout; nothing else may.
    static const std::regex whole_answer(R"(,"shards":\{"failed":0,"failures":\[\],"successful":\d+,"total":\d+\})");
    return std::regex_replace(result.out, whole_answer, "");
  }
};

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
    write_corpus(folder);
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

TEST_F(ScaleOut, EveryPartAndShardCompressesWithDictionariesItKeeps) {
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
  EXPECT_EQ(dictionaries(db("merged")).size(), 4u) << "two from each part";
  const auto first = dictionaries(db("sharded") + "/shard-1");
  const auto second = dictionaries(db("sharded") + "/shard-2");
  ASSERT_EQ(first.size(), 2u);
  ASSERT_EQ(second.size(), 2u);
  EXPECT_NE(first, second);
}

TEST_F(ScaleOut, EveryLayoutRanksAndCountsAlike) {
  for (const auto& query : kQueries) {
    const std::string reference = answer({db("single")}, query);
    ASSERT_FALSE(reference.empty()) << query[0];
    EXPECT_EQ(answer({db("merged")}, query), reference) << query[0];
    EXPECT_EQ(answer({db("sharded")}, query), reference) << query[0];
    EXPECT_EQ(answer({db("sharded") + "/shard-1", db("sharded") + "/shard-2"}, query), reference) << query[0];
  }
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
  for (const auto& query : kQueries) {
    EXPECT_EQ(answer({stub.string()}, query), answer({db("single")}, query)) << query[0];
  }
}

TEST_F(ScaleOut, ABatchAnsweredByFourThreadsIsTheBatchAnsweredByOne) {
  std::string batch;
  for (int i = 0; i < 300; ++i) {
    const auto& query = kQueries[static_cast<std::size_t>(i) % 4];
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

// Issue #23: a remote shard that does not answer is left out, as Elasticsearch does: the
// others answer, one warning names it, and the JSON says the answer is partial.
class RemoteShardFaults : public ScaleOut {
 protected:
  // A stub naming shard-1 served at `first` and shard-2 at `second`.
  fs::path stub(int first, int second) {
    const fs::path file = dir_ / "remote.stub";
    write_file(file, "# two shards\nremote 127.0.0.1:" + std::to_string(first) + "\n\nremote 127.0.0.1:" + std::to_string(second) + "\n");
    return file;
  }
  // What shard-1 alone answers: a partial answer must be exactly that.
  static std::string shard_one_alone(const std::vector<std::string>& query) {
    return answer({db("sharded") + "/shard-1"}, query);
  }
  // A partial answer's JSON Lines apart: the hits and facets as a whole answer writes them,
  // and the shard counts ("partial", "shards": one shard of two left out).
  static std::pair<std::string, std::string> split_counts(const std::string& jsonl) {
    // Keys come sorted: facets, histogram, partial, qid, shards.
    static const std::regex counts(
        R"(("partial":true,)(.*)(,"shards":\{"failed":1,"failures":\[\{"reason":"[^"]*","shard":"[^"]*"\}\],"successful":1,"total":2\}))");
    std::string hits;
    std::string found;
    for (const std::string& line : lines(jsonl)) {
      std::smatch match;
      if (!std::regex_search(line, match, counts)) {
        hits += line + "\n";
        continue;
      }
      found += match[1].str() + match[3].str();
      // What is left is the facets' line of a whole answer, or {"qid":…} alone.
      const std::string rest = match.prefix().str() + match[2].str() + match.suffix().str();
      if (rest.find("\"facets\"") != std::string::npos || rest.find("\"histogram\"") != std::string::npos) hits += rest + "\n";
    }
    return {hits, found};
  }
  TempDir dir_;
};

TEST_F(RemoteShardFaults, AStoppedShardIsLeftOutWithOneWarning) {
  RemoteShard first(db("sharded") + "/shard-1");
  ASSERT_TRUE(first.running()) << "xapian-tcpsrv (package xapian-tools) did not start";
  const int stopped = free_port();  // a server that was stopped: nobody listens there
  const fs::path file = stub(first.port(), stopped);
  for (const auto& query : kQueries) {
    std::vector<std::string> args = {"--db", file.string(), "--format", "jsonl"};
    args.insert(args.end(), query.begin(), query.end());
    const CliResult result = run_cli(cs_search_binary(), args);
    EXPECT_EQ(result.exit_code, 0) << query[0] << ": " << result.err;
    ASSERT_EQ(lines(result.err).size(), 1u) << result.err;
    EXPECT_THAT(result.err, HasSubstr("warning: " + file.string() + ": remote shard 127.0.0.1:" + std::to_string(stopped) +
                                      " does not answer"));
    EXPECT_THAT(result.err, HasSubstr("results come from 1 of 2 shards"));
    const auto [hits, counts] = split_counts(result.out);
    EXPECT_THAT(counts, HasSubstr("127.0.0.1:" + std::to_string(stopped))) << result.out;
    EXPECT_EQ(hits, shard_one_alone(query)) << query[0];
  }
}

TEST_F(RemoteShardFaults, APausedShardIsLeftOutAfterTheShardTimeout) {
  RemoteShard first(db("sharded") + "/shard-1");
  RemoteShard second(db("sharded") + "/shard-2");
  ASSERT_TRUE(first.running() && second.running()) << "xapian-tcpsrv (package xapian-tools) did not start";
  second.pause();
  const fs::path file = stub(first.port(), second.port());
  const std::vector<std::string> query = {"China trade"};
  const CliResult result = run_cli(cs_search_binary(), {"--db", file.string(), "--shard-timeout", "1.5", "--format", "jsonl", query[0]});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(lines(result.err).size(), 1u) << result.err;
  EXPECT_THAT(result.err, HasSubstr("remote shard 127.0.0.1:" + std::to_string(second.port()) + " does not answer (Timeout"));
  const auto [hits, counts] = split_counts(result.out);
  EXPECT_THAT(counts, HasSubstr("\"partial\":true")) << result.out;
  EXPECT_EQ(hits, shard_one_alone(query));

  // --strict-shards: all or nothing, for scripts.
  const CliResult strict = run_cli(cs_search_binary(), {"--db", file.string(), "--shard-timeout", "1.5", "--strict-shards", query[0]});
  EXPECT_EQ(strict.exit_code, 2);
  EXPECT_EQ(lines(strict.err).size(), 1u) << strict.err;
  EXPECT_THAT(strict.err, HasSubstr("remote shard 127.0.0.1:" + std::to_string(second.port()) + " does not answer"));
  EXPECT_THAT(strict.err, HasSubstr(file.string()));
  EXPECT_EQ(strict.out, "");
}

TEST_F(RemoteShardFaults, AShardPausedDuringABatchIsLeftOutOfTheQueriesAfter) {
  RemoteShard first(db("sharded") + "/shard-1");
  RemoteShard second(db("sharded") + "/shard-2");
  ASSERT_TRUE(first.running() && second.running()) << "xapian-tcpsrv (package xapian-tools) did not start";
  const fs::path file = stub(first.port(), second.port());
  int input = -1;
  int output = -1;
  // A batch on a pipe writes each answer (one hit: -n 1) as it is made.
  const pid_t batch = start_cli_duplex(
      cs_search_binary(), {"--db", file.string(), "--shard-timeout", "1.5", "--batch", "-", "-n", "1", "--format", "jsonl"},
      input, output);
  write_all(input, "q1\tChina trade\n");
  std::string printed = read_until(output, "\"qid\":\"q1\"");
  second.pause();  // after q1 was answered by both
  write_all(input, "q2\tChina trade\n");
  printed += read_until(output, "\"qid\":\"q2\"");
  ::close(input);
  printed += read_until(output, "the end: the batch exits");
  ::close(output);
  EXPECT_EQ(WEXITSTATUS(wait_for(batch)), 0);
  bool q2_partial = false;
  for (const std::string& line : lines(printed)) {
    if (line.find("\"qid\":\"q1\"") != std::string::npos) {
      EXPECT_THAT(line, Not(HasSubstr("partial"))) << line;
    }
    if (line.find("\"qid\":\"q2\"") != std::string::npos && line.find("\"partial\":true") != std::string::npos) {
      q2_partial = true;
      EXPECT_THAT(line, HasSubstr("127.0.0.1:" + std::to_string(second.port())));
    }
  }
  EXPECT_TRUE(q2_partial) << printed;
}

TEST_F(ScaleOut, AnUnreachableRemoteShardIsOneClearError) {
  TempDir dir;
  const fs::path stub = dir / "nobody.stub";
  write_file(stub, "remote 127.0.0.1:" + std::to_string(free_port()) + "\n");
  const CliResult result = run_cli(cs_search_binary(), {"--db", stub.string(), "Taiwan"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(lines(result.err).size(), 1u) << result.err;
  EXPECT_THAT(result.err, HasSubstr(stub.string()));
}

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
  for (const auto& query : kQueries) {
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
    EXPECT_EQ(answer({target}, kQueries[4]), answer({db("single")}, kQueries[4])) << point;
    EXPECT_FALSE(fs::exists(fs::path(target) / ".parts")) << point;
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
  for (const auto& query : kQueries) EXPECT_EQ(answer({target}, query), answer({reference}, query)) << query[0];
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
    EXPECT_EQ(answer({target}, kQueries[4]), answer({db("single")}, kQueries[4])) << point;
    // Finished, not rebuilt: the articles are all there, none added again.
    const CliResult resumed = run_cli(cs_index_binary(), {"--db", target, "--jobs", "1", corpus().string()});
    ASSERT_EQ(resumed.exit_code, 0) << point << ": " << resumed.err;
    EXPECT_THAT(resumed.out, HasSubstr("articles added 0, updated 0, removed 0")) << point;
    EXPECT_FALSE(fs::exists(target + ".compact")) << point;
    EXPECT_EQ(answer({target}, kQueries[4]), answer({db("single")}, kQueries[4])) << point;
  }
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
