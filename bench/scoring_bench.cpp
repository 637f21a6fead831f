// The second stage of cs-search as it runs, over articles of the benchmark corpus indexed as
// cs-index indexes them, for 10 to 10,000 passages and 1 to 16 query terms.
//
// Input model: each article is what the index keeps of it (its stems at their positions,
// word i at i + 1, alternatives at the same place; where each passage starts; its title's
// stem hashes). A query is 1 to 16 words of one passage (words people type: none of the
// stems in over 5% of passages), 16 queries a size in turn, fixed seed. Its passages are
// those of articles that hold at least one of its stems (the first stage's matches),
// taken in corpus order from a place of the query's own until there are exactly as many as
// asked (the last article's passages cut short, articles repeated when the corpus runs out),
// with first-stage weights and ages that vary. The positions of the query's stems in those
// articles (what Xapian's position lists give) are read before timing.
//
// - BM_AssembleCandidates: searcher::assemble_candidates, the passages made into the loop's
//   candidates (the stretch from each passage's first query stem to its last, fillers
//   between; of an article's passages without one, the first, with no text);
// - BM_SecondStageKernel: searcher::score_candidates over those candidates, all three passes
//   (count the candidates holding each term for idf, each passage's BM25, every signal);
// - BM_PlainBm25: the baseline, searcher::score_passage_bm25 alone over the same arrays (a
//   plain BM25 sum with the same term lookup, nothing else).
//
// The run ends with a table of each one's cost per 1,000 passages and the kernel's cost as
// a multiple of the baseline's. Goals (issue 5): 1,000 passages in under 100 µs on one core,
// within 3x of the baseline. A time never fails the run.
//
//     build/bench/scoring_bench
//     build/bench/scoring_bench --benchmark_min_time=0.05       # CI's short mode
//     CS_BENCH_CORPUS=/tmp/sotu build/bench/scoring_bench       # 120-word passages of real speeches
#include <benchmark/benchmark.h>

#include <algorithm>
#include <iomanip>
#include <map>
#include <ostream>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "bench/bench_corpus.hpp"
#include "common/analyzer.hpp"
#include "common/language.hpp"
#include "common/passage_terms.hpp"
#include "common/terminal.hpp"
#include "indexer/analyse/passages.hpp"
#include "searcher/rank/candidates.hpp"
#include "searcher/rank/passage_scoring.hpp"

