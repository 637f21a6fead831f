// The second stage's assembly and kernel (searcher/rank/candidates.hpp): by hand, and against the
// plain reference (passage_scoring_reference.hpp) on generated articles, candidate by
// candidate and signal by signal. The inputs keep k1 above 0 and b below 1 (see the note in
// passage_scoring_reference_test.cpp), and one query stem a position: where an index has two
// (a word and its alternative form), a stretch keeps one of them, the later after
// second_stage.cpp's sort by position, which does not keep the order of equal positions.
#include "searcher/rank/candidates.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "unit/searcher/rank/passage_scoring_reference.hpp"
#include "unit/searcher/rank/scoring_inputs.hpp"

namespace cs::searcher {
namespace {

using generated::ArticlesInput;

std::uint32_t filler_of(const ScoringQuery& query) {
  std::uint32_t filler = 0;
  while (query.may_match(filler)) ++filler;
  return filler;
}

std::vector<std::uint32_t> owned(std::span<const std::uint32_t> words) { return {words.begin(), words.end()}; }

TEST(Candidates, APassageIsTheStretchFromItsFirstQueryStemToItsLast) {
  // Two passages of 5 and 4 words (positions 1-5 and 6-9); stems at 2, 4 and 5, none in the second.
  const std::vector<ArticleTermsRange> ranges = {{0, 1, 1, 2, 9}};
  const std::vector<std::uint32_t> arena = {77, 0, 5};
  const std::vector<StemPosition> stems = {{2, 10}, {4, 11}, {5, 10}};
  const std::vector<std::pair<std::size_t, std::size_t>> stems_of = {{0, 3}};
  const std::vector<float> weights = {3}, ages = {-1};
  CandidateArrays arrays;
  assemble_candidates({ranges, arena, stems, stems_of, weights, ages}, 99, arrays);
  ASSERT_EQ(arrays.candidates.size(), 2u);
  EXPECT_EQ(owned(arrays.candidates[0].text), (std::vector<std::uint32_t>{10, 99, 11, 10}));
  EXPECT_EQ(arrays.candidates[0].length, 5u);
  EXPECT_TRUE(arrays.candidates[1].text.empty()) << "no query stem, no words";
  EXPECT_EQ(arrays.candidates[1].passage_index, 1u);
  EXPECT_EQ(owned(arrays.candidates[1].title), (std::vector<std::uint32_t>{77}));
  EXPECT_EQ(arrays.first_candidate, (std::vector<std::size_t>{0, 2}));
  EXPECT_EQ(arrays.total_words, 9u);
  EXPECT_EQ(arrays.total_passages, 2u);
}

TEST(Candidates, OnlyTheFirstPassageHoldingNoQueryStemIsACandidate) {
  // Four passages of 3 words (positions 1-3, 4-6, 7-9, 10-12); a stem at 8 only.
  const std::vector<ArticleTermsRange> ranges = {{0, 0, 0, 4, 12}};
  const std::vector<std::uint32_t> arena = {0, 3, 6, 9};
  const std::vector<StemPosition> stems = {{8, 10}};
  const std::vector<std::pair<std::size_t, std::size_t>> stems_of = {{0, 1}};
  const std::vector<float> weights = {3}, ages = {-1};
  CandidateArrays arrays;
  assemble_candidates({ranges, arena, stems, stems_of, weights, ages}, 99, arrays);
  ASSERT_EQ(arrays.candidates.size(), 2u) << "passages 0 and 2: 1 and 3 score as 0 does, lower by their place";
  EXPECT_EQ(arrays.candidates[0].passage_index, 0u);
  EXPECT_TRUE(arrays.candidates[0].text.empty());
  EXPECT_EQ(arrays.candidates[1].passage_index, 2u);
  EXPECT_EQ(owned(arrays.candidates[1].text), (std::vector<std::uint32_t>{10}));
  EXPECT_EQ(arrays.total_passages, 4u) << "every passage counts for idf and the average length";
}

// The passages left out could never be chosen: per article, the passage the second stage
// shows (one holding a query stem when any does, else the best) and its score are the same
// as when every passage is scored.
TEST(Candidates, LeavingOutPassagesWithoutAStemChangesNoChoice) {
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ArticlesInput input = generated::make_articles(n);
    const std::uint32_t filler = filler_of(ScoringQuery(input.terms));
    std::vector<double> idf;
    const auto chosen = [&](bool every_passage) {
      const reference::Assembled assembled = reference::assemble(input.articles(), filler, every_passage);
      const std::vector<reference::Signals> signals =
          reference::kernel(input.terms, input.articles(), filler, static_cast<double>(input.k1),
                            static_cast<double>(input.b), input.weights, idf, every_passage);
      std::vector<std::pair<std::uint32_t, double>> best;  // each article's passage and total
      for (std::size_t i = 0; i + 1 < assembled.first_candidate.size(); ++i) {
        std::size_t pick = assembled.first_candidate[i];
        const auto holds = [&](std::size_t j) { return !assembled.candidates[j].text.empty(); };
        for (std::size_t j = pick; j < assembled.first_candidate[i + 1]; ++j) {
          if (holds(j) != holds(pick) ? holds(j) : signals[j].total > signals[pick].total) pick = j;
        }
        best.emplace_back(assembled.candidates[pick].passage_index, signals[pick].total);
      }
      return best;
    };
    const auto all = chosen(true);
    const auto kept = chosen(false);
    ASSERT_EQ(all.size(), kept.size());
    for (std::size_t i = 0; i < all.size(); ++i) {
      ASSERT_EQ(all[i].first, kept[i].first) << "article " << i << "\n" << generated::describe(input, i);
      ASSERT_TRUE(reference::agrees(static_cast<float>(kept[i].second), all[i].second)) << generated::describe(input, i);
    }
  }
}

TEST(Candidates, AssemblyMatchesTheReference) {
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ArticlesInput input = generated::make_articles(n);
    const std::uint32_t filler = filler_of(ScoringQuery(input.terms));
    CandidateArrays fast;
    assemble_candidates(input.articles(), filler, fast);
    const reference::Assembled expected = reference::assemble(input.articles(), filler);
    ASSERT_EQ(fast.first_candidate, expected.first_candidate) << generated::describe(input);
    ASSERT_EQ(fast.total_words, expected.total_words) << generated::describe(input);
    ASSERT_EQ(fast.total_passages, expected.total_passages) << generated::describe(input);
    for (std::size_t j = 0; j < fast.candidates.size(); ++j) {
      const Candidate& c = fast.candidates[j];
      const reference::OwnedCandidate& e = expected.candidates[j];
      const auto article = static_cast<std::size_t>(
          std::upper_bound(expected.first_candidate.begin(), expected.first_candidate.end(), j) -
          expected.first_candidate.begin() - 1);
      const bool same = owned(c.text) == e.text && owned(c.title) == e.title && c.length == e.length &&
                        c.passage_index == e.passage_index && c.first_stage == e.first_stage && c.age_days == e.age_days;
      ASSERT_TRUE(same) << "candidate " << j << " (passage " << e.passage_index << " of article " << article
                        << "): fast text of " << c.text.size() << " words, length " << c.length << "; reference "
                        << e.text.size() << " words, length " << e.length << "\n"
                        << generated::describe(input, article);
    }
  }
}

