#include "unit/searcher/rank/scoring_inputs.hpp"

#include <cstdio>
#include <random>
#include <sstream>

#include "unit/searcher/rank/passage_scoring_reference.hpp"

namespace cs::searcher::generated {

namespace {

// One of `choices`, uniformly.
template <typename T, std::size_t N>
T pick(std::mt19937& random, const T (&choices)[N]) {
  return choices[random() % N];
}

bool chance(std::mt19937& random, double p) { return std::uniform_real_distribution<double>(0, 1)(random) < p; }

float uniform(std::mt19937& random, float low, float high) { return std::uniform_real_distribution<float>(low, high)(random); }

// The query: some terms with several stems, some sharing a stem with an earlier term or
// repeating one of their own, some with none; up to 20 terms (16 are kept at most). Returns
// every stem given.
std::vector<std::uint32_t> make_terms(std::mt19937& random, std::vector<std::vector<std::uint32_t>>& terms,
                                      std::vector<float>& idf) {
  const std::size_t term_count = pick(random, {0u, 1u, 1u, 2u, 2u, 3u, 3u, 4u, 5u, 8u, 16u, 20u});
  std::vector<std::uint32_t> all_hashes;
  for (std::size_t t = 0; t < term_count; ++t) {
    std::vector<std::uint32_t>& term = terms.emplace_back();
    const std::size_t stems = chance(random, 0.05) ? 0 : pick(random, {1u, 1u, 1u, 2u, 3u, 5u});
    for (std::size_t s = 0; s < stems; ++s) {
      if (!all_hashes.empty() && chance(random, 0.08)) {
        term.push_back(all_hashes[random() % all_hashes.size()]);  // another term's stem, or its own again
      } else {
        term.push_back(static_cast<std::uint32_t>(random()));
      }
      all_hashes.push_back(term.back());
    }
    if (chance(random, 0.9)) idf.push_back(uniform(random, 0.1f, 8.0f));  // else the default of 1, when last
  }
  return all_hashes;
}

// Default weights half the time, else any; recency off 40% of the time.
ScoringWeights make_weights(std::mt19937& random) {
  ScoringWeights weights;
  if (chance(random, 0.5)) {
    weights.first_stage = uniform(random, 0, 3);
    weights.proximity = uniform(random, 0, 3);
    weights.phrase = uniform(random, 0, 3);
    weights.title = uniform(random, 0, 3);
    weights.position = uniform(random, 0, 3);
    weights.recency = uniform(random, 0, 3);
    weights.article = uniform(random, 0, 3);
    weights.length = uniform(random, 0, 3);
    weights.coverage = uniform(random, 0, 3);
  }
  weights.recency_half_life_days = chance(random, 0.4) ? 0 : uniform(random, 1, 2000);
  return weights;
}

float make_age(std::mt19937& random) {
  return chance(random, 0.3) ? -1 : chance(random, 0.5) ? static_cast<float>(random() % 4000) : uniform(random, 0, 4000);
}

}  // namespace

ScoringInput make_input(std::uint32_t n) {
  ScoringInput input;
  input.seed = kFirstSeed + n;
  std::mt19937 random(input.seed);
  const std::vector<std::uint32_t> all_hashes = make_terms(random, input.terms, input.idf);
  const std::size_t term_count = input.terms.size();

  // Words of the candidates: query stems (kept or not) at a density that varies by input,
  // near misses (a stem with its low bits changed: the filter reads only the high ones), a
  // small vocabulary of other words, and words seen once.
  const double density = pick(random, {0.0, 0.03, 0.15, 0.4, 0.9});
  std::vector<std::uint32_t> vocabulary(40);
  for (auto& word : vocabulary) word = static_cast<std::uint32_t>(random());
  const auto word = [&]() -> std::uint32_t {
    if (!all_hashes.empty() && chance(random, density)) return all_hashes[random() % all_hashes.size()];
    if (!all_hashes.empty() && chance(random, 0.05)) {
      return all_hashes[random() % all_hashes.size()] ^ ((static_cast<std::uint32_t>(random()) & 0xFFFFu) | 1u);
    }
    return chance(random, 0.7) ? vocabulary[random() % vocabulary.size()] : static_cast<std::uint32_t>(random());
  };

  const std::size_t count = pick(random, {0u, 1u, 2u, 5u, 12u, 20u, 40u, 60u, 200u});
  for (std::size_t i = 0; i < count; ++i) {
    // Lengths: empty (a passage without a query stem), short, a passage, and long stretches
    // past the filter's 256-word chunks (below kMaxMatches = 512 words, so below 512 matches).
    const std::size_t length = chance(random, 0.15)  ? 0
                               : chance(random, 0.3) ? random() % 10 + 1
                               : chance(random, 0.95) ? random() % 130 + 1
                                                      : random() % 300 + 200;
    std::vector<std::uint32_t>& text = input.texts.emplace_back();
    for (std::size_t k = 0; k < length; ++k) text.push_back(word());
    // The query typed as a phrase (one stem of each term in order), in order but broken, or
    // reversed, somewhere in the text.
    if (term_count > 0 && text.size() >= term_count && chance(random, 0.35)) {
      const std::size_t at = random() % (text.size() - term_count + 1);
      const int shape = static_cast<int>(random() % 3);
      for (std::size_t k = 0; k < term_count; ++k) {
        const auto& term = input.terms[shape == 2 ? term_count - 1 - k : k];
        if (!term.empty()) text[at + k] = term[random() % term.size()];
      }
      if (shape == 1 && term_count > 1) text[at + random() % term_count] = vocabulary[0];
    }
    std::vector<std::uint32_t>& title = input.titles.emplace_back();
    for (std::size_t k = random() % 9; k > 0; --k) title.push_back(word());
  }
  const bool no_first_stage = chance(random, 0.05);
  for (std::size_t i = 0; i < count; ++i) {
    Candidate& c = input.candidates.emplace_back();
    c.text = input.texts[i];
    c.title = input.titles[i];
    c.first_stage = no_first_stage ? 0 : uniform(random, 0, 30);
    c.passage_index = static_cast<std::uint32_t>(random() % 41);
    c.age_days = make_age(random);
    c.length = chance(random, 0.5) ? 0 : static_cast<std::uint32_t>(input.texts[i].size() + random() % 100);
    c.article = no_first_stage ? 0 : uniform(random, 0, 30);
    c.article_words = static_cast<std::uint32_t>(random() % 400);
  }

  input.weights = make_weights(random);
  // k1 = 0 and b = 1 included: see the note at the top of passage_scoring_reference_test.cpp.
  input.bm25.k1 = chance(random, 0.1) ? 0 : uniform(random, 0.05f, 3);
  input.bm25.b = chance(random, 0.2) ? 0 : chance(random, 0.1) ? 1 : uniform(random, 0, 0.99f);
  input.bm25.average_length = chance(random, 0.05) ? 0 : uniform(random, 1, 200);
  return input;
}

ArticlesInput make_articles(std::uint32_t n) {
  ArticlesInput input;
  input.seed = kFirstSeed + n;
  std::mt19937 random(input.seed);
  std::vector<float> unused_idf;  // the kernel computes its own
  const std::vector<std::uint32_t> all_hashes = make_terms(random, input.terms, unused_idf);
  const double density = pick(random, {0.0, 0.03, 0.15, 0.4, 0.9});
  const std::size_t count = pick(random, {0u, 1u, 2u, 5u, 20u, 60u});
  const bool no_weights = chance(random, 0.05);
  for (std::size_t i = 0; i < count; ++i) {
    ArticleTermsRange& r = input.ranges.emplace_back();
    r.title_begin = static_cast<std::uint32_t>(input.arena.size());
    for (std::size_t k = random() % 6; k > 0; --k) {
      input.arena.push_back(!all_hashes.empty() && chance(random, 0.4) ? all_hashes[random() % all_hashes.size()]
                                                                         : static_cast<std::uint32_t>(random()));
    }
    r.title_count = static_cast<std::uint32_t>(input.arena.size()) - r.title_begin;
    r.starts_begin = static_cast<std::uint32_t>(input.arena.size());
    r.passage_count = chance(random, 0.1) ? 0 : static_cast<std::uint32_t>(random() % 12 + 1);
    for (std::uint32_t k = 0; k < r.passage_count; ++k) {
      input.arena.push_back(r.word_count);
      r.word_count += chance(random, 0.03) ? 0 : static_cast<std::uint32_t>(random() % 130 + 1);
    }
    const std::size_t first = input.stems.size();
    if (!all_hashes.empty()) {
      for (std::uint32_t position = 1; position <= r.word_count + 3; ++position) {
        if (chance(random, position <= r.word_count ? density : 0.3)) {
          input.stems.push_back({position, all_hashes[random() % all_hashes.size()]});
        }
      }
    }
    input.stems_of.emplace_back(first, input.stems.size());
    input.article_weights.push_back(no_weights ? 0 : uniform(random, 0, 30));
    input.age_days.push_back(make_age(random));
  }
  input.weights = make_weights(random);
  input.k1 = chance(random, 0.1) ? 0 : uniform(random, 0.05f, 3);  // k1 = 0 and b = 1 included
  input.b = chance(random, 0.2) ? 0 : chance(random, 0.1) ? 1 : uniform(random, 0, 0.99f);
  return input;
}

std::string hex(std::uint32_t hash) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08x", hash);
  return buffer;
}

