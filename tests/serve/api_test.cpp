// The HTTP JSON API of a real `cs-search --serve` over the bundled corpus: each endpoint
// answers what the command line prints for the same query and options, errors are JSON with
// the documented statuses, and nothing outside the API is ever served.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "serve/served.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class HttpApi : public ServedOnce<BundledCorpus> {
 protected:
  // GET `target`, which must answer `status`; its body as JSON.
  static nlohmann::json get_json(const std::string& target, int status = 200) {
    const auto res = served().get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return nullptr;
    EXPECT_EQ(res->status, status) << target << ": " << res->body;
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << target;
    return nlohmann::json::parse(res->body, nullptr, false);
  }
  // cs-search ARGS --format json, parsed.
  static nlohmann::json cli_json(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    const CliResult r = search(args);
    EXPECT_LE(r.exit_code, 1) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
};

// Issue #22: /api/search returns exactly what cs-search --format json prints.
TEST_F(HttpApi, SearchAnswersWhatTheCommandLinePrints) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"q=Taiwan", {"Taiwan"}},
      {"q=%22phone%20call%22&limit=3", {"\"phone call\"", "-n", "3"}},
      {"q=Taiwan&since=2021&sort=-date", {"Taiwan", "--since", "2021", "--sort", "-date"}},
      {"q=China&facets=source,year&histogram=year", {"China", "--facets", "source,year", "--histogram", "year"}},
      {"q=China&source=CNN&source=cfr.org", {"China", "--source", "CNN", "--source", "cfr.org"}},
      {"q=trade%20talks&explain=1&rerank=10&weight=title%3D0.5", {"trade talks", "--explain", "--rerank", "10", "--weight", "title=0.5"}},
      {"q=Taiwan&limit=0&facets=lang", {"Taiwan", "-n", "0", "--facets", "lang"}},
      {"q=China&limit=0&facets=source&facets=year", {"China", "-n", "0", "--facets", "source,year"}},  // a trial's find
      {"q=he%20added:%20%22nothing", {"he added: \"nothing"}},
      {"q=zzzqqq%20nowhere", {"zzzqqq nowhere"}},
  };
  for (const auto& [params, args] : cases) {
    const nlohmann::json api = get_json("/api/search?" + params);
    const nlohmann::json cli = cli_json(args);
    ASSERT_FALSE(cli.is_discarded()) << params;
    EXPECT_EQ(api, cli) << params;
  }
}

TEST_F(HttpApi, OffsetPagesAreTheCommandLinesRanksAfterIt) {
  const nlohmann::json page = get_json("/api/search?q=China&limit=2&offset=1");
  const nlohmann::json all = cli_json({"China", "-n", "3"});
  ASSERT_EQ(page["results"].size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(page["results"][i]["article_id"], all["results"][i + 1]["article_id"]);
    EXPECT_EQ(page["results"][i]["rank"], i + 2);
  }
  EXPECT_EQ(page["matching_articles"], all["matching_articles"]);
}

TEST_F(HttpApi, ArticlesAndLikeAnswerWhatShowAndLikePrint) {
  const std::string id = "chinausfocus.com/2021-03-10-phone-call-diplomacy.txt";
  EXPECT_EQ(get_json("/api/articles/" + id), cli_json({"--show", id}));
  EXPECT_EQ(get_json("/api/like/" + id + "?limit=3"), cli_json({"--like", id, "-n", "3"}));
  const nlohmann::json missing = get_json("/api/articles/no/such.txt", 404);
  EXPECT_THAT(missing["error"]["message"].get<std::string>(), HasSubstr("no article or indexed file 'no/such.txt'"));
  EXPECT_EQ(get_json("/api/like/no/such.txt", 404)["error"].size(), 1u);
}

