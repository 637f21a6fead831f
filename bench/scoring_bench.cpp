// The second-stage scoring loop alone (searcher/passage_scoring.hpp) over passages of the
// benchmark corpus, analysed as cs-index does, for 10 to 10,000 candidates and 1 to 16
// query terms drawn from the passages themselves (words people type, not "the" or "of");
// and, in the same run and on the same arrays, a reference loop that only sums plain BM25, so the extra signals' cost reads as a
// ratio. Goal (issue 5): 1,000 candidates in under 100 µs, within 3x of the reference.
#include <benchmark/benchmark.h>

#include <random>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bench/bench_corpus.hpp"
#include "bench/throughput_ratio_reporter.hpp"
#include "common/analyzer.hpp"
#include "common/language.hpp"
#include "common/passage_terms.hpp"
#include "common/terminal.hpp"
#include "indexer/analyse/passages.hpp"
#include "searcher/passage_scoring.hpp"

namespace cs::bench {
namespace {

using searcher::Candidate;
using searcher::ScoringQuery;

struct PassagePool {
  std::vector<std::vector<std::uint32_t>> texts;   // stem hashes per passage
  std::vector<std::vector<std::uint32_t>> titles;  // of each passage's article
  std::vector<std::uint32_t> indexes;              // passage index in its article
  double average_length = 0;
};

// Every passage of the corpus as the indexer hashes it (article_document.cpp).
const PassagePool& passage_pool() {
  static const PassagePool pool = [] {
    PassagePool built;
    Analyzer analyzer;
    std::vector<Token> words, title_words;
    std::size_t total = 0;
    for (const Article& article : bench_corpus().articles) {
      analyzer.set_language(stemmer_for(article.lang.empty() ? "en" : article.lang));
      words.clear();
      title_words.clear();
      analyzer.tokenize(article.body, words);
      analyzer.tokenize(article.title, title_words);
      std::vector<std::uint32_t> title;
      for (const Token& t : title_words) title.push_back(term_hash(analyzer.stem(t.word)));
      for (const Passage& passage : indexer::split_passages(article.body, words, analyzer)) {
        std::vector<std::uint32_t> text;
        for (const Token& t : words) {
          if (t.begin >= passage.begin && t.begin < passage.end) text.push_back(term_hash(analyzer.stem(t.word)));
        }
        total += text.size();
        built.texts.push_back(std::move(text));
        built.titles.push_back(title);
        built.indexes.push_back(passage.index);
      }
    }
    built.average_length = built.texts.empty() ? 0 : static_cast<double>(total) / static_cast<double>(built.texts.size());
    return built;
  }();
  return pool;
}

// `count` candidates, cycling through the pool, with first-stage weights that vary.
std::vector<Candidate> candidates_of(std::size_t count, std::size_t& tokens) {
  const PassagePool& pool = passage_pool();
  std::vector<Candidate> out;
  tokens = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t p = (i * 7919) % pool.texts.size();
    out.push_back(Candidate{pool.texts[p], pool.titles[p], 1.0f + static_cast<float>(i % 97) / 10.0f,
                            pool.indexes[p], static_cast<float>(i % 3650)});
    tokens += pool.texts[p].size();
  }
  return out;
}

// The stems of more than `share` of the pool's passages: "the", "of", "and"... which people
// seldom type and which would make every passage a match.
std::unordered_set<std::uint32_t> common_stems(double share) {
  const PassagePool& pool = passage_pool();
  std::unordered_map<std::uint32_t, std::size_t> passages_with;
  for (const auto& text : pool.texts) {
    const std::unordered_set<std::uint32_t> distinct(text.begin(), text.end());
    for (const std::uint32_t hash : distinct) ++passages_with[hash];
  }
  std::unordered_set<std::uint32_t> common;
  for (const auto& [hash, count] : passages_with) {
    if (static_cast<double>(count) > share * static_cast<double>(pool.texts.size())) common.insert(hash);
  }
  return common;
}

// Queries of `terms` terms, each a word of one passage (so they match) as a person would
// type it: not one of the stems in over 5% of passages. Fixed seed.
std::vector<ScoringQuery> queries_of(std::size_t terms) {
  const PassagePool& pool = passage_pool();
  static const std::unordered_set<std::uint32_t> common = common_stems(0.05);
  std::mt19937 random(20261122);
  std::vector<ScoringQuery> out;
  while (out.size() < 16) {
    const auto& text = pool.texts[random() % pool.texts.size()];
    std::vector<std::uint32_t> words;
    for (const std::uint32_t hash : text) {
      if (!common.contains(hash)) words.push_back(hash);
    }
    if (words.empty()) continue;
    std::vector<std::vector<std::uint32_t>> hashes;
    std::vector<float> idf;
    for (std::size_t t = 0; t < terms; ++t) {
      hashes.push_back({words[random() % words.size()]});
      idf.push_back(1.0f + static_cast<float>(random() % 50) / 10.0f);
    }
    out.emplace_back(hashes, idf);
  }
  return out;
}

void set_rates(benchmark::State& state, std::size_t candidates, std::size_t tokens) {
  state.counters["candidates_per_second"] =
      benchmark::Counter(static_cast<double>(candidates), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["tokens_per_second"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_FullScoringLoop(benchmark::State& state) {
  std::size_t tokens = 0;
  const auto candidates = candidates_of(static_cast<std::size_t>(state.range(0)), tokens);
  const auto queries = queries_of(static_cast<std::size_t>(state.range(1)));
  std::vector<searcher::ScoreParts> parts(candidates.size());
  searcher::ScoringWeights weights;
  weights.recency_half_life_days = 365;
  std::size_t q = 0;
  for (auto _ : state) {
    searcher::score_passages(queries[q++ % queries.size()], candidates, weights, parts);
    benchmark::DoNotOptimize(parts.data());
    benchmark::ClobberMemory();
  }
  set_rates(state, candidates.size(), tokens);
}

void BM_PlainBm25(benchmark::State& state) {
  std::size_t tokens = 0;
  const auto candidates = candidates_of(static_cast<std::size_t>(state.range(0)), tokens);
  const auto queries = queries_of(static_cast<std::size_t>(state.range(1)));
  std::vector<float> scores(candidates.size());
  searcher::Bm25Reference bm25;
  bm25.average_length = static_cast<float>(passage_pool().average_length);
  std::size_t q = 0;
  for (auto _ : state) {
    searcher::score_plain_bm25(queries[q++ % queries.size()], candidates, bm25, scores);
    benchmark::DoNotOptimize(scores.data());
    benchmark::ClobberMemory();
  }
  set_rates(state, candidates.size(), tokens);
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"candidates", "terms"});
  for (const int candidates : {10, 100, 1000, 10000}) {
    for (const int terms : {1, 4, 16}) b->Args({candidates, terms});
  }
  b->Unit(benchmark::kMicrosecond);
}
BENCHMARK(BM_FullScoringLoop)->Apply(Sizes);
BENCHMARK(BM_PlainBm25)->Apply(Sizes);

}  // namespace
}  // namespace cs::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  cs::bench::ThroughputRatioReporter reporter("BM_PlainBm25", cs::terminal::is_terminal(1), "candidates_per_second",
                                              "M candidates/s", 1e6);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