namespace {

void print_words(std::ostream& out, const ScoringQuery& query, const reference::Terms& terms,
                 std::span<const std::uint32_t> words) {
  for (const std::uint32_t w : words) {
    const auto it = terms.term_of.find(w);
    out << ' ' << (it != terms.term_of.end() ? "T" + std::to_string(it->second) : query.may_match(w) ? "~" : ".");
  }
}

}  // namespace

std::string describe(const ScoringInput& input, std::size_t candidate) {
  const ScoringQuery query(input.terms, input.idf);
  const reference::Terms terms = reference::kept_terms(input.terms);
  std::ostringstream out;
  out << "input from seed " << input.seed << " (generated::make_input(" << input.seed - kFirstSeed << ")): "
      << input.terms.size() << " query terms, " << terms.count << " kept;";
  for (std::size_t t = 0; t < input.terms.size(); ++t) {
    out << " [";
    for (std::size_t s = 0; s < input.terms[t].size(); ++s) {
      const auto it = terms.term_of.find(input.terms[t][s]);
      out << (s > 0 ? " " : "") << hex(input.terms[t][s]);
      if (it != terms.term_of.end()) out << "=T" << it->second;
    }
    out << (t < input.idf.size() ? "] idf " + std::to_string(input.idf[t]) : "]");
  }
  const ScoringWeights& w = input.weights;
  out << "\n  weights: first_stage " << w.first_stage << ", article " << w.article << ", coverage " << w.coverage
      << ", length " << w.length
      << ", proximity " << w.proximity << ", phrase " << w.phrase
      << ", title " << w.title << ", position " << w.position << ", recency " << w.recency << ", half-life "
      << w.recency_half_life_days << "; BM25 k1 " << input.bm25.k1 << ", b " << input.bm25.b << ", average length "
      << input.bm25.average_length << "\n  " << input.candidates.size() << " candidates";
  for (std::size_t i = 0; i < input.candidates.size(); ++i) {
    if (candidate < input.candidates.size() && i != candidate) continue;
    const Candidate& c = input.candidates[i];
    out << "\n  candidate " << i << ": first_stage " << c.first_stage << ", article " << c.article << " ("
        << c.article_words << " words), passage_index " << c.passage_index
        << ", age_days " << c.age_days << ", length " << c.length << "\n    text (" << c.text.size() << " words):";
    print_words(out, query, terms, c.text);
    out << "\n    title:";
    print_words(out, query, terms, c.title);
  }
  out << "\n  (Tn: a stem of kept term n; ~: passes the filter, no term's; .: another word)";
  return out.str();
}