namespace cs::bench {
namespace {

using searcher::StemPosition;

// An article as the index keeps what the second stage reads of it (article_document.cpp).
struct IndexedArticle {
  std::vector<StemPosition> stems;     // every body stem at its position, in position order
  std::vector<std::uint32_t> starts;   // each passage's first word
  std::uint32_t word_count = 0;
  std::vector<std::uint32_t> title;    // the title's stem hashes, then the other titles'
};

const std::vector<IndexedArticle>& indexed_articles() {
  static const std::vector<IndexedArticle> articles = [] {
    std::vector<IndexedArticle> built;
    Analyzer analyzer;
    std::vector<Token> title_words;
    for (const Article& article : bench_corpus().articles) {
      analyzer.set_language(stemmer_for(article.lang.empty() ? "en" : article.lang));
      const indexer::CutText body = indexer::cut_text(article.body, analyzer);
      const std::vector<Token>& words = body.words;
      IndexedArticle& indexed = built.emplace_back();
      title_words.clear();
      analyzer.tokenize(article.title, title_words);
      for (const std::string& other : article.other_titles) analyzer.tokenize(other, title_words);
      for (const Token& t : title_words) indexed.title.push_back(term_hash(analyzer.stem(t.word)));
      const auto starts_before = [](const Token& t, std::uint32_t at) { return t.begin < at; };
      for (const Passage& passage : body.passages) {
        const auto first = std::lower_bound(words.begin(), words.end(), passage.begin, starts_before);
        const auto last = std::lower_bound(first, words.end(), passage.end, starts_before);
        indexed.starts.push_back(indexed.word_count);
        for (auto it = first; it != last; ++it) {
          const std::uint32_t position = ++indexed.word_count;
          indexed.stems.push_back({position, term_hash(analyzer.stem(it->word))});
          if (!it->alternative.empty()) indexed.stems.push_back({position, term_hash(analyzer.stem(it->alternative))});
        }
      }
    }
    return built;
  }();
  return articles;
}

// The stems of a passage, for drawing queries.
std::vector<std::uint32_t> passage_stems(const IndexedArticle& article, std::size_t k) {
  const std::uint32_t begin = article.starts[k];
  const std::uint32_t end = k + 1 < article.starts.size() ? article.starts[k + 1] : article.word_count;
  std::vector<std::uint32_t> out;
  for (const StemPosition& s : article.stems) {
    if (s.position > begin && s.position <= end) out.push_back(s.hash);
  }
  return out;
}

// The stems of more than `share` of the corpus's passages: "the", "of", "and"... which people
// seldom type and which would make every passage a match.
std::unordered_set<std::uint32_t> common_stems(double share) {
  std::unordered_map<std::uint32_t, std::size_t> passages_with;
  std::size_t passages = 0;
  for (const IndexedArticle& article : indexed_articles()) {
    for (std::size_t k = 0; k < article.starts.size(); ++k, ++passages) {
      const std::vector<std::uint32_t> stems = passage_stems(article, k);
      for (const std::uint32_t hash : std::unordered_set<std::uint32_t>(stems.begin(), stems.end())) ++passages_with[hash];
    }
  }
  std::unordered_set<std::uint32_t> common;
  for (const auto& [hash, count] : passages_with) {
    if (static_cast<double>(count) > share * static_cast<double>(passages)) common.insert(hash);
  }
  return common;
}

// One query and the second stage's input for it, as second_stage.cpp has it after reading Xapian.
struct PreparedQuery {
  std::vector<std::vector<std::uint32_t>> terms;
  std::vector<ArticleTermsRange> ranges;
  std::vector<std::uint32_t> arena;
  std::vector<StemPosition> stems;
  std::vector<std::pair<std::size_t, std::size_t>> stems_of;
  std::vector<float> weights;
  std::vector<float> age_days;

