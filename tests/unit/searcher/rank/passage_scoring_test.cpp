#include "searcher/rank/passage_scoring.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "common/passage_terms.hpp"
#include "searcher/retrieve/retrieve.hpp"

namespace cs::searcher {
namespace {

// Hand-made passages: each word stands for its stem.
std::vector<std::uint32_t> hashes(const std::vector<std::string>& words) {
  std::vector<std::uint32_t> out;
  for (const auto& w : words) out.push_back(term_hash(w));
  return out;
}

ScoringQuery query_of(const std::vector<std::string>& words) {
  std::vector<std::vector<std::uint32_t>> terms;
  for (const auto& w : words) terms.push_back({term_hash(w)});
  return ScoringQuery(terms);
}

ScoreParts score_one(const ScoringQuery& query, const std::vector<std::uint32_t>& text,
                     const std::vector<std::uint32_t>& title = {}, std::uint32_t passage_index = 0,
                     ScoringWeights weights = {}, float age_days = -1) {
  const Candidate candidate{text, title, 1.0f, passage_index, age_days};
  ScoreParts parts;
  score_passages(query, std::span(&candidate, 1), weights, std::span(&parts, 1));
  return parts;
}

TEST(PassageScoring, LooksUpEveryStemOfATermAndNothingElse) {
  const ScoringQuery query({{term_hash("call"), term_hash("calls")}, {term_hash("xi")}});
  EXPECT_EQ(query.term_count(), 2u);
  EXPECT_EQ(query.term_of(term_hash("call")), 0);
  EXPECT_EQ(query.term_of(term_hash("calls")), 0);
  EXPECT_EQ(query.term_of(term_hash("xi")), 1);
  EXPECT_EQ(query.term_of(term_hash("trump")), -1);
}

// The SIMD filter (used where the processor has AVX2) keeps exactly the words the portable
// one keeps, which include every word of a query term, for every length of text (steps of
// eight words and the tail after them).
TEST(PassageScoring, SimdAndPortableFiltersKeepTheSameWords) {
  std::mt19937 random(5);
  std::vector<std::vector<std::uint32_t>> terms;
  for (int t = 0; t < 16; ++t) terms.push_back({static_cast<std::uint32_t>(random())});
  const ScoringQuery query(terms);
  for (std::size_t length : {0u, 1u, 7u, 8u, 9u, 63u, 120u, 256u}) {
    std::vector<std::uint32_t> text(length);
    for (auto& hash : text) hash = random() % 4 == 0 ? terms[random() % terms.size()][0] : static_cast<std::uint32_t>(random());
    // Words that share the query terms' filter bits but not their hashes: kept by the filter,
    // rejected by the lookup.
    if (length > 3) text[3] = terms[0][0] ^ 1u;
    std::vector<std::uint32_t> simd(length + 1), portable(length + 1);
    const std::size_t kept = query.filter_positions(text, simd.data());
    ASSERT_EQ(kept, query.filter_positions_portable(text, portable.data())) << length;
    simd.resize(kept);
    portable.resize(kept);
    EXPECT_EQ(simd, portable) << length;
    std::size_t matches = 0;
    for (std::size_t i = 0; i < length; ++i) {
      if (query.term_of(text[i]) < 0) continue;
      ++matches;
      EXPECT_TRUE(std::find(simd.begin(), simd.end(), i) != simd.end()) << "word " << i << " of " << length;
    }
    if (length > 3) {
      EXPECT_GT(kept, matches) << "the near-miss at word 3 passes the filter";
    }
  }
}

TEST(PassageScoring, TermsWithoutHashesAndTermsBeyondTheLimitAreLeftOut) {
  std::vector<std::vector<std::uint32_t>> terms = {{}, {term_hash("a")}};
  for (int i = 0; i < 40; ++i) terms.push_back({term_hash("w" + std::to_string(i))});
  const ScoringQuery query(terms);
  EXPECT_EQ(query.term_count(), kMaxScoringTerms);
  EXPECT_EQ(query.term_of(term_hash("a")), 0);
  EXPECT_EQ(query.term_of(term_hash("w39")), -1);
}

TEST(PassageScoring, ProximityRewardsTheTightestWindow) {
  const ScoringQuery query = query_of({"phone", "call"});
  const auto adjacent = score_one(query, hashes({"the", "phone", "call", "was", "long"}));
  const auto apart = score_one(query, hashes({"phone", "a", "b", "c", "call"}));
  EXPECT_FLOAT_EQ(adjacent.proximity, 1.0f);
  EXPECT_FLOAT_EQ(apart.proximity, 2.0f / 5.0f);
  // The window is the smallest anywhere, not the first one found.
  const auto later = score_one(query, hashes({"phone", "a", "b", "c", "d", "e", "call", "phone"}));
  EXPECT_FLOAT_EQ(later.proximity, 1.0f);
}

TEST(PassageScoring, OneTermQueriesAreNeutralOnProximityAndPhrase) {
  const ScoringQuery query = query_of({"taiwan"});
  const auto once = score_one(query, hashes({"taiwan", "strait"}));
  const auto repeated = score_one(query, hashes({"taiwan", "and", "taiwan", "taiwan"}));
  EXPECT_FLOAT_EQ(once.proximity, 0.0f);
  EXPECT_FLOAT_EQ(repeated.proximity, 0.0f);
  EXPECT_FLOAT_EQ(once.phrase, 0.0f);
}

// "iPod battery": a passage holding one of the words, however often, gets no proximity, so
// it cannot beat one holding both far apart on proximity (coverage is not traded for it).
TEST(PassageScoring, OneWordOfTwoGetsNoProximity) {
  const ScoringQuery query = query_of({"ipod", "battery"});
  std::vector<std::string> far_apart = {"ipod"};
  far_apart.resize(60, "filler");
  far_apart.push_back("battery");
  const auto both = score_one(query, hashes(far_apart));
  const auto one = score_one(query, hashes({"battery", "battery", "battery"}));
  EXPECT_GT(both.proximity, 0.0f);
  EXPECT_FLOAT_EQ(one.proximity, 0.0f);
}

// "rail strike": a passage repeating "rail" holds half the query; one with both, or with
// "strike" and a title holding "rail", holds all of it.
TEST(PassageScoring, CoverageCountsThePassageAndTheTitle) {
  const ScoringQuery query = query_of({"rail", "strike"});
  EXPECT_FLOAT_EQ(score_one(query, hashes({"rail", "rail", "rail"})).coverage, 0.5f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"strike", "on", "the", "rail"})).coverage, 1.0f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"the", "strike"}), hashes({"rail", "news"})).coverage, 1.0f);
}

