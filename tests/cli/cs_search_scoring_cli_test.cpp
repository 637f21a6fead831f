// Runs the real cs-search over the bundled corpus with the scoring options: --explain shows
// every component of a score, and --bm25, --weight, --rerank and --recency change the scores as
// they say, with finite scores for every setting accepted and exit status 2 for the others.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CsSearchScoring : public IndexedOnce<BundledCorpus> {};

TEST_F(CsSearchScoring, ExplainShowsEveryScoreComponentAndTheirSumIsTheScore) {
  const CliResult r = search({"--format", "jsonl", "--explain", "phone call"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = json_lines(r.out);
  ASSERT_FALSE(hits.empty());
  for (const auto& hit : hits) {
    const auto& explain = hit["explain"];
    double sum = 0;
    for (const char* name : {"bm25", "article", "coverage", "proximity", "phrase", "title", "position", "length"}) {
      ASSERT_TRUE(explain["components"].contains(name)) << name;
      sum += explain["components"][name]["value"].get<double>() * explain["components"][name]["weight"].get<double>();
    }
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-4);
    EXPECT_GT(explain["bm25"].get<double>(), 0);
    EXPECT_GT(explain["passage_bm25"].get<double>(), 0) << "the shown passage holds a query word";
  }
  EXPECT_EQ(hits[0]["explain"]["components"]["phrase"]["value"], 1.0) << "the top hit has the phrase";
  const CliResult text = search({"--color", "never", "--explain", "-n", "1", "phone call"});
  EXPECT_THAT(text.out, HasSubstr("explain: score "));
  EXPECT_THAT(text.out, HasSubstr("×proximity "));
  EXPECT_THAT(search({"--color", "never", "-n", "1", "phone call"}).out, Not(HasSubstr("explain:")));
}

TEST_F(CsSearchScoring, EveryBm25SettingItAcceptsGivesFiniteScores) {
  // k1 = 0, and b = 1 on passages without a query stem, once made a passage's BM25 0/0.
  for (const char* bm25 : {"0,0.75", "1.2,1", "0,1", "1.2,0"}) {
    const CliResult r = search({"--format", "jsonl", "--explain", "--bm25", bm25, "phone call"});
    ASSERT_EQ(r.exit_code, 0) << bm25 << ": " << r.err;
    const auto hits = json_lines(r.out);
    ASSERT_FALSE(hits.empty()) << bm25;
    for (const auto& hit : hits) {
      ASSERT_TRUE(hit["score"].is_number()) << bm25 << ": " << hit.dump();
      EXPECT_TRUE(std::isfinite(hit["score"].get<double>())) << bm25;
    }
  }
}

TEST_F(CsSearchScoring, WeightAndBm25OptionsChangeTheRanking) {
  const auto tuned = json_lines(search({"--format", "jsonl", "--explain", "--weight", "phrase=2", "--weight", "title=0",
                                   "--bm25", "1.2,0.75", "phone call"}).out);
  ASSERT_FALSE(tuned.empty());
  EXPECT_EQ(tuned[0]["explain"]["components"]["phrase"]["weight"], 2.0);
  EXPECT_EQ(tuned[0]["explain"]["components"]["title"]["weight"], 0.0);
  const auto plain = json_lines(search({"--format", "jsonl", "--explain", "--rerank", "0", "phone call"}).out);
  const auto other_bm25 = json_lines(search({"--format", "jsonl", "--explain", "--rerank", "0", "--bm25", "1.2,0.75", "phone call"}).out);
  ASSERT_FALSE(plain.empty());
  ASSERT_FALSE(other_bm25.empty());
  EXPECT_NE(plain[0]["explain"]["bm25"], other_bm25[0]["explain"]["bm25"]) << "BM25 weights follow k1 and b";
  const CliResult bad = search({"--weight", "nearness=1", "Taiwan"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("nearness=1"));
  EXPECT_EQ(search({"--bm25", "1.2", "Taiwan"}).exit_code, 2);
}

TEST_F(CsSearchScoring, RerankZeroIsBm25AloneAndRecencyFavoursNewerArticles) {
  const auto bm25_only = json_lines(search({"--format", "jsonl", "--rerank", "0", "--explain", "Taiwan"}).out);
  ASSERT_FALSE(bm25_only.empty());
  EXPECT_TRUE(bm25_only[0]["explain"]["components"].empty());
  EXPECT_DOUBLE_EQ(bm25_only[0]["score"].get<double>(), bm25_only[0]["explain"]["bm25"].get<double>());
  const auto recent = json_lines(search({"--format", "jsonl", "--recency", "30d", "--explain", "Taiwan"}).out);
  ASSERT_FALSE(recent.empty());
  for (const auto& hit : recent) ASSERT_TRUE(hit["explain"]["components"].contains("recency"));
  EXPECT_EQ(search({"--recency", "soon", "Taiwan"}).exit_code, 2);
  EXPECT_EQ(search({"--recency", "0", "Taiwan"}).exit_code, 2);
  EXPECT_EQ(search({"--recency", "90", "--rerank", "0", "Taiwan"}).exit_code, 2);
}

TEST_F(CsSearchScoring, DateOrderShowsTheScoresOfRelevanceOrder) {
  const auto by_relevance = json_lines(search({"--format", "jsonl", "-n", "20", "phone call"}).out);
  const auto by_date = json_lines(search({"--format", "jsonl", "-n", "20", "--sort", "-date", "phone call"}).out);
  ASSERT_FALSE(by_relevance.empty());
  ASSERT_EQ(by_date.size(), by_relevance.size()) << "the bundled corpus has fewer matches than -n";
  std::map<std::string, double> relevance_score;
  for (const auto& hit : by_relevance) relevance_score[hit["article_id"]] = hit["score"].get<double>();
  for (const auto& hit : by_date) {
    EXPECT_NEAR(hit["score"].get<double>(), relevance_score[hit["article_id"]], 1e-6) << hit["article_id"];
  }
}

}  // namespace
}  // namespace cs::test