std::string describe(const ArticlesInput& input, std::size_t article) {
  const ScoringQuery query(input.terms);
  const reference::Terms terms = reference::kept_terms(input.terms);
  std::ostringstream out;
  out << "articles from seed " << input.seed << " (generated::make_articles(" << input.seed - kFirstSeed
      << ")): " << input.terms.size() << " query terms, " << terms.count << " kept; BM25 k1 " << input.k1 << ", b "
      << input.b << "; " << input.ranges.size() << " articles";
  for (std::size_t i = 0; i < input.ranges.size(); ++i) {
    if (article < input.ranges.size() && i != article) continue;
    const ArticleTermsRange& r = input.ranges[i];
    out << "\n  article " << i << ": weight " << input.article_weights[i] << ", age_days " << input.age_days[i] << ", "
        << r.passage_count << " passages, " << r.word_count << " words; stems at";
    for (std::size_t s = input.stems_of[i].first; s < input.stems_of[i].second; ++s) {
      const auto it = terms.term_of.find(input.stems[s].hash);
      out << ' ' << input.stems[s].position << '=' << (it != terms.term_of.end() ? "T" + std::to_string(it->second) : "d");
    }
    out << "\n    passage starts:";
    for (std::uint32_t k = 0; k < r.passage_count; ++k) out << ' ' << input.arena[r.starts_begin + k];
    out << "\n    title:";
    print_words(out, query, terms, std::span<const std::uint32_t>(input.arena).subspan(r.title_begin, r.title_count));
  }
  out << "\n  (position=Tn: a stem of kept term n there; d: a stem of a term the query dropped)";
  return out.str();
}

}  // namespace cs::searcher::generated