TEST(PassageScoring, MissingTermsLowerCoverage) {
  const ScoringQuery query = query_of({"trade", "war", "tariff"});
  const auto two = score_one(query, hashes({"trade", "war"}));
  EXPECT_FLOAT_EQ(two.proximity, 2.0f / 3.0f) << "terms of equal idf: two of three of the query's weight";
  EXPECT_FLOAT_EQ(two.phrase, 0.0f) << "a phrase needs every term";
  const auto none = score_one(query, hashes({"peace", "talks"}));
  EXPECT_FLOAT_EQ(none.proximity, 0.0f);
  EXPECT_FLOAT_EQ(none.title, 0.0f);
}

TEST(PassageScoring, PhraseNeedsQueryOrderSideBySide) {
  const ScoringQuery query = query_of({"xi", "jinping"});
  EXPECT_FLOAT_EQ(score_one(query, hashes({"president", "xi", "jinping", "said"})).phrase, 1.0f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"jinping", "xi"})).phrase, 0.0f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"xi", "and", "jinping"})).phrase, 0.0f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"xi", "xi", "jinping"})).phrase, 1.0f) << "a repeated first word restarts the run";
}

TEST(PassageScoring, TitleShareAndPosition) {
  const ScoringQuery query = query_of({"trade", "talks"});
  const auto parts = score_one(query, hashes({"talks"}), hashes({"trade", "news"}), 3);
  EXPECT_FLOAT_EQ(parts.title, 0.5f);
  EXPECT_FLOAT_EQ(parts.position, 0.25f);
  EXPECT_FLOAT_EQ(score_one(query, {}, {}, 0).position, 1.0f);
}

TEST(PassageScoring, EmptyPassagesAndEmptyQueriesScoreByBm25Alone) {
  const auto empty_passage = score_one(query_of({"trade"}), {});
  EXPECT_FLOAT_EQ(empty_passage.proximity, 0.0f);
  EXPECT_FLOAT_EQ(empty_passage.first_stage, 1.0f);
  const ScoringQuery no_terms({});
  const auto parts = score_one(no_terms, hashes({"trade"}), hashes({"trade"}));
  EXPECT_FLOAT_EQ(parts.proximity, 0.0f);
  EXPECT_FLOAT_EQ(parts.title, 0.0f);
}