TEST_F(HttpApi, SuggestCompletesFromTheIndexAndCorrectsSpelling) {
  const nlohmann::json typed = get_json("/api/suggest?q=phone%20dipl");
  ASSERT_FALSE(typed["completions"].empty());
  EXPECT_EQ(typed["completions"][0]["query"], "phone diplomacy");
  EXPECT_GT(typed["completions"][0]["articles"], 0);
  EXPECT_TRUE(typed["spelling"].is_null()) << "a word being typed is not a typo";
  EXPECT_EQ(get_json("/api/suggest?q=diplomcy")["spelling"], "diplomacy");
  EXPECT_TRUE(get_json("/api/suggest?q=Taiwan%20")["completions"].empty()) << "nothing to complete after a space";
  const nlohmann::json whole = get_json("/api/suggest?q=taiwan");
  ASSERT_FALSE(whole["completions"].empty());
  EXPECT_EQ(whole["completions"][0]["query"], "taiwan") << "a whole word is offered too, with its count";
}

TEST_F(HttpApi, BatchAnswersEachLineAsTheSearchEndpointDoes) {
  const std::string body = R"({"qid": "a", "q": "Taiwan", "limit": 2})" "\n"
                           R"({"qid": 7, "q": "China", "source": ["CNN", "cfr.org"]})" "\n"
                           "\n"
                           R"({"q": "date:2018-02-30"})" "\n"
                           "not json\n";
  const auto res = served().client()->Post("/api/batch", body, "application/x-ndjson");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/x-ndjson");
  const auto answers = json_lines(res->body);
  ASSERT_EQ(answers.size(), 4u) << res->body;
  nlohmann::json first = cli_json({"Taiwan", "-n", "2"});
  first["qid"] = "a";
  for (auto& hit : first["results"]) hit["qid"] = "a";
  EXPECT_EQ(answers[0], first);
  EXPECT_EQ(answers[1]["qid"], "7");
  EXPECT_EQ(answers[1]["matching_articles"], cli_json({"China", "--source", "CNN", "--source", "cfr.org"})["matching_articles"]);
  EXPECT_EQ(answers[2]["qid"], "3");
  EXPECT_EQ(answers[2]["error"]["column"], 1);
  EXPECT_THAT(answers[3]["error"]["message"].get<std::string>(), HasSubstr("line 4: not a JSON object"));
  const auto listed = served().client()->Post("/api/batch", R"({"qid": "f", "q": "China", "limit": 0, "facets": ["source", "year"]})" "\n",
                                               "application/x-ndjson");
  ASSERT_TRUE(listed);
  nlohmann::json both = cli_json({"China", "-n", "0", "--facets", "source,year"});
  both["qid"] = "f";
  EXPECT_EQ(json_lines(listed->body).at(0), both) << "a list of fields is every field, not the last";
}

TEST_F(HttpApi, BadRequestsAreJsonErrorsWithTheirStatus) {
  EXPECT_THAT(get_json("/api/search?q=x&sinse=2020", 400)["error"]["message"].get<std::string>(),
              HasSubstr("unknown parameter 'sinse'"));
  EXPECT_EQ(get_json("/api/search?q=", 400)["error"]["message"], "no query given (add q=WORDS)");
  const nlohmann::json bad_date = get_json("/api/search?q=talks%20date:2018-02-30", 400);
  EXPECT_EQ(bad_date["error"]["column"], 7);
  EXPECT_THAT(get_json("/api/search?q=x&since=yesterday", 400)["error"]["message"].get<std::string>(),
              HasSubstr("--since 'yesterday' is not a date"));
  EXPECT_EQ(get_json("/api/search?q=x&limit=2000", 400)["error"].size(), 1u);
  EXPECT_EQ(get_json("/api/search?q=x&explain=maybe", 400)["error"].size(), 1u);
  EXPECT_EQ(get_json("/api/search?q=" + std::string(3000, 'a'), 414)["error"].size(), 1u) << "the URL is too long";
  EXPECT_EQ(get_json("/api/search?q=" + std::string(2500, 'a'), 414)["error"].size(), 1u) << "the query is too long";
  std::string many;
  for (int i = 0; i < 1001; ++i) many += R"({"q": "Taiwan"})" "\n";
  const auto batch = served().client()->Post("/api/batch", many, "application/x-ndjson");
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->status, 413);
  // A body over the limit is refused from its declared length, before it is sent.
  const int fd = connect_loopback(served().port());
  ASSERT_GE(fd, 0);
  const std::string huge = "POST /api/batch HTTP/1.1\r\nHost: x\r\nContent-Length: 2097152\r\nConnection: close\r\n\r\n";
  ASSERT_EQ(::write(fd, huge.data(), huge.size()), static_cast<ssize_t>(huge.size()));
  const std::string answer = read_all(fd);
  ::close(fd);
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 413 "));
}

