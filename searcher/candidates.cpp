#include "searcher/candidates.hpp"

#include <algorithm>

namespace cs::searcher {

void build_candidates(const ArticleReadings& in, CandidateArrays& out) {
  const std::size_t count = in.ranges.size();
  out.candidates.clear();
  out.candidate_words.clear();
  out.words.clear();
  out.first_candidate.assign(count + 1, 0);
  out.total_words = 0;
  out.total_passages = 0;
  for (std::size_t i = 0; i < count; ++i) {
    out.first_candidate[i] = out.candidates.size();
    const ArticleTermsRange& r = in.ranges[i];
    out.total_words += r.word_count;
    out.total_passages += std::max<std::uint32_t>(r.passage_count, 1);
    std::size_t match = in.found_of[i].first;
    const std::size_t matches_end = in.found_of[i].second;
    for (std::uint32_t k = 0; k < std::max<std::uint32_t>(r.passage_count, 1); ++k) {
      Candidate& c = out.candidates.emplace_back();
      c.first_stage = in.first_stage[i];
      c.passage_index = k;
      c.age_days = in.age_days[i];
      auto& at = out.candidate_words.emplace_back(0, 0);
      if (r.passage_count == 0) continue;
      const std::uint32_t start = in.arena[r.starts_begin + k];
      const std::uint32_t end = k + 1 < r.passage_count ? in.arena[r.starts_begin + k + 1] : r.word_count;
      while (match < matches_end && in.found[match].position <= start) ++match;  // positions are word index + 1
      if (match == matches_end || in.found[match].position > end) continue;
      std::size_t last = match;
      while (last + 1 < matches_end && in.found[last + 1].position <= end) ++last;
      const std::uint32_t first_position = in.found[match].position;
      at = {out.words.size(), in.found[last].position - first_position + 1};
      c.length = end - start;
      out.words.resize(out.words.size() + at.second, in.filler);
      for (; match <= last; ++match) out.words[at.first + (in.found[match].position - first_position)] = in.found[match].hash;
    }
  }
  out.first_candidate[count] = out.candidates.size();
  for (std::size_t i = 0; i < count; ++i) {  // the arrays no longer move
    for (std::size_t j = out.first_candidate[i]; j < out.first_candidate[i + 1]; ++j) {
      out.candidates[j].title = in.arena.subspan(in.ranges[i].title_begin, in.ranges[i].title_count);
      out.candidates[j].text = std::span<const std::uint32_t>(out.words).subspan(out.candidate_words[j].first,
                                                                                out.candidate_words[j].second);
    }
  }
}

}  // namespace cs::searcher