TEST(PassageScoring, RecencyHalvesPerHalfLifeAndIsOffByDefault) {
  const ScoringQuery query = query_of({"trade"});
  EXPECT_FLOAT_EQ(score_one(query, hashes({"trade"}), {}, 0, {}, 30).recency, 0.0f);
  ScoringWeights weights;
  weights.recency_half_life_days = 30;
  EXPECT_FLOAT_EQ(score_one(query, hashes({"trade"}), {}, 0, weights, 30).recency, 0.5f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"trade"}), {}, 0, weights, 0).recency, 1.0f);
  EXPECT_FLOAT_EQ(score_one(query, hashes({"trade"}), {}, 0, weights, -1).recency, 0.0f) << "undated";
}

TEST(PassageScoring, TotalIsTheWeightedSumAndFirstStageIsRelativeToTheBest) {
  const ScoringQuery query = query_of({"phone", "call"});
  const std::vector<std::uint32_t> strong = hashes({"phone", "call"});
  const std::vector<std::uint32_t> weak = hashes({"phone"});
  const Candidate candidates[] = {{strong, {}, 4.0f, 0, -1}, {weak, {}, 2.0f, 1, -1}};
  ScoreParts parts[2];
  const ScoringWeights weights;
  score_passages(query, candidates, weights, parts);
  EXPECT_FLOAT_EQ(parts[0].first_stage, 1.0f);
  EXPECT_FLOAT_EQ(parts[1].first_stage, 0.5f);
  for (const ScoreParts& p : parts) {
    float sum = 0;
    for (const Signal& signal : kSignals) {
      if (signal_active(signal, weights)) sum += weights.*(signal.weight) * p.*(signal.part);
    }
    EXPECT_FLOAT_EQ(p.total, sum);
    EXPECT_GT(p.coverage, 0.0f);
  }
  EXPECT_GT(parts[0].total, parts[1].total);
}

TEST(PassageScoring, PassageBm25CountsTermFrequencies) {
  const ScoringQuery query({{term_hash("trade")}, {term_hash("war")}}, {2.0f, 1.0f});
  const std::vector<std::uint32_t> twice = hashes({"trade", "trade", "x", "y"});
  const std::vector<std::uint32_t> once = hashes({"trade", "x", "y", "z"});
  const std::vector<std::uint32_t> neither = hashes({"x"});
  const Candidate candidates[] = {{twice, {}, 0, 0, -1}, {once, {}, 0, 0, -1}, {neither, {}, 0, 0, -1}};
  float scores[3];
  PassageBm25 bm25;
  bm25.average_length = 4;
  score_passage_bm25(query, candidates, bm25, scores);
  const float norm = bm25.k1;  // length 4 = average: 1 - b + b
  EXPECT_FLOAT_EQ(scores[1], 2.0f * (bm25.k1 + 1) / (1 + norm));
  EXPECT_FLOAT_EQ(scores[0], 2.0f * 2 * (bm25.k1 + 1) / (2 + norm));
  EXPECT_FLOAT_EQ(scores[2], 0.0f);
}

TEST(PassageScoring, ACandidateThatIsAStretchOfItsPassageIsNormalisedByThePassagesLength) {
  const ScoringQuery query({{term_hash("trade")}, {term_hash("war")}}, {2.0f, 1.0f});
  const std::vector<std::uint32_t> stretch = hashes({"trade", "x", "war"});
  Candidate whole{stretch, {}, 0, 0, -1};
  Candidate part = whole;
  part.length = 12;  // three words of a twelve-word passage
  float scores[2];
  PassageBm25 bm25;
  bm25.average_length = 3;
  const Candidate candidates[] = {whole, part};
  score_passage_bm25(query, candidates, bm25, scores);
  const auto expected = [&](float length) {
    const float norm = bm25.k1 * (1 - bm25.b + bm25.b * length / 3);
    return 2.0f * (bm25.k1 + 1) / (1 + norm) + 1.0f * (bm25.k1 + 1) / (1 + norm);
  };
  EXPECT_FLOAT_EQ(scores[0], expected(3));
  EXPECT_FLOAT_EQ(scores[1], expected(12));
  ScoreParts parts[2];
  score_passages(query, candidates, {}, parts);
  EXPECT_FLOAT_EQ(parts[0].proximity, parts[1].proximity) << "the other signals see the same words";
}

