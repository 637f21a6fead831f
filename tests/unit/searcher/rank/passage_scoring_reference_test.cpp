// The fast scoring loop (searcher/rank/passage_scoring.hpp) against the plain reference
// (passage_scoring_reference.hpp), signal by signal, on generated inputs: each input is a
// query and its candidates drawn from its own std::mt19937 seed, so a failure names the
// seed that reproduces it and prints the input. The inputs vary the candidate count (0 to
// 200), the term count (0 to 20: past kMaxScoringTerms too), stems per term, stems shared
// between terms, words that pass the term filter without being a term's, repeated terms,
// empty passages, typed phrases, titles, passage indexes, ages, weights and BM25 settings.
//
// The settings where the two once parted are included: k1 = 0, and b = 1 on a passage of
// length 0 (every passage without a query stem, as assemble_candidates leaves it), where
// score_passage_bm25 computed 0 (k1 + 1) / (0 + 0) = NaN for a term the passage lacks
// while the definition counts such a term 0 (cs-search accepts --bm25 0,B and K1,1).
//
// Left out on purpose: more than 512 matches in one candidate (kMaxMatches in
// passage_scoring.cpp): the window is sought among the first 512 while coverage counts them
// all, so a term found only later leaves no window (2^32 - 1 words) and a proximity near 0.
// The searcher never builds such a candidate (a passage is at most 120 words).
#include "unit/searcher/rank/passage_scoring_reference.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "unit/searcher/rank/scoring_inputs.hpp"

namespace cs::searcher {
namespace {

using generated::ScoringInput;

TEST(PassageScoringReference, TermLookupAgreesOnEveryWord) {
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ScoringInput input = generated::make_input(n);
    const ScoringQuery query(input.terms, input.idf);
    const reference::Terms terms = reference::kept_terms(input.terms);
    const std::vector<double> idf = reference::kept_idf(input.terms, input.idf);
    ASSERT_EQ(query.term_count(), terms.count) << generated::describe(input);
    for (std::size_t t = 0; t < terms.count; ++t) {
      ASSERT_TRUE(reference::agrees(query.idf(t), idf[t])) << "idf of term " << t << "\n" << generated::describe(input);
    }
    std::vector<std::uint32_t> words;
    for (const auto& term : input.terms) words.insert(words.end(), term.begin(), term.end());
    for (const auto& text : input.texts) words.insert(words.end(), text.begin(), text.end());
    for (const auto& title : input.titles) words.insert(words.end(), title.begin(), title.end());
    for (const std::uint32_t word : words) {
      const auto it = terms.term_of.find(word);
      const int expected = it == terms.term_of.end() ? -1 : static_cast<int>(it->second);
      ASSERT_EQ(query.term_of(word), expected) << "word " << generated::hex(word) << "\n" << generated::describe(input);
    }
  }
}

TEST(PassageScoringReference, EverySignalAgrees) {
  std::size_t candidates = 0;
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ScoringInput input = generated::make_input(n);
    const ScoringQuery query(input.terms, input.idf);
    std::vector<ScoreParts> fast(input.candidates.size());
    score_passages(query, input.candidates, input.weights, fast);
    const std::vector<reference::Signals> expected =
        reference::score(reference::kept_terms(input.terms), reference::kept_idf(input.terms, input.idf), input.candidates,
                         input.weights);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      const std::pair<const char*, std::pair<float, double>> signals[] = {
          {"first_stage", {fast[i].first_stage, expected[i].first_stage}},
          {"article", {fast[i].article, expected[i].article}},
          {"length", {fast[i].length, expected[i].length}},
          {"coverage", {fast[i].coverage, expected[i].coverage}},
          {"proximity", {fast[i].proximity, expected[i].proximity}},
          {"phrase", {fast[i].phrase, expected[i].phrase}},
          {"title", {fast[i].title, expected[i].title}},
          {"position", {fast[i].position, expected[i].position}},
          {"recency", {fast[i].recency, expected[i].recency}},
          {"total", {fast[i].total, expected[i].total}}};
      for (const auto& [name, values] : signals) {
        ASSERT_TRUE(reference::agrees(values.first, values.second))
            << name << ": fast " << values.first << ", reference " << values.second << "\n"
            << generated::describe(input, i);
      }
    }
    candidates += fast.size();
  }
  RecordProperty("candidates", static_cast<int>(candidates));
}

TEST(PassageScoringReference, HoldingCountsAgree) {
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ScoringInput input = generated::make_input(n);
    const ScoringQuery query(input.terms, input.idf);
    std::vector<std::uint32_t> fast(query.term_count());
    count_holding_candidates(query, input.candidates, fast);
    const std::vector<std::uint32_t> expected = reference::holders(reference::kept_terms(input.terms), input.candidates);
    ASSERT_EQ(fast, expected) << generated::describe(input);
  }
}

