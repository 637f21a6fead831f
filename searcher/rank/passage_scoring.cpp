#include "searcher/rank/passage_scoring.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "common/cpu_features.hpp"

// The AVX2 path is taken when glibc says the processor and the kernel support it
// (cpu_features.hpp: GCC's __builtin_cpu_supports would run CPUIDs at every start).
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define CS_SCORING_AVX2 1
#endif

namespace cs::searcher {

namespace {

// Matches kept per passage for the proximity and phrase signals. A 120-word passage has at
// most 120; longer arrays are scored on their first kMaxMatches matches.
constexpr std::size_t kMaxMatches = 512;

struct Match {
  std::uint32_t position;
  std::uint32_t term;
};

// The smallest number of consecutive words holding one occurrence of each of the `present`
// distinct terms among `matches` (in position order): the classic minimum-cover window.
std::uint32_t smallest_window(const Match* matches, std::size_t count, std::size_t present) {
  std::array<std::uint32_t, kMaxScoringTerms> in_window{};
  std::size_t covered = 0;
  std::uint32_t best = std::numeric_limits<std::uint32_t>::max();
  std::size_t left = 0;
  for (std::size_t right = 0; right < count; ++right) {
    if (in_window[matches[right].term]++ == 0) ++covered;
    while (covered == present) {
      best = std::min(best, matches[right].position - matches[left].position + 1);
      if (--in_window[matches[left].term] == 0) --covered;
      ++left;
    }
  }
  return best;
}

// Whether the `terms` query terms occur side by side in query order somewhere.
bool has_phrase(const Match* matches, std::size_t count, std::size_t terms) {
  std::size_t run = 0;  // length of the ordered run ending at the previous match
  std::uint32_t last_position = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const Match& m = matches[i];
    if (run > 0 && m.position == last_position + 1 && m.term == run) {
      ++run;
    } else {
      run = m.term == 0 ? 1 : 0;
    }
    last_position = m.position;
    if (run == terms) return true;
  }
  return false;
}

#ifdef CS_SCORING_AVX2
// Eight words a step: each lane picks its word of each filter with one permute, shifts its
// bits to the sign position, and the sign bits of the lanes (both filters agreeing) become a
// mask, which is zero for most steps.
__attribute__((target("avx2"))) std::size_t filter_positions_avx2(const std::uint32_t* filter_high,
                                                                  const std::uint32_t* filter_low,
                                                                  std::span<const std::uint32_t> text,
                                                                  std::uint32_t* positions) {
  const __m256i high_words = _mm256_load_si256(reinterpret_cast<const __m256i*>(filter_high));
  const __m256i low_words = _mm256_load_si256(reinterpret_cast<const __m256i*>(filter_low));
  const __m256i low5 = _mm256_set1_epi32(31);
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    const __m256i hashes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(text.data() + i));
    const __m256i high = _mm256_sllv_epi32(_mm256_permutevar8x32_epi32(high_words, _mm256_srli_epi32(hashes, 29)),
                                           _mm256_andnot_si256(_mm256_srli_epi32(hashes, 24), low5));
    const __m256i low = _mm256_sllv_epi32(_mm256_permutevar8x32_epi32(low_words, _mm256_srli_epi32(hashes, 21)),
                                          _mm256_andnot_si256(_mm256_srli_epi32(hashes, 16), low5));
    auto mask = static_cast<unsigned>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_and_si256(high, low))));
    while (mask != 0) {
      positions[count++] = static_cast<std::uint32_t>(i) + static_cast<std::uint32_t>(std::countr_zero(mask));
      mask &= mask - 1;
    }
  }
  return count;
}

const bool kHaveAvx2 = cpu_features().avx2;
#endif

}  // namespace

namespace {

// Whether two spans are the same stretch of memory (an article's title, shared by its passages).
bool same_span(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return a.data() == b.data() && a.size() == b.size();
}

// Words handed to the filter at a time: the survivors' buffer lives on the stack.
constexpr std::size_t kFilterChunk = 256;

// Calls on_match(position, term) for each word of `text` that belongs to a query term, in order.
template <typename OnMatch>
void for_each_match(const ScoringQuery& query, std::span<const std::uint32_t> text, OnMatch&& on_match) {
  std::uint32_t survivors[kFilterChunk];
  for (std::size_t start = 0; start < text.size(); start += kFilterChunk) {
    const std::size_t kept = query.filter_positions(text.subspan(start, std::min(kFilterChunk, text.size() - start)), survivors);
    for (std::size_t k = 0; k < kept; ++k) {
      const std::size_t position = start + survivors[k];
      const int term = query.term_of(text[position]);
      if (term >= 0) on_match(position, static_cast<std::uint32_t>(term));
    }
  }
}

}  // namespace

