// The scale-out tests' corpus (tests/cli/cs_scale_*_cli_test.cpp): made-up articles
// indexed by the real cs-index three ways (one thread; two threads in parts, merged; two
// shards), and the fixture whose tests search them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support/indexed_once.hpp"
#include "support/test_support.hpp"

namespace cs::test {

// Articles of words drawn with Zipf-like frequencies (so terms weigh differently), with
// sources (Wire, Gazette, Review), dates and topics for the filters and facets, plus the
// bundled corpus: `reports` articles ("report-N.md") whose paragraphs are `length` times 60
// to 110 words long.
void write_scale_corpus(const std::filesystem::path& folder, int reports = 120, int length = 1);

// A mix of queries (words, phrases, filters, facets) every layout must answer alike.
extern const std::vector<std::vector<std::string>> kScaleQueries;

// The reports of ScaleCorpus. Long enough (1.4 MB, with the bundled articles 204 articles)
// that the run trains dictionaries (indexer/analyse/dictionary_trainer.hpp), which every part
// and shard stores and the searcher must find in the shard, local or remote, that holds each
// passage and record.
inline constexpr int kScaleReports = 200;

// write_scale_corpus's articles built three ways: "single" (--jobs 1), "merged" (--jobs 2:
// parts, then merged) and "sharded" (--shards 2).
struct ScaleCorpus {
  static std::filesystem::path make(const std::filesystem::path& scratch);
  static std::vector<DatabaseSpec> databases();
};

class ScaleOut : public IndexedOnce<ScaleCorpus> {
 protected:
  // A folder in `copy` holding the corpus's bundled articles only; an incremental run adds
  // the rest by copying corpus() over it.
  static std::filesystem::path bundled_only(const TempDir& copy);
  // cs-search's JSON Lines for a query on `databases` (each given as a --db), without the
  // shard counts of a whole answer, which differ by layout.
  static std::string answer(const std::vector<std::string>& databases, const std::vector<std::string>& query);
};

}  // namespace cs::test
