#include "searcher/cli/evaluation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace cs::searcher {
namespace {

using ::testing::HasSubstr;

TEST(Evaluation, MeasuresFollowTrecEvalsFormulas) {
  // a (grade 2), b and c (grade 1) retrieved at ranks 1, 3, 5; d relevant, never retrieved.
  const std::map<std::string, int> judged = {{"a", 2}, {"b", 1}, {"c", 1}, {"d", 1}, {"z", 0}};
  const Measures m = measure({"a", "x", "b", "z", "c"}, judged);
  EXPECT_DOUBLE_EQ(m.mrr_at_10, 1.0);
  const double dcg = 2 / std::log2(2.0) + 1 / std::log2(4.0) + 1 / std::log2(6.0);
  const double ideal = 2 / std::log2(2.0) + 1 / std::log2(3.0) + 1 / std::log2(4.0) + 1 / std::log2(5.0);
  EXPECT_NEAR(m.ndcg_at_10, dcg / ideal, 1e-12);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 0.75);
  EXPECT_NEAR(m.average_precision, (1.0 / 1 + 2.0 / 3 + 3.0 / 5) / 4, 1e-12);
}

TEST(Evaluation, PassageJudgmentsAreExactAndArticleJudgmentsCoverEveryPassage) {
  // Article A judged whole; of article B only passage 2 is relevant, passage 5 is not; of C
  // two passages are relevant, but a run shows one passage per article: C counts once.
  const std::map<std::string, int> judged = {{"A", 1}, {"B#2", 2}, {"B#5", 0}, {"C#1", 1}, {"C#4", 2}};
  const Measures shown_wrong_passage = measure({"B#5", "A#7", "C#4"}, judged);
  EXPECT_DOUBLE_EQ(shown_wrong_passage.mrr_at_10, 0.5);  // A#7 inherits A's grade
  EXPECT_NEAR(shown_wrong_passage.recall_at_100, 2.0 / 3, 1e-12);
  const double dcg = 1 / std::log2(3.0) + 2 / std::log2(4.0);
  const double ideal = 2 / std::log2(2.0) + 2 / std::log2(3.0) + 1 / std::log2(4.0);  // B 2, C 2, A 1
  EXPECT_NEAR(shown_wrong_passage.ndcg_at_10, dcg / ideal, 1e-12);
  const Measures best = measure({"B#2", "C#4", "A#0"}, judged);
  EXPECT_NEAR(best.ndcg_at_10, 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(best.recall_at_100, 1.0);
  EXPECT_EQ(measure({"B#3"}, judged).mrr_at_10, 0.0) << "an unjudged passage of a passage-judged article";
}

TEST(Evaluation, PassageHitNeedsTheRememberedPassageShown) {
  // A known-item query: article K is right (grade 1), its passage 3 is the remembered place.
  const std::map<std::string, int> judged = {{"K", 1}, {"K#3", 2}};
  const Measures wrong_place = measure({"X#0", "K#1"}, judged);
  EXPECT_DOUBLE_EQ(wrong_place.mrr_at_10, 0.5) << "the right article counts for MRR";
  EXPECT_EQ(wrong_place.passage_hit_at_10, 0.0) << "but not for the passage hit";
  EXPECT_EQ(measure({"X#0", "K#3"}, judged).passage_hit_at_10, 1.0);
  std::vector<std::string> late(11, "X#0");
  late[10] = "K#3";
  EXPECT_EQ(measure(late, judged).passage_hit_at_10, 0.0) << "only the top 10 count";
  // Judged by whole articles only: a relevant article in the top 10 is a hit.
  EXPECT_EQ(measure({"X#0", "A#4"}, {{"A", 2}}).passage_hit_at_10, 1.0);
  EXPECT_EQ(measure({"X#0"}, {{"A", 2}}).passage_hit_at_10, 0.0);
}

TEST(Evaluation, AFeedItemsIdHoldingAHashIsAnArticle) {
  // Feed item "f.xml#2" is an article (the run says so); its passage 0 is "f.xml#2#0".
  const std::map<std::string, int> judged = {{"f.xml#2", 2}, {"f.xml#3", 1}};
  const std::set<std::string> articles = {"f.xml#2", "f.xml#3"};
  const Measures m = measure({"f.xml#3#0", "f.xml#2#0"}, judged, articles);
  EXPECT_DOUBLE_EQ(m.mrr_at_10, 1.0);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 1.0) << "two articles, not two passages of f.xml";
  EXPECT_EQ(m.passage_hit_at_10, 1.0) << "judged by article only";
  const double ideal = 2 / std::log2(2.0) + 1 / std::log2(3.0);
  EXPECT_NEAR(m.ndcg_at_10, (1 / std::log2(2.0) + 2 / std::log2(3.0)) / ideal, 1e-12);
}

