#include "unit/searcher/rank/passage_scoring_reference.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace cs::searcher::reference {

namespace {

// The query terms each kept term came from, in order.
std::vector<std::size_t> kept_sources(const std::vector<std::vector<std::uint32_t>>& terms) {
  std::set<std::uint32_t> taken;
  std::vector<std::size_t> sources;
  for (std::size_t i = 0; i < terms.size() && sources.size() < kMaxScoringTerms; ++i) {
    bool own = false;
    for (const std::uint32_t hash : terms[i]) {
      if (taken.size() == ScoringQuery::kMaxHashes) break;
      if (taken.insert(hash).second) own = true;
    }
    if (own) sources.push_back(i);
  }
  return sources;
}

std::size_t count_true(const std::vector<bool>& flags) {
  return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
}

}  // namespace

Terms kept_terms(const std::vector<std::vector<std::uint32_t>>& terms) {
  Terms kept;
  std::set<std::uint32_t> taken;
  for (std::size_t i = 0; i < terms.size() && kept.count < kMaxScoringTerms; ++i) {
    std::vector<std::uint32_t> own;
    for (const std::uint32_t hash : terms[i]) {
      if (taken.size() == ScoringQuery::kMaxHashes) break;
      if (taken.insert(hash).second) own.push_back(hash);
    }
    if (own.empty()) continue;
    for (const std::uint32_t hash : own) kept.term_of[hash] = kept.count;
    ++kept.count;
  }
  return kept;
}

std::vector<double> kept_idf(const std::vector<std::vector<std::uint32_t>>& terms, const std::vector<float>& idf) {
  std::vector<double> out;
  for (const std::size_t source : kept_sources(terms)) {
    out.push_back(source < idf.size() ? static_cast<double>(idf[source]) : 1.0);
  }
  return out;
}

std::vector<bool> terms_in(const Terms& terms, std::span<const std::uint32_t> words) {
  std::vector<bool> present(terms.count, false);
  for (const std::uint32_t word : words) {
    if (const auto it = terms.term_of.find(word); it != terms.term_of.end()) present[it->second] = true;
  }
  return present;
}

double proximity(const Terms& terms, const std::vector<double>& idf, std::span<const std::uint32_t> text) {
  const std::vector<bool> present = terms_in(terms, text);
  const std::size_t present_count = count_true(present);
  if (present_count < 2) return 0;
  double present_idf = 0, all_idf = 0;
  for (std::size_t t = 0; t < terms.count; ++t) {
    all_idf += idf[t];
    if (present[t]) present_idf += idf[t];
  }
  if (all_idf <= 0) return 0;
  const double coverage = present_idf / all_idf;
  // Every window of the text from each first word on, the shortest that holds every present
  // term (the first window from a word that does; longer ones from it are no shorter).
  std::vector<int> term_at(text.size(), -1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const auto it = terms.term_of.find(text[i]); it != terms.term_of.end()) term_at[i] = static_cast<int>(it->second);
  }
  std::size_t shortest = text.size();
  for (std::size_t first = 0; first < text.size(); ++first) {
    std::vector<bool> seen(terms.count, false);
    std::size_t held = 0;
    for (std::size_t last = first; last < text.size() && held < present_count; ++last) {
      if (term_at[last] < 0 || seen[static_cast<std::size_t>(term_at[last])]) continue;
      seen[static_cast<std::size_t>(term_at[last])] = true;
      if (++held == present_count) shortest = std::min(shortest, last - first + 1);
    }
  }
  return coverage * static_cast<double>(present_count) / static_cast<double>(shortest);
}

double phrase(const Terms& terms, std::span<const std::uint32_t> text) {
  if (terms.count < 2 || text.size() < terms.count) return 0;
  for (std::size_t start = 0; start + terms.count <= text.size(); ++start) {
    bool whole = true;
    for (std::size_t k = 0; k < terms.count && whole; ++k) {
      const auto it = terms.term_of.find(text[start + k]);
      whole = it != terms.term_of.end() && it->second == k;
    }
    if (whole) return 1;
  }
  return 0;
}

double title(const Terms& terms, std::span<const std::uint32_t> title_words) {
  if (terms.count == 0) return 0;
  return static_cast<double>(count_true(terms_in(terms, title_words))) / static_cast<double>(terms.count);
}

double position(std::uint32_t passage_index) { return 1.0 / (1.0 + static_cast<double>(passage_index)); }

double recency(float age_days, float half_life_days) {
  if (half_life_days <= 0 || age_days < 0) return 0;
  return std::exp2(-static_cast<double>(age_days) / static_cast<double>(half_life_days));
}

std::vector<Signals> score(const Terms& terms, const std::vector<double>& idf, std::span<const Candidate> candidates,
                           const ScoringWeights& weights) {
  double best = 0, best_article = 0;
  for (const Candidate& c : candidates) {
    best = std::max(best, static_cast<double>(c.first_stage));
    best_article = std::max(best_article, static_cast<double>(c.article));
  }
  std::vector<Signals> out;
  for (const Candidate& c : candidates) {
    Signals s;
    s.first_stage = best > 0 ? static_cast<double>(c.first_stage) / best : 0;
    s.article = best_article > 0 ? static_cast<double>(c.article) / best_article : 0;
    s.length = std::min(1.0, static_cast<double>(c.article_words) / static_cast<double>(kFullArticleWords));
    const std::vector<bool> in_text = terms_in(terms, c.text);
    const std::vector<bool> in_title = terms_in(terms, c.title);
    double held_idf = 0, all_idf = 0;
    for (std::size_t t = 0; t < terms.count; ++t) {
      all_idf += idf[t];
      if (in_text[t] || in_title[t]) held_idf += idf[t];
    }
    s.coverage = all_idf > 0 ? held_idf / all_idf : 0;
    s.proximity = proximity(terms, idf, c.text);
    s.phrase = phrase(terms, c.text);
    s.title = title(terms, c.title);
    s.position = position(c.passage_index);
    s.recency = recency(c.age_days, weights.recency_half_life_days);
    s.total = static_cast<double>(weights.first_stage) * s.first_stage + static_cast<double>(weights.article) * s.article +
              static_cast<double>(weights.coverage) * s.coverage +
              static_cast<double>(weights.length) * s.length + static_cast<double>(weights.proximity) * s.proximity +
              static_cast<double>(weights.phrase) * s.phrase + static_cast<double>(weights.title) * s.title +
              static_cast<double>(weights.position) * s.position + static_cast<double>(weights.recency) * s.recency;
    out.push_back(s);
  }
  return out;
}