TEST_F(HttpApi, AnotherMethodOnARouteIs405) {
  const auto post = served().client()->Post("/api/search?q=Taiwan", "", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET");
  const auto get = served().get("/api/batch");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
  EXPECT_EQ(get->get_header_value("Allow"), "POST");
  EXPECT_EQ(served().get("/api/nothing")->status, 404);
}

TEST_F(HttpApi, NoFileIsServedWhateverThePath) {
  for (const std::string target : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd",
                                   "/static/../../../etc/passwd", "/api/../../etc/passwd", "/README.md", "/corpus/"}) {
    const int fd = connect_loopback(served().port());
    ASSERT_GE(fd, 0);
    const std::string request = "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    ASSERT_EQ(::write(fd, request.data(), request.size()), static_cast<ssize_t>(request.size()));
    const std::string answer = read_all(fd);
    ::close(fd);
    EXPECT_THAT(answer, Not(HasSubstr("root:"))) << target;
    EXPECT_THAT(answer, ::testing::AnyOf(HasSubstr(" 404 "), HasSubstr(" 400 "))) << target;
  }
}

TEST_F(HttpApi, EveryAnswerCarriesTheSecurityHeaders) {
  for (const std::string target : {"/api/search?q=Taiwan", "/healthz", "/nowhere"}) {
    const auto res = served().get(target);
    ASSERT_TRUE(res) << target;
    EXPECT_THAT(res->get_header_value("Content-Security-Policy"), HasSubstr("frame-ancestors 'none'")) << target;
    EXPECT_THAT(res->get_header_value("Content-Security-Policy"), HasSubstr("script-src 'self'")) << target;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << target;
  }
}

TEST_F(HttpApi, HealthAndMetricsCountWhatWasAnswered) {
  const nlohmann::json health = get_json("/healthz");
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["documents"], 4) << "the bundled corpus's articles";
  EXPECT_GT(health["last_commit"], 1700000000);
  get_json("/api/search?q=x&sinse=1", 400);
  const auto metrics = served().get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->get_header_value("Content-Type"), HasSubstr("text/plain"));
  EXPECT_THAT(metrics->body, HasSubstr("cs_search_requests_total{route=\"/api/search\",status=\"400\"} "));
  EXPECT_THAT(metrics->body, HasSubstr("cs_search_requests_total{route=\"/healthz\",status=\"200\"} "));
  EXPECT_THAT(metrics->body, HasSubstr("cs_search_request_duration_seconds_bucket{le=\"+Inf\"} "));
  EXPECT_THAT(metrics->body, HasSubstr("cs_search_documents 4\n"));
  EXPECT_THAT(metrics->body, Not(HasSubstr("passwd")));
}

TEST_F(HttpApi, IdleAndHalfSentConnectionsDoNotHoldOthersUp) {
  std::vector<int> idle;
  for (int i = 0; i < 6; ++i) {
    const int fd = connect_loopback(served().port());
    ASSERT_GE(fd, 0);
    const std::string partial = "GET /api/search?q=Taiwan HTTP/1.1\r\nHost: x\r\n";  // never finished
    ASSERT_EQ(::write(fd, partial.data(), partial.size()), static_cast<ssize_t>(partial.size()));
    idle.push_back(fd);
  }
  const auto res = served().get("/api/search?q=Taiwan");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  for (const int fd : idle) ::close(fd);
}

}  // namespace
}  // namespace cs::test
