// The whole cs-search query against plain Xapian on the same database, in one run: the
// benchmark corpus is indexed once by cs-index's own code into a temporary database, then
//  - BM_CsSearchQuery answers each query as cs-search does: parse, first stage, second
//    stage, records, story members, highlights and the snippet window;
//  - BM_XapianEnquireSnippet parses the query with Xapian's QueryParser (English stems, as
//    the database holds them), runs Enquire with BM25 for the top 10 and cuts each hit's
//    snippet from its first passage with MSet::snippet.
// The ratio printed at the end is queries/s over the plain Xapian reference. Goal (issue 5):
// cs-search within 1.5x of plain Xapian's time.
#include <benchmark/benchmark.h>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "bench/bench_corpus.hpp"
#include "bench/throughput_ratio_reporter.hpp"
#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "common/stored_dictionaries.hpp"
#include "common/terminal.hpp"
#include "indexer/index_run.hpp"
#include "searcher/session.hpp"

namespace cs::bench {
namespace {

namespace fs = std::filesystem;

// Queries about politics and policy (the judged set's kind), plus the quick start's.
const std::vector<std::string> kQueries = {
    "Taiwan",          "income tax",        "gold standard",     "Social Security", "health insurance",
    "immigration reform", "national debt",  "civil rights",      "foreign aid",     "balanced budget",
    "Panama Canal",    "minimum wage",      "war on terror",     "farm prices",     "Cuba",
    "public schools education"};

fs::path database_folder() { return fs::temp_directory_path() / ("cs-search-bench-" + std::to_string(::getpid())); }

// The benchmark corpus indexed once into database_folder(), removed at exit.
const fs::path& bench_database() {
  static const fs::path db = [] {
    const fs::path folder = database_folder();
    indexer::IndexOptions options;
    options.roots = {bench_corpus().folder};
    options.db = folder;
    const auto summary = indexer::run_index(options, [](const Error&) {});
    if (!summary) {
      std::cerr << "search_bench: cannot index " << bench_corpus().folder << ": " << summary.error().reason << '\n';
      std::exit(1);
    }
    std::atexit([] {
      std::error_code ignored;
      fs::remove_all(database_folder(), ignored);
    });
    return folder;
  }();
  return db;
}

void set_rate(benchmark::State& state) {
  state.counters["queries_per_second"] = benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_CsSearchQuery(benchmark::State& state) {
  auto session = searcher::SearchSession::open({bench_database()});
  if (!session) {
    state.SkipWithError("cannot open the database");
    return;
  }
  std::size_t q = 0;
  for (auto _ : state) {
    auto result = (*session)->run("1", kQueries[q++ % kQueries.size()], 10, true);
    benchmark::DoNotOptimize(result);
  }
  set_rate(state);
}

void BM_XapianEnquireSnippet(benchmark::State& state) {
  Xapian::Database db(bench_database().string());
  Xapian::QueryParser parser;
  const Xapian::Stem stemmer("english");
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(0.9, 0, 1, 0.4, 0.5));
  StoredDictionaries dictionaries;
  dictionaries.reset({db});
  std::size_t q = 0;
  for (auto _ : state) {
    enquire.set_query(parser.parse_query(kQueries[q++ % kQueries.size()]));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document document = it.get_document();
      const auto record = decode_article_record(document.get_data(), dictionaries.lookup());
      if (!record) continue;
      const auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(0)), dictionaries.lookup());
      std::string snippet = mset.snippet(text ? text->text : std::string(), 360, stemmer);
      benchmark::DoNotOptimize(snippet);
    }
  }
  set_rate(state);
}

BENCHMARK(BM_CsSearchQuery)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_XapianEnquireSnippet)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace cs::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  cs::bench::ThroughputRatioReporter reporter("BM_XapianEnquireSnippet", cs::terminal::is_terminal(1),
                                              "queries_per_second", "queries/s", 1);
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
