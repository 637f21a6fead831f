// Analysis throughput in MB/s of article text, against plain Xapian's TermGenerator on the
// same text in the same run: the ICU analyzer alone, and everything cs-index does to an
// article before the database write (words, stems, passages, the Xapian document).
//
//   build/bench/analyzer_bench                            # the bundled corpus
//   CS_BENCH_CORPUS=DIR build/bench/analyzer_bench        # any folder cs-index reads
#include <benchmark/benchmark.h>
#include <xapian.h>

#include "bench/bench_corpus.hpp"
#include "bench/throughput_ratio_reporter.hpp"
#include "common/analyzer.hpp"
#include "common/terminal.hpp"
#include "indexer/analyse/article_document.hpp"
#include "indexer/analyse/passages.hpp"

namespace cs::bench {
namespace {

void set_throughput(benchmark::State& state, const BenchCorpus& corpus) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(corpus.body_bytes));
  state.counters["articles"] = static_cast<double>(corpus.articles.size());
}

// Words and stems of every article body: the analyzer's share of indexing.
void BM_AnalyzerWordsAndStems(benchmark::State& state) {
  const BenchCorpus& corpus = bench_corpus();
  Analyzer analyzer;
  std::vector<Token> words;
  for (auto _ : state) {
    for (const Article& article : corpus.articles) {
      words.clear();
      analyzer.tokenize(article.body, words);
      for (const Token& word : words) benchmark::DoNotOptimize(analyzer.stem(word.word).size());
    }
    benchmark::ClobberMemory();
  }
  set_throughput(state, corpus);
}
BENCHMARK(BM_AnalyzerWordsAndStems)->Unit(benchmark::kMillisecond);

// What cs-index does per article before writing: words, passages, and the article's document
// with its words, positional stems, title terms, field terms, values, compressed passage texts
// and bounds, and stored record.
void BM_ArticleToDocument(benchmark::State& state) {
  const BenchCorpus& corpus = bench_corpus();
  Analyzer analyzer;
  indexer::ArticleDocumentBuilder builder(analyzer);
  const std::string root = corpus.folder.string();
  for (auto _ : state) {
    for (const Article& article : corpus.articles) {
      benchmark::DoNotOptimize(builder.build(article, indexer::cut_text(article.body, analyzer), root));
    }
  }
  set_throughput(state, corpus);
}
BENCHMARK(BM_ArticleToDocument)->Unit(benchmark::kMillisecond);

// The reference: Xapian's own TermGenerator (English stems and unstemmed positional terms,
// as Xapian applications index by default) over the same bodies and titles.
void BM_XapianTermGenerator(benchmark::State& state) {
  const BenchCorpus& corpus = bench_corpus();
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (auto _ : state) {
    for (const Article& article : corpus.articles) {
      Xapian::Document document;
      generator.set_document(document);
      generator.index_text(article.title, 1, "S");
      generator.increase_termpos();
      generator.index_text(article.body);
      benchmark::DoNotOptimize(document.termlist_count());
    }
  }
  set_throughput(state, corpus);
}
BENCHMARK(BM_XapianTermGenerator)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cs::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  cs::bench::ThroughputRatioReporter reporter("BM_XapianTermGenerator", cs::terminal::is_terminal(1));
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
