// A plain reference for the second stage's scoring (searcher/rank/passage_scoring.hpp), written
// from the definitions in that header's comments, not from the fast code: maps and sets for
// the term lookup, every window tried for proximity, every place tried for the phrase,
// doubles throughout. Slow (quadratic in a passage's words) and obviously right, so the
// tests can hold the fast loop to it on many generated inputs (PISA's ranked-query tests do
// the same for their query algorithms). Test code only.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <span>
#include <vector>

#include "searcher/rank/candidates.hpp"
#include "searcher/rank/passage_scoring.hpp"

namespace cs::searcher::reference {

// Whether the fast loop's float `fast` agrees with the reference's double `expected`: a few
// float roundings apart at most.
inline bool agrees(float fast, double expected) {
  return std::abs(static_cast<double>(fast) - expected) <= 1e-5 * std::max(1.0, std::abs(expected));
}

// The terms the second stage scores, from the query's terms as given to ScoringQuery: in
// query order, at most kMaxScoringTerms of them, at most ScoringQuery::kMaxHashes hashes in
// all (the first ones), a hash already taken by an earlier term (or earlier in the same
// term) left to it, and a term left with no hash of its own dropped.
struct Terms {
  std::map<std::uint32_t, std::size_t> term_of;  // a kept hash to its kept term's index
  std::size_t count = 0;
};
Terms kept_terms(const std::vector<std::vector<std::uint32_t>>& terms);

// The idf of each kept term: idf[i] of the query term it came from, 1 where none is given.
std::vector<double> kept_idf(const std::vector<std::vector<std::uint32_t>>& terms, const std::vector<float>& idf);

// Each signal as ScoreParts defines it, in doubles.
struct Signals {
  double first_stage = 0;
  double article = 0;
  double coverage = 0;
  double proximity = 0;
  double phrase = 0;
  double title = 0;
  double position = 0;
  double length = 0;
  double recency = 0;
  double total = 0;
};

// The distinct kept terms among `words`, as a set of term indexes.
std::vector<bool> terms_in(const Terms& terms, std::span<const std::uint32_t> words);

// The idf of the terms the text holds over the idf of all the query's terms × present / the
// fewest consecutive words that hold every present term; 0 with fewer than two present.
double proximity(const Terms& terms, const std::vector<double>& idf, std::span<const std::uint32_t> text);

// 1 when some place of the text holds term 0, the next word term 1, ... up to the last term;
// only for queries of two terms or more (0 otherwise).
double phrase(const Terms& terms, std::span<const std::uint32_t> text);

// Share of the query's terms that the title holds.
double title(const Terms& terms, std::span<const std::uint32_t> title_words);

// 1 / (1 + the passage's index in its article).
double position(std::uint32_t passage_index);

// 2^(-age / half-life) for a dated article (age >= 0) when recency is on (half-life > 0), else 0.
double recency(float age_days, float half_life_days);

// Every signal of every candidate; first_stage (and article) is the candidate's over the best
// candidate's (0 when none is above 0), length the article's words over kFullArticleWords (at
// most 1), coverage the idf of the terms in the text or the title over the idf of all,
// total the weighted sum. `idf` weighs the terms in
// coverage and proximity.
std::vector<Signals> score(const Terms& terms, const std::vector<double>& idf, std::span<const Candidate> candidates,
                           const ScoringWeights& weights);

// How many candidates hold each kept term (count_holding_candidates).
std::vector<std::uint32_t> holders(const Terms& terms, std::span<const Candidate> candidates);

// A candidate's BM25: the sum over kept terms of idf × tf (k1 + 1) / (tf + k1 (1 - b + b ×
// length / average length)), tf counting the term in the text and in the title, length being
// the candidate's `length` or else its text's and at
// least half the average; the length is not weighed when the average is not above 0.
double passage_bm25(const Terms& terms, const std::vector<double>& idf, const Candidate& candidate, double k1, double b,
                    double average_length);

// A candidate as the reference assembles it: owning its words.
struct OwnedCandidate {
  std::vector<std::uint32_t> text;
  std::vector<std::uint32_t> title;
  float first_stage = 0;
  std::uint32_t passage_index = 0;
  float age_days = -1;
  std::uint32_t length = 0;
  float article = 0;
  std::uint32_t article_words = 0;
};

// The candidates of `articles` (assemble_candidates): for each article, its passages (one
// when it has none), in order, each that holds a query stem and the first that holds none,
// or all of them with `every_passage`; a passage's text runs from the first position in it
// that holds a query stem to the last, each position's stem there and `filler` at the
// others, and is empty when none does; its length is the passage's words then. Word k of
// passage p is at position start(p) + k + 1.
struct Assembled {
  std::vector<OwnedCandidate> candidates;
  std::vector<std::size_t> first_candidate;
  std::uint64_t total_words = 0;
  std::uint64_t total_passages = 0;  // every passage, a candidate or not
};
Assembled assemble(const RerankedArticles& articles, std::uint32_t filler, bool every_passage = false);

// Views of owned candidates, for the functions above.
std::vector<Candidate> views(const std::vector<OwnedCandidate>& owned);

// The second stage's kernel (score_candidates) from its definition: idf ln(1 + N / holders)
// over the N passages, each candidate's BM25 with the average length total words / N as its
// first stage, then every signal. `idf` receives the terms' idf; `every_passage` as for
// assemble.
std::vector<Signals> kernel(const std::vector<std::vector<std::uint32_t>>& query_terms, const RerankedArticles& articles,
                            std::uint32_t filler, double k1, double b, const ScoringWeights& weights,
                            std::vector<double>& idf, bool every_passage = false);

}  // namespace cs::searcher::reference
