// Generated inputs for the second stage's tests against the plain reference: a query and its
// candidates drawn from one std::mt19937 seed per input, and a readable print of an input
// for a failure message.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "searcher/rank/candidates.hpp"
#include "searcher/rank/passage_scoring.hpp"

namespace cs::searcher::generated {

// Inputs each test checks; input n is drawn from seed kFirstSeed + n. Under the sanitizers the
// same code runs 20-50 times slower and what is checked there is memory and undefined
// behaviour, which the first 300 inputs exercise; the normal build checks all 3000.
#ifdef CS_SANITIZED_BUILD
inline constexpr std::uint32_t kInputs = 300;
#else
inline constexpr std::uint32_t kInputs = 3000;
#endif
inline constexpr std::uint32_t kFirstSeed = 1900000;  // issue 19

struct ScoringInput {
  std::uint32_t seed = 0;
  std::vector<std::vector<std::uint32_t>> terms;  // as given to ScoringQuery
  std::vector<float> idf;
  std::vector<std::vector<std::uint32_t>> texts;   // candidate i's text and title
  std::vector<std::vector<std::uint32_t>> titles;
  std::vector<Candidate> candidates;               // views of texts and titles
  ScoringWeights weights;
  PassageBm25 bm25;

  ScoringInput() = default;
  ScoringInput(ScoringInput&&) = default;  // the texts' words stay where the candidates see them
  ScoringInput(const ScoringInput&) = delete;
  ScoringInput& operator=(const ScoringInput&) = delete;
};

// Input n (0 to kInputs - 1, or any other for more).
ScoringInput make_input(std::uint32_t n);

// The second stage's input before assembly: a query and the articles it re-ranks, as
// second_stage.cpp has them after reading Xapian (at most one query stem a position).
struct ArticlesInput {
  std::uint32_t seed = 0;
  std::vector<std::vector<std::uint32_t>> terms;
  std::vector<ArticleTermsRange> ranges;
  std::vector<std::uint32_t> arena;
  std::vector<StemPosition> stems;
  std::vector<std::pair<std::size_t, std::size_t>> stems_of;
  std::vector<float> article_weights;
  std::vector<float> age_days;
  ScoringWeights weights;
  float k1 = 0.9f;
  float b = 0.4f;

  RerankedArticles articles() const { return {ranges, arena, stems, stems_of, article_weights, age_days}; }
};

// Articles input n, from seed kFirstSeed + n: 0 to 60 articles of 0 to 12 passages (0: its
// bounds unreadable), passages of 0 to 130 words, stems at a density that varies, some past
// the article's last word.
ArticlesInput make_articles(std::uint32_t n);

// `hash` as 0x1234abcd.
std::string hex(std::uint32_t hash);

// The input, with its seed, readably: each word as the kept query term it belongs to (T0,
// T1...), "~" for a word that shares a term's filter bits but is none of its stems, "." for
// any other; with `candidate`, that candidate alone in full.
std::string describe(const ScoringInput& input, std::size_t candidate = static_cast<std::size_t>(-1));
// The same for articles: each passage's words from 1 on, the article's stems at their places.
std::string describe(const ArticlesInput& input, std::size_t article = static_cast<std::size_t>(-1));

}  // namespace cs::searcher::generated
