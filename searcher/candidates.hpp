// Builds the second stage's candidates: turns what was read of each article (its passages'
// bounds, the positions of the query's stems in its text) into the scoring loop's arrays,
// one Candidate a passage. A pure function over plain arrays: no Xapian.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "common/passage_terms.hpp"
#include "searcher/passage_scoring.hpp"

namespace cs::searcher {

// A query stem found at a position of an article's text (word i at position i + 1).
struct StemAt {
  std::uint32_t position = 0;
  std::uint32_t hash = 0;
  bool operator<(const StemAt& other) const { return position < other.position; }
};

// What the second stage read of the first stage's articles, article i at index i.
struct ArticleReadings {
  std::span<const ArticleTermsRange> ranges;  // its title and passage starts in `arena`
  std::span<const std::uint32_t> arena;
  std::span<const StemAt> found;  // every article's query stems, each article's in position order
  std::span<const std::pair<std::size_t, std::size_t>> found_of;  // its begin, end in `found`
  std::span<const float> first_stage;  // its BM25 weight
  std::span<const float> age_days;     // < 0 when undated or recency is off
  std::uint32_t filler = 0;            // a hash no query term has (ScoringQuery::may_match false)
};

// The candidates of every article, article i's from first_candidate[i] to
// first_candidate[i + 1]. Their spans point into `words` and the readings' arena.
struct CandidateArrays {
  std::vector<Candidate> candidates;
  std::vector<std::pair<std::size_t, std::size_t>> candidate_words;  // begin, count in `words`
  std::vector<std::uint32_t> words;
  std::vector<std::size_t> first_candidate;
  std::uint64_t total_words = 0;     // of every article: BM25's average length
  std::uint64_t total_passages = 0;  // an article with no readable bounds counts as one
};

// Every passage of every article becomes a candidate. One holding no query stem gets no
// words (it can score only by its place and date); one that does gets the stretch of its
// words from its first query stem to its last, fillers between (the loop finds the same
// terms, windows and phrases there as in the whole passage; BM25 is told its length). An
// article whose bounds cannot be read is one passage, scored by BM25 alone. `out`'s
// vectors are reused, so a search does not fault in fresh pages each time.
void build_candidates(const ArticleReadings& articles, CandidateArrays& out);

}  // namespace cs::searcher
