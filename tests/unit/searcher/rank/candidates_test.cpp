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
