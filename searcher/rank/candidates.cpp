#include "searcher/rank/candidates.hpp"

#include <algorithm>
#include <cmath>

namespace cs::searcher {

void assemble_candidates(const RerankedArticles& articles, std::uint32_t filler, CandidateArrays& out) {
  const std::size_t count = articles.ranges.size();
  out.candidates.clear();
  out.text_at.clear();
  out.words.clear();
  out.first_candidate.assign(count + 1, 0);
  out.total_words = 0;
  out.total_passages = 0;
  // Sized once: grown by doubling, these two (a few thousand candidates) touched about twice
  // their size in fresh pages, 20 more page faults in a one-query command (issue 23).
  std::size_t passages = 0;
  for (const ArticleTermsRange& r : articles.ranges) passages += std::max<std::uint32_t>(r.passage_count, 1);
  out.candidates.reserve(passages);
  out.text_at.reserve(passages);
  for (std::size_t i = 0; i < count; ++i) {
    out.first_candidate[i] = out.candidates.size();
    const ArticleTermsRange& r = articles.ranges[i];
    out.total_words += r.word_count;
    out.total_passages += std::max<std::uint32_t>(r.passage_count, 1);
    std::size_t match = articles.stems_of[i].first;
    const std::size_t matches_end = articles.stems_of[i].second;
    bool without_stem = false;  // the first passage holding no query stem is a candidate
    const auto add = [&](std::uint32_t k) -> Candidate& {
      Candidate& c = out.candidates.emplace_back();
      c.article = articles.weights[i];
      c.article_words = r.word_count;
      c.passage_index = k;
      c.age_days = articles.age_days[i];
      out.text_at.emplace_back(0, 0);
      return c;
    };
    if (r.passage_count == 0) add(0);
    for (std::uint32_t k = 0; k < r.passage_count; ++k) {
      const std::uint32_t start = articles.arena[r.starts_begin + k];
      const std::uint32_t end = k + 1 < r.passage_count ? articles.arena[r.starts_begin + k + 1] : r.word_count;
      while (match < matches_end && articles.stems[match].position <= start) ++match;  // positions are word index + 1
      if (match == matches_end || articles.stems[match].position > end) {
        if (!without_stem) add(k);
        without_stem = true;
        continue;
      }
      Candidate& c = add(k);
      auto& at = out.text_at.back();
      std::size_t last = match;
      while (last + 1 < matches_end && articles.stems[last + 1].position <= end) ++last;
      const std::uint32_t first_position = articles.stems[match].position;
      at = {out.words.size(), articles.stems[last].position - first_position + 1};
      c.length = end - start;
      out.words.resize(out.words.size() + at.second, filler);
      for (; match <= last; ++match) {
        out.words[at.first + (articles.stems[match].position - first_position)] = articles.stems[match].hash;
      }
    }
  }
  out.first_candidate[count] = out.candidates.size();
  for (std::size_t i = 0; i < count; ++i) {  // the arrays no longer move
    for (std::size_t j = out.first_candidate[i]; j < out.first_candidate[i + 1]; ++j) {
      out.candidates[j].title =
          articles.arena.subspan(articles.ranges[i].title_begin, articles.ranges[i].title_count);
      out.candidates[j].text = std::span<const std::uint32_t>(out.words).subspan(out.text_at[j].first, out.text_at[j].second);
    }
  }
}

void score_candidates(ScoringQuery& query, float k1, float b,
                      const ScoringWeights& weights, CandidateArrays& arrays, KernelBuffers& buffers,
                      std::span<ScoreParts> out) {
  const std::vector<Candidate>& candidates = arrays.candidates;
  const std::uint64_t total_passages = arrays.total_passages;
  buffers.holding.resize(query.term_count());
  count_holding_candidates(query, candidates, buffers.holding);
  for (std::size_t t = 0; t < buffers.holding.size(); ++t) {
    query.set_idf(t, std::log1p(static_cast<float>(total_passages) / static_cast<float>(std::max(buffers.holding[t], 1u))));
  }
  buffers.passage_bm25.resize(candidates.size());
  const PassageBm25 bm25{k1, b,
                         total_passages == 0 ? 1.0f
                                             : static_cast<float>(arrays.total_words) / static_cast<float>(total_passages)};
  score_passage_bm25(query, candidates, bm25, buffers.passage_bm25);
  for (std::size_t j = 0; j < candidates.size(); ++j) arrays.candidates[j].first_stage = buffers.passage_bm25[j];
  score_passages(query, candidates, weights, out);
}

}  // namespace cs::searcher