std::size_t ScoringQuery::filter_positions_portable(std::span<const std::uint32_t> text, std::uint32_t* positions) const {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {  // branch-free: the slot is overwritten unless kept
    positions[count] = static_cast<std::uint32_t>(i);
    count += static_cast<std::size_t>(may_match(text[i]));
  }
  return count;
}

std::size_t ScoringQuery::filter_positions(std::span<const std::uint32_t> text, std::uint32_t* positions) const {
#ifdef CS_SCORING_AVX2
  if (kHaveAvx2) {
    // The last words that do not fill a step of eight go through the portable filter.
    const std::size_t whole = text.size() & ~std::size_t{7};
    const std::size_t count = filter_positions_avx2(filter_high_.data(), filter_low_.data(), text.first(whole), positions);
    const std::size_t tail = filter_positions_portable(text.subspan(whole), positions + count);
    for (std::size_t k = count; k < count + tail; ++k) positions[k] += static_cast<std::uint32_t>(whole);
    return count + tail;
  }
#endif
  return filter_positions_portable(text, positions);
}

ScoringQuery::ScoringQuery(const std::vector<std::vector<std::uint32_t>>& terms, const std::vector<float>& idf) {
  terms_.fill(-1);
  std::size_t hashes = 0;
  for (std::size_t i = 0; i < terms.size() && term_count_ < kMaxScoringTerms; ++i) {
    bool added = false;
    for (const std::uint32_t hash : terms[i]) {
      if (hashes == kMaxHashes) break;
      std::size_t slot = hash & (kTableSize - 1);
      while (terms_[slot] >= 0 && hashes_[slot] != hash) slot = (slot + 1) & (kTableSize - 1);
      if (terms_[slot] >= 0) continue;  // the same stem in two terms counts for the first
      hashes_[slot] = hash;
      terms_[slot] = static_cast<std::int8_t>(term_count_);
      filter_high_[hash >> 29] |= std::uint32_t{1} << ((hash >> 24) & 31u);
      filter_low_[(hash >> 21) & 7u] |= std::uint32_t{1} << ((hash >> 16) & 31u);
      ++hashes;
      added = true;
    }
    if (!added) continue;
    idf_[term_count_] = i < idf.size() ? idf[i] : 1.0f;
    ++term_count_;
  }
}

