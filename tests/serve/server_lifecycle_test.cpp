// A real `cs-search --serve` over its life: started before any database exists, answering
// while cs-index commits and rebuilds, refusing what arrives too slowly, stopped by SIGTERM.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "serve/served.hpp"
#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;

const std::string kArticle = "Harbour pilots strike over pay. Dock workers at the harbour walked out on Monday.\n";

CliResult index_into(const std::filesystem::path& db, const std::filesystem::path& corpus,
                     std::vector<std::string> options = {}) {
  options.insert(options.begin(), {"--db", db.string()});
  options.push_back(corpus.string());
  return run_cli(cs_index_binary(), options);
}

TEST(ServerLifecycle, AnswersServiceUnavailableUntilADatabaseExists) {
  TempDir dir;
  write_file(dir / "corpus" / "harbour.txt", kArticle);
  Served served({"--db", (dir / "db").string()});
  const auto before = served.get("/healthz");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 503);
  const auto search = served.get("/api/search?q=harbour");
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 503);
  EXPECT_THAT(search->body, HasSubstr("run cs-index"));
  EXPECT_THAT(search->body, ::testing::Not(HasSubstr(dir.path().string()))) << "no server path in an error";
  ASSERT_EQ(index_into(dir / "db", dir / "corpus").exit_code, 0);
  const auto after = served.get("/api/search?q=harbour");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(nlohmann::json::parse(after->body)["matching_articles"], 1);
}

// Requests go on, none failing, while cs-index commits and then rebuilds; what it added is
// found once it is done.
TEST(ServerLifecycle, KeepsAnsweringWhileCsIndexCommitsAndRebuilds) {
  TempDir dir;
  write_file(dir / "corpus" / "harbour.txt", kArticle);
  for (int i = 0; i < 40; ++i) {
    write_file(dir / "corpus" / ("filler-" + std::to_string(i) + ".txt"),
               "Filler report " + std::to_string(i) + ". The harbour board met again to discuss the budget.\n");
  }
  ASSERT_EQ(index_into(dir / "db", dir / "corpus").exit_code, 0);
  Served served({"--db", (dir / "db").string()});
  std::atomic<bool> indexing{true};
  std::atomic<int> answered{0};
  std::vector<std::string> failures;
  std::thread client([&] {
    auto http = served.client();
    // At least one request after cs-index is done, however fast it was.
    for (bool last = false; !last;) {
      last = !indexing.load();
      const auto res = http->Get("/api/search?q=harbour&limit=5");
      if (!res || res->status != 200) failures.push_back(res ? res->body : "no answer");
      ++answered;
    }
  });
  write_file(dir / "corpus" / "lighthouse.txt", "Lighthouse keepers return. The old lighthouse is staffed again.\n");
  const CliResult added = index_into(dir / "db", dir / "corpus");
  const CliResult rebuilt = index_into(dir / "db", dir / "corpus", {"--rebuild"});
  indexing = false;
  client.join();
  EXPECT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << answered << " failed; first: " << failures.front();
  const auto found = served.get("/api/search?q=lighthouse");
  ASSERT_TRUE(found);
  EXPECT_EQ(nlohmann::json::parse(found->body)["matching_articles"], 1) << found->body;
}

TEST(ServerLifecycle, ABodyThatStopsArrivingGets408) {
  TempDir dir;
  write_file(dir / "corpus" / "harbour.txt", kArticle);
  ASSERT_EQ(index_into(dir / "db", dir / "corpus").exit_code, 0);
  Served served({"--db", (dir / "db").string(), "--request-timeout", "1"});
  const int fd = connect_loopback(served.port());
  ASSERT_GE(fd, 0);
  const std::string half = "POST /api/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"q\": ";
  ASSERT_EQ(::write(fd, half.data(), half.size()), static_cast<ssize_t>(half.size()));
  const std::string answer = read_all(fd);  // the server answers when the second is up
  ::close(fd);
  EXPECT_THAT(answer, HasSubstr(" 408 "));
}

TEST(ServerLifecycle, SigtermStopsItCleanly) {
  TempDir dir;
  write_file(dir / "corpus" / "harbour.txt", kArticle);
  ASSERT_EQ(index_into(dir / "db", dir / "corpus").exit_code, 0);
  Served served({"--db", (dir / "db").string()});
  ASSERT_TRUE(served.get("/healthz"));
  const int status = served.stop();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_THAT(served.printed(), HasSubstr("cs-search: stopped"));
}

TEST(ServerLifecycle, AnAddressItCannotListenOnIsAUsageError) {
  TempDir dir;
  write_file(dir / "corpus" / "harbour.txt", kArticle);
  ASSERT_EQ(index_into(dir / "db", dir / "corpus").exit_code, 0);
  const CliResult bad = run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "--serve", "here:port"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("--serve takes [HOST:]PORT, not 'here:port'"));
  Served served({"--db", (dir / "db").string()});
  const CliResult taken =
      run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "--serve", "127.0.0.1:" + std::to_string(served.port())});
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_THAT(taken.err, HasSubstr("cannot listen there"));
  EXPECT_EQ(run_cli(cs_search_binary(), {"--serve", "8080", "Taiwan"}).exit_code, 2) << "a query or --serve, not both";
}

}  // namespace
}  // namespace cs::test