TEST(PassageScoringReference, PassageBm25Agrees) {
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ScoringInput input = generated::make_input(n);
    const ScoringQuery query(input.terms, input.idf);
    std::vector<float> fast(input.candidates.size());
    score_passage_bm25(query, input.candidates, input.bm25, fast);
    const reference::Terms terms = reference::kept_terms(input.terms);
    const std::vector<double> idf = reference::kept_idf(input.terms, input.idf);
    for (std::size_t i = 0; i < fast.size(); ++i) {
      const double expected =
          reference::passage_bm25(terms, idf, input.candidates[i], static_cast<double>(input.bm25.k1),
                                  static_cast<double>(input.bm25.b), static_cast<double>(input.bm25.average_length));
      ASSERT_TRUE(reference::agrees(fast[i], expected))
          << "passage BM25: fast " << fast[i] << ", reference " << expected << "\n"
          << generated::describe(input, i);
    }
  }
}

// The reference itself, on cases worked by hand, so that it cannot agree with the fast code
// by sharing its mistakes.
TEST(PassageScoringReference, ReferenceWorksSmallCasesByHand) {
  const std::vector<std::vector<std::uint32_t>> query = {{1, 2}, {3}, {2}, {}, {4}};
  const reference::Terms terms = reference::kept_terms(query);
  ASSERT_EQ(terms.count, 3u) << "{2} is term 0's, {} has no stem";
  EXPECT_EQ(terms.term_of.at(2), 0u);
  EXPECT_EQ(terms.term_of.at(4), 2u);
  EXPECT_EQ(reference::kept_idf(query, {5, 6, 7, 8, 9}), (std::vector<double>{5, 6, 9}));
  const std::vector<std::uint32_t> text = {9, 1, 9, 9, 3, 4, 1, 9, 2, 3, 4};
  // Every term present; the tightest windows holding all three are "3 4 1" and "2 3 4".
  const std::vector<double> even = {1, 1, 1};
  EXPECT_DOUBLE_EQ(reference::proximity(terms, even, text), 1.0 * 3.0 / 3.0);
  EXPECT_DOUBLE_EQ(reference::phrase(terms, text), 1.0) << "2 3 4 at the end: terms 0, 1, 2";
  EXPECT_DOUBLE_EQ(reference::phrase(terms, std::vector<std::uint32_t>{1, 3, 9, 4}), 0.0);
  EXPECT_DOUBLE_EQ(reference::proximity(terms, even, std::vector<std::uint32_t>{1, 9, 9, 3}), 2.0 / 3.0 * 2.0 / 4.0);
  EXPECT_DOUBLE_EQ(reference::proximity(terms, {5, 6, 9}, std::vector<std::uint32_t>{1, 9, 9, 3}), 11.0 / 20.0 * 2.0 / 4.0)
      << "terms 0 and 1 hold 5 + 6 of the query's idf 20";
  EXPECT_DOUBLE_EQ(reference::proximity(terms, even, std::vector<std::uint32_t>{9, 4, 4}), 0.0) << "one term is no proximity";
  EXPECT_DOUBLE_EQ(reference::title(terms, std::vector<std::uint32_t>{3, 3, 8}), 1.0 / 3.0);
  // Coverage: term 0 in the text and term 1 in the title hold 5 + 6 of the idf 20; with
  // term 2 in the text too, all of it.
  const std::vector<std::uint32_t> text_words = {1, 9}, title_words = {3}, more_words = {1, 4};
  const Candidate covering[] = {{text_words, title_words, 0, 0, -1}, {more_words, title_words, 0, 0, -1}};
  const auto covered = reference::score(terms, {5, 6, 9}, covering, {});
  EXPECT_DOUBLE_EQ(covered[0].coverage, 11.0 / 20.0);
  EXPECT_DOUBLE_EQ(covered[1].coverage, 1.0);
  EXPECT_DOUBLE_EQ(reference::recency(30, 30), 0.5);
  EXPECT_DOUBLE_EQ(reference::recency(-1, 30), 0.0);
  const Candidate candidate{text, {}, 0, 0, -1};  // term 0 three times, terms 1 and 2 twice; 11 words
  const double norm = 1.0 * (1 - 0.5 + 0.5 * 11 / 22.0);
  EXPECT_DOUBLE_EQ(reference::passage_bm25(terms, {1, 2, 3}, candidate, 1.0, 0.5, 22),
                   1 * 3 * 2.0 / (3 + norm) + (2 + 3) * 2 * 2.0 / (2 + norm));
  // The title counts in tf as if it were part of the passage, not in its length.
  const std::vector<std::uint32_t> one_word = {1}, titled = {1, 8};
  const Candidate with_title{one_word, titled, 0, 0, -1};
  const double short_norm = 1.0 * (1 - 0.5 + 0.5 * 1 / 2.0);
  EXPECT_DOUBLE_EQ(reference::passage_bm25(terms, {1, 2, 3}, with_title, 1.0, 0.5, 2), 1 * 2 * 2.0 / (2 + short_norm));
  // Average 40: the 11 words count as 20, half the average, as Xapian's min_normlen does.
  const double floored = 1.0 * (1 - 0.5 + 0.5 * 20 / 40.0);
  EXPECT_DOUBLE_EQ(reference::passage_bm25(terms, {1, 2, 3}, candidate, 1.0, 0.5, 40),
                   1 * 3 * 2.0 / (3 + floored) + (2 + 3) * 2 * 2.0 / (2 + floored));
}

}  // namespace
}  // namespace cs::searcher