void score_passages(const ScoringQuery& query, std::span<const Candidate> candidates, const ScoringWeights& weights,
                    std::span<ScoreParts> out) {
  const std::size_t terms = query.term_count();
  float best_first_stage = 0, best_article = 0;
  for (const Candidate& c : candidates) {
    best_first_stage = std::max(best_first_stage, c.first_stage);
    best_article = std::max(best_article, c.article);
  }
  // The idf of the terms whose bits `mask` sets.
  const auto idf_of = [&](std::uint32_t mask) {
    float sum = 0;
    for (std::size_t t = 0; t < terms; ++t) sum += ((mask >> t) & 1u) != 0 ? query.idf(t) : 0.0f;
    return sum;
  };
  const float all_idf = idf_of(~std::uint32_t{0});
  const float first_stage_scale = best_first_stage > 0 ? 1.0f / best_first_stage : 0.0f;
  const float article_scale = best_article > 0 ? 1.0f / best_article : 0.0f;
  const float recency_rate = weights.recency_half_life_days > 0 ? 1.0f / weights.recency_half_life_days : 0.0f;

  Match matches[kMaxMatches];
  // An article's passages come in a row and share its title: its terms are found once.
  std::span<const std::uint32_t> title;
  std::uint32_t title_mask = 0;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    ScoreParts& parts = out[i];
    parts = ScoreParts{};
    parts.first_stage = c.first_stage * first_stage_scale;
    parts.article = c.article * article_scale;

    std::uint32_t present_mask = 0;
    std::size_t match_count = 0;
    for_each_match(query, c.text, [&](std::size_t position, std::uint32_t term) {
      present_mask |= 1u << term;
      if (match_count < kMaxMatches) matches[match_count++] = Match{static_cast<std::uint32_t>(position), term};
    });
    const auto present = static_cast<std::size_t>(std::popcount(present_mask));
    // One term alone is no proximity: a passage holding one of two words must not outscore
    // one holding both far apart (coverage is not traded for tightness).
    if (present >= 2 && all_idf > 0) {
      const float tightness = static_cast<float>(present) / static_cast<float>(smallest_window(matches, match_count, present));
      parts.proximity = idf_of(present_mask) / all_idf * tightness;
      if (terms >= 2 && present == terms) parts.phrase = has_phrase(matches, match_count, terms) ? 1.0f : 0.0f;
    }

    if (!same_span(c.title, title)) {  // the first passage of another article
      title = c.title;
      title_mask = 0;
      for (const std::uint32_t hash : title) {
        if (const int term = query.term_of(hash); term >= 0) title_mask |= 1u << term;
      }
    }
    if (terms > 0) parts.title = static_cast<float>(std::popcount(title_mask)) / static_cast<float>(terms);
    if (all_idf > 0) parts.coverage = idf_of(present_mask | title_mask) / all_idf;
    parts.position = 1.0f / (1.0f + static_cast<float>(c.passage_index));
    parts.length = std::min(1.0f, static_cast<float>(c.article_words) / kFullArticleWords);
    if (recency_rate > 0 && c.age_days >= 0) parts.recency = std::exp2(-c.age_days * recency_rate);

    parts.total = weights.first_stage * parts.first_stage + weights.article * parts.article +
                  weights.coverage * parts.coverage + weights.proximity * parts.proximity +
                  weights.phrase * parts.phrase + weights.title * parts.title + weights.position * parts.position +
                  weights.length * parts.length +
                  (recency_rate > 0 ? weights.recency * parts.recency : 0.0f);
  }
}

void count_holding_candidates(const ScoringQuery& query, std::span<const Candidate> candidates,
                              std::span<std::uint32_t> out) {
  std::fill(out.begin(), out.end(), 0u);
  for (const Candidate& c : candidates) {
    std::uint32_t present_mask = 0;
    for_each_match(query, c.text, [&](std::size_t, std::uint32_t term) { present_mask |= 1u << term; });
    for (std::size_t t = 0; t < out.size(); ++t) out[t] += (present_mask >> t) & 1u;
  }
}

void score_passage_bm25(const ScoringQuery& query, std::span<const Candidate> candidates, const PassageBm25& bm25,
                        std::span<float> out) {
  const std::size_t terms = query.term_count();
  const float length_scale = bm25.average_length > 0 ? bm25.b / bm25.average_length : 0.0f;
  std::span<const std::uint32_t> title;  // as in score_passages, found once an article
  std::array<std::uint32_t, kMaxScoringTerms> title_frequency{};
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    if (!same_span(c.title, title)) {
      title = c.title;
      title_frequency.fill(0);
      for_each_match(query, title, [&](std::size_t, std::uint32_t term) { ++title_frequency[term]; });
    }
    std::array<std::uint32_t, kMaxScoringTerms> frequency = title_frequency;
    for_each_match(query, c.text, [&](std::size_t, std::uint32_t term) { ++frequency[term]; });
    const float length =
        std::max(0.5f * bm25.average_length, static_cast<float>(c.length > 0 ? c.length : c.text.size()));
    const float norm = bm25.k1 * (1.0f - bm25.b + length_scale * length);
    float score = 0;
    for (std::size_t t = 0; t < terms; ++t) {
      // A term the passage lacks adds nothing; computed, it is 0/0 when norm is 0 (k1 = 0,
      // or b = 1 on an empty passage) and would make the whole score NaN.
      if (frequency[t] == 0) continue;
      const auto tf = static_cast<float>(frequency[t]);
      score += query.idf(t) * tf * (bm25.k1 + 1.0f) / (tf + norm);
    }
    out[i] = score;
  }
}

}  // namespace cs::searcher
