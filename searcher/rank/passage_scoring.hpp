// The second-stage scoring loop: re-scores the passages the first stage (Xapian, BM25) found,
// with what BM25 cannot see: how close together the query's terms are, whether they occur
// as the typed phrase, whether the title has them, where the passage sits in its article,
// and (optionally) how recent the article is.
//
// A pure function over compact arrays (passage_terms.hpp): no Xapian calls, no allocation,
// no string work. candidates.hpp prepares the arrays and runs the passes over them.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "searcher/rank/signals.hpp"

namespace cs::searcher {

// Query terms beyond this many are not scored by the second stage (BM25 still counts them).
inline constexpr std::size_t kMaxScoringTerms = 16;

// The length signal's full mark: a short news article's words. A one-sentence feed item
// (20 words) gets about 0.13 of it, so it cannot beat an article it ties with on BM25's length
// normalisation alone; every real article gets all of it.
inline constexpr float kFullArticleWords = 150;

// The query's terms as the loop sees them: each term is a set of stem hashes (a word's
// stems in every language of the index), looked up through a small open-addressing table
// behind two 256-bit filters, so most words of a passage are rejected with two bit tests,
// eight words at a time where the processor has AVX2.
class ScoringQuery {
 public:
  static constexpr std::size_t kTableSize = 128;  // power of two, at most half full
  static constexpr std::size_t kMaxHashes = kTableSize / 2;

  // `terms[i]` holds the hashes of term i, in query order (the order phrases are checked
  // in). Terms past kMaxScoringTerms and hashes past kMaxHashes are left out; a term with
  // no hashes is skipped. `idf[i]` weighs term i in score_passage_bm25 (1 if not given).
  ScoringQuery(const std::vector<std::vector<std::uint32_t>>& terms, const std::vector<float>& idf = {});

  std::size_t term_count() const { return term_count_; }
  float idf(std::size_t term) const { return idf_[term]; }
  // Weighs term `term` (0 to term_count() - 1, in the order kept) by `idf` from now on.
  void set_idf(std::size_t term, float idf) { idf_[term] = idf; }

  // Whether `hash` may belong to a term: false for most words, true for every term's hashes.
  bool may_match(std::uint32_t hash) const {
    return ((filter_high_[hash >> 29] >> ((hash >> 24) & 31u)) & (filter_low_[(hash >> 21) & 7u] >> ((hash >> 16) & 31u)) &
            1u) != 0;
  }

  // The term `hash` belongs to, or -1.
  int term_of(std::uint32_t hash) const { return may_match(hash) ? lookup(hash) : -1; }

  // Writes to `positions` the indexes of the words of `text` that pass the filter (at most
  // text.size() of them), in order, and returns how many. Every word of a query term is
  // among them; term_of() sorts out the few others.
  std::size_t filter_positions(std::span<const std::uint32_t> text, std::uint32_t* positions) const;
  // The same without SIMD, whatever the processor: for tests that compare the two.
  std::size_t filter_positions_portable(std::span<const std::uint32_t> text, std::uint32_t* positions) const;

 private:
  std::array<std::uint32_t, kTableSize> hashes_{};
  std::array<std::int8_t, kTableSize> terms_{};
  std::array<float, kMaxScoringTerms> idf_{};
  int lookup(std::uint32_t hash) const {
    for (std::size_t slot = hash & (kTableSize - 1);; slot = (slot + 1) & (kTableSize - 1)) {
      if (terms_[slot] < 0) return -1;
      if (hashes_[slot] == hash) return terms_[slot];
    }
  }

  // 256 bits by the hash's top byte (word hash >> 29, bit (hash >> 24) & 31) and 256 by its
  // second byte: a word passes when both bits are set. With 16 terms each filter passes 1 word
  // in 16; together, 1 in 256. Eight 32-bit words each, so AVX2 picks a lane's word with
  // one permute.
  alignas(32) std::array<std::uint32_t, 8> filter_high_{};
  alignas(32) std::array<std::uint32_t, 8> filter_low_{};
  std::size_t term_count_ = 0;
};

// One candidate passage, as prepared from the first stage's match set.
struct Candidate {
  std::span<const std::uint32_t> text;   // stem hashes of the passage, in order (or of the
                                         // stretch of it that holds the query's terms)
  std::span<const std::uint32_t> title;  // stem hashes of the article's title
  float first_stage = 0;                 // the passage's own BM25 (score_candidates sets it)
  std::uint32_t passage_index = 0;       // 0 = the article's first passage
  float age_days = -1;                   // article age at query time; < 0 when undated
  std::uint32_t length = 0;              // words in the passage when `text` is a stretch of
                                         // it; 0: text.size() (BM25's length)
  float article = 0;                     // the article's first-stage (Xapian BM25) weight
  std::uint32_t article_words = 0;       // words in the article's body
};

// ScoreParts and ScoringWeights, the signals' values and weights, are in signals.hpp.

// Scores `candidates` into `out` (same size): first_stage and article each over the best
// candidate's, the other signals from the candidate alone. Coverage and proximity weigh the
// terms present by the query's idf, so a common word found is worth less than a rare one;
// coverage counts the terms of the passage and the title.
void score_passages(const ScoringQuery& query, std::span<const Candidate> candidates, const ScoringWeights& weights,
                    std::span<ScoreParts> out);

// How many of `candidates` hold each query term: out[t] for term t (out has
// query.term_count() entries). The second stage weighs terms by it, since the index counts
// articles, not passages.
void count_holding_candidates(const ScoringQuery& query, std::span<const Candidate> candidates,
                              std::span<std::uint32_t> out);

// Each candidate's own BM25 into `out` (same size): the sum over the query's terms of
// idf × tf (k1 + 1) / (tf + k1 (1 - b + b × length / average_length)), tf counted by the
// same lookup in the text and the title (the title is part of every passage, as BM25F over
// title and body would have it: a headline holding the query counts in each of its
// article's passages), length `length` or else the text's, but never below half the
// average length (as Xapian's min_normlen does for articles: a one-line passage is not
// rewarded for being short). The second stage's passage BM25, and the benchmark's baseline (plain BM25 over the
// same arrays, nothing else).
struct PassageBm25 {
  float k1 = 0.9f;
  float b = 0.4f;
  float average_length = 100;  // <= 0: lengths are not weighed (1 - b for every passage)
};
void score_passage_bm25(const ScoringQuery& query, std::span<const Candidate> candidates, const PassageBm25& bm25,
                        std::span<float> out);

}  // namespace cs::searcher