  searcher::RerankedArticles articles() const { return {ranges, arena, stems, stems_of, weights, age_days}; }
};

PreparedQuery prepare(std::vector<std::vector<std::uint32_t>> terms, std::size_t candidates, std::size_t offset) {
  const std::vector<IndexedArticle>& corpus = indexed_articles();
  PreparedQuery q;
  q.terms = std::move(terms);
  std::unordered_set<std::uint32_t> wanted;
  for (const auto& term : q.terms) wanted.insert(term.begin(), term.end());
  std::size_t passages = 0;
  for (std::size_t n = 0; passages < candidates; ++n) {
    const IndexedArticle& article = corpus[(offset + n) % corpus.size()];
    const std::size_t begin = q.stems.size();
    for (const StemPosition& s : article.stems) {
      if (wanted.contains(s.hash)) q.stems.push_back(s);
    }
    if (q.stems.size() == begin) continue;  // not a match of the first stage
    // The article, its passages cut short if it has more than are still wanted.
    const auto kept = static_cast<std::uint32_t>(std::min(std::max<std::size_t>(article.starts.size(), 1), candidates - passages));
    ArticleTermsRange& r = q.ranges.emplace_back();
    r.title_begin = static_cast<std::uint32_t>(q.arena.size());
    r.title_count = static_cast<std::uint32_t>(article.title.size());
    q.arena.insert(q.arena.end(), article.title.begin(), article.title.end());
    r.starts_begin = static_cast<std::uint32_t>(q.arena.size());
    r.passage_count = std::min(kept, static_cast<std::uint32_t>(article.starts.size()));
    q.arena.insert(q.arena.end(), article.starts.begin(), article.starts.begin() + r.passage_count);
    r.word_count = r.passage_count < article.starts.size() ? article.starts[r.passage_count] : article.word_count;
    q.stems_of.emplace_back(begin, q.stems.size());
    q.weights.push_back(1.0f + static_cast<float>(q.ranges.size() % 97) / 10.0f);
    q.age_days.push_back(static_cast<float>((offset + n) % 3650));
    passages += kept;
  }
  return q;
}

// 16 queries of `terms` words, each drawn from one passage (so they match) as a person would
// type them, with their candidates. Fixed seed.
std::vector<PreparedQuery> queries_of(std::size_t terms, std::size_t candidates) {
  const std::vector<IndexedArticle>& corpus = indexed_articles();
  static const std::unordered_set<std::uint32_t> common = common_stems(0.05);
  std::mt19937 random(20261122);
  std::vector<PreparedQuery> out;
  while (out.size() < 16) {
    const std::size_t a = random() % corpus.size();
    if (corpus[a].starts.empty()) continue;
    std::vector<std::uint32_t> words;
    for (const std::uint32_t hash : passage_stems(corpus[a], random() % corpus[a].starts.size())) {
      if (!common.contains(hash)) words.push_back(hash);
    }
    if (words.empty()) continue;
    std::vector<std::vector<std::uint32_t>> hashes;
    for (std::size_t t = 0; t < terms; ++t) hashes.push_back({words[random() % words.size()]});
    out.push_back(prepare(std::move(hashes), candidates, a));
  }
  return out;
}

// A hash no term of `query` may match: what second_stage.cpp writes between a stretch's stems.
std::uint32_t filler_of(const searcher::ScoringQuery& query) {
  std::uint32_t filler = 0;
  while (query.may_match(filler)) ++filler;
  return filler;
}

// Each query assembled into its candidates, and the kernel run once (so the query carries its idf).
struct Workload {
  std::vector<PreparedQuery> prepared;
  std::vector<searcher::ScoringQuery> queries;
  std::vector<searcher::CandidateArrays> arrays;
  std::vector<std::vector<searcher::ScoreParts>> parts;
  std::vector<searcher::PassageBm25> bm25;  // the kernel's BM25 settings for each query
  searcher::KernelBuffers buffers;
  searcher::ScoringWeights weights;
  float k1 = 0.9f, b = 0.4f;  // cs-search's defaults