std::vector<std::uint32_t> holders(const Terms& terms, std::span<const Candidate> candidates) {
  std::vector<std::uint32_t> out(terms.count, 0);
  for (const Candidate& c : candidates) {
    const std::vector<bool> present = terms_in(terms, c.text);
    for (std::size_t t = 0; t < terms.count; ++t) out[t] += present[t] ? 1u : 0u;
  }
  return out;
}

double passage_bm25(const Terms& terms, const std::vector<double>& idf, const Candidate& candidate, double k1, double b,
                    double average_length) {
  const double length = std::max(0.5 * average_length,
                                 static_cast<double>(candidate.length > 0 ? candidate.length : candidate.text.size()));
  const double norm = k1 * (1 - b + (average_length > 0 ? b * length / average_length : 0));
  double sum = 0;
  for (std::size_t t = 0; t < terms.count; ++t) {
    double tf = 0;
    for (const auto& words : {candidate.text, candidate.title}) {
      for (const std::uint32_t word : words) {
        const auto it = terms.term_of.find(word);
        if (it != terms.term_of.end() && it->second == t) ++tf;
      }
    }
    if (tf > 0) sum += idf[t] * tf * (k1 + 1) / (tf + norm);  // a term the passage lacks adds nothing
  }
  return sum;
}

Assembled assemble(const RerankedArticles& articles, std::uint32_t filler, bool every_passage) {
  Assembled out;
  for (std::size_t i = 0; i < articles.ranges.size(); ++i) {
    const ArticleTermsRange& r = articles.ranges[i];
    out.first_candidate.push_back(out.candidates.size());
    out.total_words += r.word_count;
    out.total_passages += std::max<std::uint32_t>(r.passage_count, 1);
    bool without_stem = false;
    const std::span<const StemPosition> stems =
        articles.stems.subspan(articles.stems_of[i].first, articles.stems_of[i].second - articles.stems_of[i].first);
    for (std::uint32_t k = 0; k == 0 || k < r.passage_count; ++k) {
      OwnedCandidate c;
      c.title.assign(articles.arena.begin() + r.title_begin, articles.arena.begin() + r.title_begin + r.title_count);
      c.article = articles.weights[i];
      c.article_words = r.word_count;
      c.passage_index = k;
      c.age_days = articles.age_days[i];
      if (r.passage_count > 0) {
        const std::uint32_t start = articles.arena[r.starts_begin + k];
        const std::uint32_t end = k + 1 < r.passage_count ? articles.arena[r.starts_begin + k + 1] : r.word_count;
        std::map<std::uint32_t, std::uint32_t> at;  // position in the passage to its stem
        for (const StemPosition& s : stems) {
          if (s.position >= start + 1 && s.position <= end) at[s.position] = s.hash;
        }
        if (!at.empty()) {
          for (std::uint32_t p = at.begin()->first; p <= at.rbegin()->first; ++p) {
            c.text.push_back(at.contains(p) ? at[p] : filler);
          }
          c.length = end - start;
        }
      }
      if (c.text.empty() && r.passage_count > 0 && !every_passage) {
        if (without_stem) continue;
        without_stem = true;
      }
      out.candidates.push_back(std::move(c));
    }
  }
  out.first_candidate.push_back(out.candidates.size());
  return out;
}

std::vector<Candidate> views(const std::vector<OwnedCandidate>& owned) {
  std::vector<Candidate> out;
  for (const OwnedCandidate& c : owned) {
    out.push_back(Candidate{c.text, c.title, c.first_stage, c.passage_index, c.age_days, c.length, c.article,
                            c.article_words});
  }
  return out;
}

std::vector<Signals> kernel(const std::vector<std::vector<std::uint32_t>>& query_terms, const RerankedArticles& articles,
                            std::uint32_t filler, double k1, double b, const ScoringWeights& weights,
                            std::vector<double>& idf, bool every_passage) {
  const Terms terms = kept_terms(query_terms);
  Assembled assembled = assemble(articles, filler, every_passage);
  std::vector<Candidate> candidates = views(assembled.candidates);
  const auto n = static_cast<double>(assembled.total_passages);
  const std::vector<std::uint32_t> holding = holders(terms, candidates);
  idf.clear();
  for (const std::uint32_t h : holding) idf.push_back(std::log(1 + n / std::max(1.0, static_cast<double>(h))));
  const double average_length = n == 0 ? 1 : static_cast<double>(assembled.total_words) / n;
  std::vector<double> bm25;
  for (const Candidate& c : candidates) bm25.push_back(passage_bm25(terms, idf, c, k1, b, average_length));
  for (std::size_t j = 0; j < candidates.size(); ++j) candidates[j].first_stage = static_cast<float>(bm25[j]);
  return score(terms, idf, candidates, weights);
}

}  // namespace cs::searcher::reference
