// The parallel parts of a run: the shards of a sharded database, each file to the shard its
// path hashes to, or the parts of a parallel first build, each an equal share of the bytes,
// merged into one database at the end.
// Each part is an incremental run (incremental_run.hpp) with its own DbWriter on its own
// thread; all share one story index and the caller's report, called by one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "indexer/crawl.hpp"
#include "indexer/index_options.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/db_writer.hpp"

namespace cs::indexer {

// Where a parallel build keeps its parts: inside the database folder it builds, so it needs
// no more permission than the database does (a service may own its database folder and
// nothing beside it), and a hidden name, so no crawl of a folder holding it picks it up.
inline constexpr const char* kPartsFolder = ".parts";

// Parts left at `parts_dir` mean a parallel build was killed before it finished: the
// database in `folder` beside them is its disposable start (fresh, or a merge cut short), and
// is cleared, so the build resumes from the parts. Refuses parts cs-index did not make,
// before anything is cleared. Nothing happens when there are no parts.
Status clear_for_killed_build(DbFolder& folder, const std::filesystem::path& parts_dir);

// The threads a run indexes with: --jobs, or one per core.
unsigned effective_jobs(const IndexOptions& options);

// Indexes every crawled file into the one database `writer` writes, analysing each batch on
// effective_jobs(options) threads.
Result<IndexSummary> index_single(const IndexOptions& options, const IndexReport& report,
                                  std::unique_ptr<DbWriter> writer, const Crawled& crawled);

// Indexes into the shards at `paths`, each file to the shard its path hashes to.
Result<IndexSummary> index_shards(const IndexOptions& options, const IndexReport& report,
                                  const std::vector<std::filesystem::path>& paths, const Crawled& crawled);

// Builds a fresh single database in the claimed folder `dest` with `jobs` threads: each
// indexes an equal share of the files' bytes into a part (the shards of `dest`/.parts), then
// the parts are merged, compacted, beside them and moved into `dest` (DbFolder::adopt_tables). What
// `dest` held is discarded: it is fresh, or what a killed merge left. A killed build leaves
// the parts, and the next build with `resume` picks up from their last commits.
Result<IndexSummary> build_merged(const IndexOptions& options, const IndexReport& report, const Crawled& crawled,
                                  DbFolder& dest, bool resume);

}  // namespace cs::indexer