  Workload(std::size_t candidates, std::size_t terms) : prepared(queries_of(terms, candidates)) {
    weights.recency_half_life_days = 365;
    queries.reserve(prepared.size());
    arrays.reserve(prepared.size());
    for (const PreparedQuery& q : prepared) {
      searcher::ScoringQuery& query = queries.emplace_back(q.terms);
      searcher::assemble_candidates(q.articles(), filler_of(query), arrays.emplace_back());
      searcher::score_candidates(query, k1, b, weights, arrays.back(), buffers,
                                 parts.emplace_back(arrays.back().candidates.size()));
      bm25.push_back({k1, b, static_cast<float>(arrays.back().total_words) / static_cast<float>(candidates)});
    }
  }
};

void set_rate(benchmark::State& state, std::size_t candidates) {
  state.counters["passages_per_second"] =
      benchmark::Counter(static_cast<double>(candidates), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_AssembleCandidates(benchmark::State& state) {
  const auto candidates = static_cast<std::size_t>(state.range(0));
  Workload w(candidates, static_cast<std::size_t>(state.range(1)));
  std::size_t q = 0;
  for (auto _ : state) {
    const std::size_t i = q++ % w.prepared.size();
    searcher::assemble_candidates(w.prepared[i].articles(), filler_of(w.queries[i]), w.arrays[i]);
    benchmark::DoNotOptimize(w.arrays[i].candidates.data());
    benchmark::ClobberMemory();
  }
  set_rate(state, candidates);
}

void BM_SecondStageKernel(benchmark::State& state) {
  const auto candidates = static_cast<std::size_t>(state.range(0));
  Workload w(candidates, static_cast<std::size_t>(state.range(1)));
  std::size_t q = 0;
  for (auto _ : state) {
    const std::size_t i = q++ % w.prepared.size();
    searcher::score_candidates(w.queries[i], w.k1, w.b, w.weights, w.arrays[i], w.buffers, w.parts[i]);
    benchmark::DoNotOptimize(w.parts[i].data());
    benchmark::ClobberMemory();
  }
  set_rate(state, candidates);
}

void BM_PlainBm25(benchmark::State& state) {
  const auto candidates = static_cast<std::size_t>(state.range(0));
  Workload w(candidates, static_cast<std::size_t>(state.range(1)));
  std::vector<float> scores(candidates);
  std::size_t q = 0;
  for (auto _ : state) {
    const std::size_t i = q++ % w.prepared.size();
    searcher::score_passage_bm25(w.queries[i], w.arrays[i].candidates, w.bm25[i], scores);
    benchmark::DoNotOptimize(scores.data());
    benchmark::ClobberMemory();
  }
  set_rate(state, candidates);
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->ArgNames({"passages", "terms"});
  for (const int candidates : {10, 100, 1000, 10000}) {
    for (const int terms : {1, 4, 16}) b->Args({candidates, terms});
  }
  b->Unit(benchmark::kMicrosecond);
}
BENCHMARK(BM_AssembleCandidates)->Apply(Sizes);
BENCHMARK(BM_SecondStageKernel)->Apply(Sizes);
BENCHMARK(BM_PlainBm25)->Apply(Sizes);

// The console table, then each benchmark's CPU time per 1,000 passages side by side (from
// its rate, which Google Benchmark takes over CPU time: steadier than wall time on a shared
// machine) and the kernel's as a multiple of plain BM25's with the same arguments.
class KernelCostReporter : public benchmark::ConsoleReporter {
 public:
  explicit KernelCostReporter(bool color) : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "mean") continue;
      const auto rate = run.counters.find("passages_per_second");
      if (rate == run.counters.end() || rate->second.value <= 0) continue;
      if (!costs_.contains(run.run_name.args)) order_.push_back(run.run_name.args);
      costs_[run.run_name.args][run.run_name.function_name] = 1e9 / rate->second.value;  // µs per 1,000
    }
  }

  void Finalize() override {
    ConsoleReporter::Finalize();
    std::ostream& out = GetOutputStream();
    out << "\nCPU µs per 1,000 passages, measured in this run (kernel: all three passes; x: the\n"
           "kernel's cost over plain BM25's on the same arrays):\n"
        << std::setw(30) << std::left << "  arguments" << std::right << std::setw(10) << "assemble" << std::setw(10)
        << "kernel" << std::setw(12) << "plain BM25" << std::setw(8) << "x" << "\n";
    for (const std::string& args : order_) {
      const auto& by_name = costs_[args];
      const auto cost = [&](const char* name) {
        const auto it = by_name.find(name);
        return it == by_name.end() ? 0.0 : it->second;
      };
      const double kernel = cost("BM_SecondStageKernel"), plain = cost("BM_PlainBm25");
      out << "  " << std::setw(28) << std::left << args << std::right << std::fixed << std::setprecision(1)
          << std::setw(10) << cost("BM_AssembleCandidates") << std::setw(10) << kernel << std::setw(12) << plain
          << std::setw(7) << std::setprecision(2) << (plain > 0 ? kernel / plain : 0.0) << "x\n";
    }
    out.flush();
  }

 private:
  std::vector<std::string> order_;                               // arguments as first run
  std::map<std::string, std::map<std::string, double>> costs_;  // by arguments, then by benchmark
};

}  // namespace
}  // namespace cs::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  cs::bench::KernelCostReporter reporter(cs::terminal::is_terminal(1));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