TEST(Candidates, KernelMatchesTheReference) {
  std::size_t candidates = 0;
  for (std::uint32_t n = 0; n < generated::kInputs; ++n) {
    const ArticlesInput input = generated::make_articles(n);
    ScoringQuery query(input.terms);
    const std::uint32_t filler = filler_of(query);
    CandidateArrays arrays;
    assemble_candidates(input.articles(), filler, arrays);
    KernelBuffers buffers;
    std::vector<ScoreParts> fast(arrays.candidates.size());
    score_candidates(query, input.k1, input.b, input.weights, arrays, buffers, fast);
    std::vector<double> idf;
    const std::vector<reference::Signals> expected =
        reference::kernel(input.terms, input.articles(), filler, static_cast<double>(input.k1),
                          static_cast<double>(input.b), input.weights, idf);
    ASSERT_EQ(query.term_count(), idf.size());
    for (std::size_t t = 0; t < idf.size(); ++t) {
      ASSERT_TRUE(reference::agrees(query.idf(t), idf[t])) << "idf of term " << t << ": fast " << query.idf(t) << ", reference "
                                               << idf[t] << "\n" << generated::describe(input);
    }
    for (std::size_t j = 0; j < fast.size(); ++j) {
      const std::pair<const char*, std::pair<float, double>> signals[] = {
          {"first_stage", {fast[j].first_stage, expected[j].first_stage}},
          {"article", {fast[j].article, expected[j].article}},
          {"length", {fast[j].length, expected[j].length}},
          {"coverage", {fast[j].coverage, expected[j].coverage}},
          {"proximity", {fast[j].proximity, expected[j].proximity}},
          {"phrase", {fast[j].phrase, expected[j].phrase}},
          {"title", {fast[j].title, expected[j].title}},
          {"position", {fast[j].position, expected[j].position}},
          {"recency", {fast[j].recency, expected[j].recency}},
          {"total", {fast[j].total, expected[j].total}}};
      const auto article = static_cast<std::size_t>(
          std::upper_bound(arrays.first_candidate.begin(), arrays.first_candidate.end(), j) -
          arrays.first_candidate.begin() - 1);
      for (const auto& [name, values] : signals) {
        ASSERT_TRUE(reference::agrees(values.first, values.second))
            << name << " of candidate " << j << " (passage " << arrays.candidates[j].passage_index << " of article "
            << article << "): fast " << values.first << ", reference " << values.second << "\n"
            << generated::describe(input, article);
      }
    }
    candidates += fast.size();
  }
  RecordProperty("candidates", static_cast<int>(candidates));
}

// The benchmark runs the kernel again and again on the same arrays.
TEST(Candidates, KernelGivesTheSameScoresTwice) {
  for (std::uint32_t n = 0; n < 200; ++n) {
    const ArticlesInput input = generated::make_articles(n);
    ScoringQuery query(input.terms);
    CandidateArrays arrays;
    assemble_candidates(input.articles(), filler_of(query), arrays);
    KernelBuffers buffers;
    std::vector<ScoreParts> once(arrays.candidates.size()), twice(arrays.candidates.size());
    score_candidates(query, input.k1, input.b, input.weights, arrays, buffers, once);
    score_candidates(query, input.k1, input.b, input.weights, arrays, buffers, twice);
    for (std::size_t j = 0; j < once.size(); ++j) ASSERT_EQ(once[j].total, twice[j].total) << generated::describe(input);
  }
}

}  // namespace
}  // namespace cs::searcher
