// The second stage between Xapian and the scoring loop, as pure functions over arrays (no
// Xapian, no I/O): the passages of the articles it re-ranks made into the loop's candidates,
// and the kernel that scores them in three passes. second_stage.cpp feeds them what Xapian read;
// bench/scoring_bench and the tests feed them directly, so both run what cs-search runs.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "common/passage_terms.hpp"
#include "searcher/rank/passage_scoring.hpp"

namespace cs::searcher {

// A query stem at a position of an article's text: word i is at position i + 1, as in the
// index's positional stems.
struct StemPosition {
  std::uint32_t position = 0;
  std::uint32_t hash = 0;
  bool operator<(const StemPosition& other) const { return position < other.position; }
};

// The articles to re-rank, article i at index i of each array.
struct RerankedArticles {
  std::span<const ArticleTermsRange> ranges;  // title hashes and passage starts, in `arena`
  std::span<const std::uint32_t> arena;
  std::span<const StemPosition> stems;  // the query's stems found in the articles
  std::span<const std::pair<std::size_t, std::size_t>> stems_of;  // article i's: [first, second) of
                                                                  // `stems`, in position order
  std::span<const float> weights;   // first-stage (Xapian BM25) weight
  std::span<const float> age_days;  // < 0 when undated
};

// The candidates, kept by the caller from query to query: a search scores a few thousand
// passages, and fresh arrays of that size cost page faults each time.
struct CandidateArrays {
  std::vector<Candidate> candidates;         // each article's passages in order, article after article
  std::vector<std::size_t> first_candidate;  // article i's: [first_candidate[i], first_candidate[i + 1])
  std::vector<std::uint32_t> words;          // the candidates' texts
  std::vector<std::pair<std::size_t, std::size_t>> text_at;  // each one's begin and size in `words`
  std::uint64_t total_words = 0;             // in all the articles, for BM25's average length
  std::uint64_t total_passages = 0;          // in all the articles, candidates or not
};

// The passages of every article as candidates: each one holding a query stem, and the first
// one holding none. A passage holding a query stem gets the stretch of its words from its
// first query stem to its last, `filler` (a hash of no query term) between them, and its
// whole length for BM25: the loop finds the same terms, windows and phrases there as in the
// whole passage. A passage holding none has no text: it scores by its article and its place
// alone, so the first such passage outscores every later one, which is left out (in a long
// speech nine passages in ten hold no query word: scoring them was most of the kernel's
// time). An article whose bounds could not be read is one passage without text. Each
// candidate carries its article's weight and body length; `total_passages` counts every
// passage, left out or not, for the terms' idf and BM25's average length.
void assemble_candidates(const RerankedArticles& articles, std::uint32_t filler, CandidateArrays& out);

struct KernelBuffers {
  std::vector<std::uint32_t> holding;
  std::vector<float> passage_bm25;
};

// The second stage's kernel, three passes over the candidates: (1) count the candidates
// holding each term and weigh it by ln(1 + passages / holding), since the index counts
// articles, not passages; (2) each candidate's own BM25 (k1, b; the average length is the
// articles' words over their passages); (3) score_passages, each candidate's first_stage
// being that BM25. Sets `query`'s idf and the candidates' first_stage, and scores into `out`
// (one per candidate). Running it twice on the same arrays gives the same scores.
void score_candidates(ScoringQuery& query, float k1, float b,
                      const ScoringWeights& weights, CandidateArrays& arrays, KernelBuffers& buffers,
                      std::span<ScoreParts> out);

}  // namespace cs::searcher
