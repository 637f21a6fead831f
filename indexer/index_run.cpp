#include "indexer/index_run.hpp"

#include <chrono>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "common/failpoint.hpp"
#include "indexer/crawl.hpp"
#include "indexer/write/compaction.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/db_writer.hpp"
#include "indexer/write/file_states.hpp"
#include "indexer/write/parallel_parts.hpp"
#include "indexer/write/rebuild_swap.hpp"
#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

Result<std::uint64_t> articles_in(const fs::path& db) {
  try {
    return Xapian::Database(db.string()).get_doccount();
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, db.string(), "", "cannot read the database just written (" + e.get_description() + ")",
                 "run cs-index --rebuild"};
  }
}

// The run's summary completed with what only the whole run knows.
Result<IndexSummary> finish(Result<IndexSummary> summary, const Crawled& crawled, const fs::path& db,
                            std::chrono::steady_clock::time_point started) {
  if (!summary) return summary;
  summary->unreadable_paths = crawled.unreadable_paths;
  auto articles = articles_in(db);
  if (!articles) return articles.error();
  summary->db_articles = *articles;
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

Error shard_count_error(const fs::path& db, std::size_t has, std::size_t asked) {
  return Error{ErrorKind::kUsage, db.string(), "",
               "database has " + std::to_string(has) + " shard(s), not the " + std::to_string(asked) + " asked for",
               "add --rebuild to rewrite it with --shards " + std::to_string(asked)};
}

// Compacts the databases the run wrote (one, or each shard) that grew past kCompactGrowth,
// or every one with --compact, and adds their sizes to the summary. What the run wrote is
// committed: a compaction that fails (a full disk) is a warning, and the database stays as
// written. A database another cs-index took meanwhile is left to that run.
Result<IndexSummary> compacted(Result<IndexSummary> summary, const std::vector<fs::path>& dbs, bool force,
                               const IndexReport& report) {
  if (!summary) return summary;
  for (const fs::path& db : dbs) {
    auto folder = DbFolder::claim(db);
    if (!folder && folder.error().kind == ErrorKind::kLocked) continue;
    if (!folder) {
      report.warn(folder.error());
      continue;
    }
    const std::uintmax_t before = database_bytes(db);
    auto done = compact_if_grown(std::move(*folder), force);
    if (!done) {
      report.warn(done.error());
      continue;
    }
    if (*done) {
      summary->bytes_before_compaction += before;
      summary->bytes_compacted += database_bytes(db);
    }
  }
  return summary;
}

// A database no run has written to yet: a parallel build may replace it whole.
bool is_fresh(const DbWriter& writer) {
  return writer.article_count() == 0 && load_file_states(writer.database()).empty();
}

}  // namespace

Result<IndexSummary> run_index(const IndexOptions& given, const IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  IndexOptions options = given;
  options.db = normal_db_path(given.db);
  auto folder = DbFolder::claim(options.db);  // refuses a folder cs-index did not make
  if (!folder) return folder.error();
  // A sharded database, or a new one asked for with --shards: each file to its shard.
  const bool new_shards = options.shards > 1 && holds_only_marker(options.db);
  if (is_sharded(options.db) || new_shards) {
    auto paths = new_shards ? create_shards(options.db, options.shards) : shard_paths(options.db);
    if (!paths) return paths.error();
    if (options.shards > 0 && options.shards != paths->size()) return shard_count_error(options.db, paths->size(), options.shards);
    const Crawled crawled = crawl_roots(options.roots, report.warn);
    auto summary = compacted(index_shards(options, report, *paths, crawled), *paths, options.compact, report);
    return finish(std::move(summary), crawled, options.db, started);
  }
  if (options.shards > 1) return shard_count_error(options.db, 1, options.shards);
  // One database: incremental, or, when nothing is in it yet, built in parts and merged.
  const fs::path parts_dir = options.db / kPartsFolder;
  if (Status cleared = clear_for_killed_build(**folder, parts_dir); !cleared) return cleared.error();
  auto writer = DbWriter::open(std::move(*folder));
  if (!writer) return writer.error();
  const Crawled crawled = crawl_roots(options.roots, report.warn);
  bool fresh = false;
  try {
    fresh = effective_jobs(options) > 1 && is_fresh(**writer);
  } catch (const Xapian::Error&) {
    fresh = false;  // the run below reports what cannot be read
  }
  if (!fresh) {
    if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
    auto summary = compacted(index_single(options, report, std::move(*writer), crawled), {options.db}, options.compact, report);
    return finish(std::move(summary), crawled, options.db, started);
  }
  // A first run with several threads: built in parts inside the folder (a killed run resumes
  // from them), then merged into it, under cs-index's lock all along.
  std::unique_ptr<DbFolder> own = (*writer)->close_keeping_folder();
  auto summary = build_merged(options, report, crawled, *own, true);
  own.reset();
  return finish(std::move(summary), crawled, options.db, started);
}

Result<IndexSummary> rebuild_index(const IndexOptions& given, const IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  IndexOptions options = given;
  options.db = normal_db_path(given.db);
  // Through a symbolic link, the folder it names is rebuilt and swapped, the link kept.
  if (std::error_code ec; fs::is_symlink(options.db, ec)) options.db = fs::canonical(options.db, ec);
  if (Status room = check_rebuild_room(options.db); !room) return room.error();
  // The old database stays claimed until the swap, so no other cs-index writes to it
  // meanwhile; claiming it refuses a folder cs-index did not make, before anything is built.
  std::vector<std::unique_ptr<DbFolder>> live;
  auto live_shards = claim_live(options.db, live);
  if (!live_shards) return live_shards.error();
  const std::size_t shards = options.shards > 0 ? options.shards : *live_shards;
  fs::path staged = options.db;
  staged += ".rebuild";
  if (Status cleared = remove_own_folder(staged); !cleared) return cleared.error();  // what a killed rebuild left
  // The new database is built like a first run's, into DB.rebuild, then swapped in.
  const Crawled crawled = crawl_roots(options.roots, report.warn);
  IndexOptions staged_options = options;
  staged_options.db = staged;
  Result<IndexSummary> summary = [&]() -> Result<IndexSummary> {
    auto folder = DbFolder::claim(staged);
    if (!folder) return folder.error();
    if (shards > 1) {
      auto paths = create_shards(staged, shards);
      if (!paths) return paths.error();
      return compacted(index_shards(staged_options, report, *paths, crawled), *paths, true, report);
    }
    if (effective_jobs(options) > 1) return build_merged(staged_options, report, crawled, **folder, false);
    auto writer = DbWriter::open(std::move(*folder));
    if (!writer) return writer.error();
    return compacted(index_single(staged_options, report, std::move(*writer), crawled), {staged}, true, report);
  }();
  if (!summary) {
    remove_own_folder(staged);
    return summary;
  }
  failpoint("rebuild-swap");
  if (Status swapped = swap_in(staged, options.db); !swapped) return swapped.error();
  failpoint("rebuild-swapped");
  live.clear();  // the old database, now at `staged`: its locks go, then it does
  if (Status removed = remove_own_folder(staged); !removed) return removed.error();
  return finish(std::move(summary), crawled, options.db, started);
}

}  // namespace cs::indexer