TEST(PassageScoring, RecencyHalfLivesTakeUnits) {
  EXPECT_FLOAT_EQ(*parse_half_life("90"), 90.0f);
  EXPECT_FLOAT_EQ(*parse_half_life("90d"), 90.0f);
  EXPECT_FLOAT_EQ(*parse_half_life("12w"), 84.0f);
  EXPECT_FLOAT_EQ(*parse_half_life("6m"), 180.0f);
  EXPECT_FLOAT_EQ(*parse_half_life("2y"), 730.0f);
  for (const char* bad : {"", "0", "d", "-5", "1.5", "3x", "999999999", "200y"}) {
    EXPECT_FALSE(parse_half_life(bad).ok()) << bad;
  }
}

TEST(PassageScoring, WeightsAndBm25ParametersAreParsedByName) {
  const auto weights = parse_weights({"proximity=0.5", "title=0", "bm25=2"}, ScoringWeights{});
  ASSERT_TRUE(weights.ok());
  EXPECT_FLOAT_EQ(weights->proximity, 0.5f);
  EXPECT_FLOAT_EQ(weights->title, 0.0f);
  EXPECT_FLOAT_EQ(weights->first_stage, 2.0f);
  EXPECT_FLOAT_EQ(weights->phrase, ScoringWeights{}.phrase) << "unnamed weights keep their value";
  for (const char* bad : {"proximity", "proximity=", "nearness=1", "phrase=-1", "phrase=11", "phrase=1x", "=1"}) {
    EXPECT_FALSE(parse_weights({bad}, ScoringWeights{}).ok()) << bad;
  }
  const auto bm25 = parse_bm25("1.2,0.75");
  ASSERT_TRUE(bm25.ok());
  EXPECT_DOUBLE_EQ(bm25->k1, 1.2f);
  EXPECT_DOUBLE_EQ(bm25->b, 0.75f);
  for (const char* bad : {"", "1.2", "1.2,", ",0.4", "1.2,2", "-1,0.4", "a,b", "1,0.4,2"}) {
    EXPECT_FALSE(parse_bm25(bad).ok()) << bad;
  }
}

TEST(ArticleTerms, EncodeAndDecodeRoundTrip) {
  const std::vector<std::uint32_t> title = hashes({"phone", "call"});
  const std::vector<std::uint32_t> starts = {0, 3};
  std::vector<std::uint32_t> arena = {7};
  const ArticleTermsRange range = decode_article_terms(encode_article_terms(title, starts, 4), arena);
  ASSERT_EQ(range.title_count, 2u);
  ASSERT_EQ(range.passage_count, 2u);
  EXPECT_EQ(range.word_count, 4u);
  EXPECT_EQ(std::vector<std::uint32_t>(arena.begin() + range.title_begin, arena.begin() + range.title_begin + 2), title);
  EXPECT_EQ(std::vector<std::uint32_t>(arena.begin() + range.starts_begin, arena.end()), starts);
}

TEST(ArticleTerms, MalformedValuesDecodeAsNoTitleAndNoPassages) {
  std::vector<std::uint32_t> arena;
  const auto decoded = [&](std::vector<std::uint32_t> starts) {
    return decode_article_terms(encode_article_terms({}, starts, 3), arena);
  };
  EXPECT_EQ(decoded({0, 2}).passage_count, 2u) << "well formed";
  arena.clear();
  EXPECT_EQ(decoded({1, 2}).passage_count, 0u) << "the first passage must start at the first word";
  EXPECT_EQ(decoded({0, 2, 1}).passage_count, 0u) << "starts must not go back";
  EXPECT_EQ(decoded({0, 4}).passage_count, 0u) << "a start past the last word";
  EXPECT_EQ(decode_article_terms("abcd", arena).passage_count, 0u) << "too short";
  EXPECT_EQ(decode_article_terms(encode_article_terms({}, std::vector<std::uint32_t>{0}, 3) + "x", arena).passage_count, 0u)
      << "not whole words";
  EXPECT_EQ(decode_article_terms(std::string("\xFF\xFF\xFF\xFF\0\0\0\0\0\0\0\0", 12), arena).title_count, 0u)
      << "more title words than the value holds";
  EXPECT_EQ(decode_article_terms(std::string("\0\0\0\0\x05\0\0\0\0\0\0\0", 12), arena).passage_count, 0u)
      << "more passages than the value holds";
  EXPECT_TRUE(arena.empty()) << "nothing malformed reaches the arena";
}

}  // namespace
}  // namespace cs::searcher
