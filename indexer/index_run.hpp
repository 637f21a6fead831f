// One cs-index run: crawl the roots, read the new and changed files with their readers,
// split their articles into passages and write them, remove what deleted files contributed,
// and report every bad file and what happened. Incremental: see write/file_states.hpp.
// The driver: each stage is a folder of its own (readers/, clean/, analyse/, write/).
#pragma once

#include <functional>

#include "common/error.hpp"
#include "indexer/index_options.hpp"

namespace cs::indexer {

// Fails only when the run itself cannot go on (database locked, unwritable, ...); bad input
// is reported and counted, and the rest still indexes. A failed run keeps every earlier
// commit, and the next run resumes from there.
Result<IndexSummary> run_index(const IndexOptions& options, const IndexReport& report);
// cs-index --rebuild: indexes the roots into a fresh database beside options.db (DB.rebuild),
// then swaps the two folders with one atomic rename, so searches keep using the old database
// until the new one is complete; the old one is then deleted. The old database stays locked
// for the whole run, so no other cs-index writes to it meanwhile. A killed rebuild leaves the
// old database in place, and the next rebuild starts over.
Result<IndexSummary> rebuild_index(const IndexOptions& options, const IndexReport& report);

inline Result<IndexSummary> run_index(const IndexOptions& options, const std::function<void(const Error&)>& warn) {
  return run_index(options, IndexReport{warn, {}, {}, {}, {}});
}

}  // namespace cs::indexer
