// Remote shards that do not answer, end to end: two xapian-tcpsrv on 127.0.0.1 serve the
// scale corpus's shards (support/scale_corpus.hpp), one stopped or paused (SIGSTOP), and
// cs-search answers from the other with one warning, or fails as --strict-shards asks.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "support/remote_shard.hpp"
#include "support/scale_corpus.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace fs = std::filesystem;

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
  for (const auto& query : kScaleQueries) {
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

// The spelling words are metadata every shard serves, remote ones too: "did you mean" over
// remote shards suggests what over the same shards on disk does.
TEST_F(RemoteShardFaults, RemoteShardsSuggestAsTheSameShardsOnDisk) {
  RemoteShard first(db("sharded") + "/shard-1");
  RemoteShard second(db("sharded") + "/shard-2");
  ASSERT_TRUE(first.running() && second.running()) << "xapian-tcpsrv (package xapian-tools) did not start";
  const fs::path file = stub(first.port(), second.port());
  const CliResult remote = run_cli(cs_search_binary(), {"--db", file.string(), "Chnia tradde"});
  const CliResult local = run_cli(cs_search_binary(), {"--db", db("sharded"), "Chnia tradde"});
  EXPECT_EQ(remote.exit_code, local.exit_code) << remote.err;
  EXPECT_THAT(local.out, HasSubstr("Did you mean \"china trade\"?"));
  EXPECT_EQ(remote.out, local.out);
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

}  // namespace
}  // namespace cs::test