TEST(Evaluation, AnIdEndingInAHashThatIsNoNumberIsAnArticle) {
  const std::map<std::string, int> judged = {{"https://example.com/post#comments", 2}};
  const Measures m = measure({"https://example.com/post#comments#0"}, judged);
  EXPECT_DOUBLE_EQ(m.mrr_at_10, 1.0);
  EXPECT_DOUBLE_EQ(m.recall_at_100, 1.0);
  EXPECT_EQ(m.passage_hit_at_10, 1.0) << "judged as an article";
}

TEST(Evaluation, JudgedIdsTheDatabaseDoesNotHoldAreListed) {
  const std::set<std::string> articles = {"A", "f.xml#2"};
  const auto holds = [&](const std::string& id) { return articles.contains(id); };
  const Qrels qrels = {{"q1", {{"A", 1}, {"A#3", 2}, {"f.xml#2", 2}, {"f.xml#2#0", 1}, {"/data/A", 2}}},
                       {"q2", {{"B", 1}, {"B#1", 0}}}};
  const JudgedIds judged = sort_judged_ids(qrels, holds);
  EXPECT_EQ(judged.not_held, (std::vector<std::string>{"/data/A", "B", "B#1"}));
  EXPECT_EQ(judged.articles, articles) << "A and the feed item are articles; A#3 and f.xml#2#0 passages of them";
}

TEST(Evaluation, ReciprocalRankLooksAtTheTopTenOnly) {
  const std::map<std::string, int> judged = {{"hit", 1}};
  std::vector<std::string> ranking(12, "miss");
  ranking[2] = "hit";
  EXPECT_NEAR(measure(ranking, judged).mrr_at_10, 1.0 / 3, 1e-12);
  ranking[2] = "miss";
  ranking[11] = "hit";
  const Measures late = measure(ranking, judged);
  EXPECT_EQ(late.mrr_at_10, 0.0);
  EXPECT_EQ(late.ndcg_at_10, 0.0);
  EXPECT_EQ(late.recall_at_100, 1.0);
  EXPECT_NEAR(late.average_precision, 1.0 / 12, 1e-12);
}

TEST(Evaluation, EmptyRankingsScoreZeroAndUnjudgedQueriesAreLeftOut) {
  Qrels qrels;
  qrels["q1"] = {{"a", 1}};
  qrels["q2"] = {{"b", 0}};  // judged, but nothing relevant
  const Evaluation evaluation = evaluate_run({{"q1", {}}, {"q2", {"b"}}, {"q3", {"c"}}}, qrels);
  ASSERT_EQ(evaluation.queries.size(), 1u);
  EXPECT_EQ(evaluation.queries[0].first, "q1");
  EXPECT_EQ(evaluation.mean.average_precision, 0.0);
  EXPECT_EQ(evaluation.unjudged_queries, 2u);
}

TEST(Evaluation, MeanIsOverJudgedQueries) {
  Qrels qrels;
  qrels["q1"] = {{"a", 1}};
  qrels["q2"] = {{"b", 1}};
  const Evaluation evaluation = evaluate_run({{"q1", {"a"}}, {"q2", {"x", "b"}}}, qrels);
  EXPECT_DOUBLE_EQ(evaluation.mean.mrr_at_10, (1.0 + 0.5) / 2);
  std::ostringstream text, json;
  write_evaluation(text, evaluation, "text");
  write_evaluation(json, evaluation, "json");
  EXPECT_THAT(text.str(), HasSubstr("mean of 2 queries"));
  EXPECT_THAT(json.str(), HasSubstr("\"mrr@10\": 0.75"));
}

TEST(Evaluation, QrelsLinesAreParsedAndBadOnesNamed) {
  std::istringstream good("# judged by hand\nq1 0 sotu/1790.json 2\n\nq1\t0\tother 0\nq2 0 x 1\n");
  const auto qrels = parse_qrels(good, "j.qrels");
  ASSERT_TRUE(qrels.ok());
  EXPECT_EQ(qrels->at("q1").at("sotu/1790.json"), 2);
  EXPECT_EQ(qrels->at("q1").at("other"), 0);
  EXPECT_EQ(qrels->size(), 2u);
  for (const char* bad : {"q1 0 doc\n", "q1 0 doc high\n", "q1 0 doc 1 extra\n", "q1 0 doc 1x\n"}) {
    std::istringstream in(std::string("q0 0 fine 1\n") + bad);
    const auto parsed = parse_qrels(in, "j.qrels");
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().location, "line 2");
  }
}

}  // namespace
}  // namespace cs::searcher
