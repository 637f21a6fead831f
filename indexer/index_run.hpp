// One cs-index run: crawl the roots, read each file with its reader, split articles into
// passages and write them, reporting every bad file and counting what happened.
#pragma once

#include <filesystem>
#include <functional>
#include <vector>

#include "common/error.hpp"

namespace cs::indexer {

struct IndexOptions {
  std::vector<std::filesystem::path> roots;
  std::filesystem::path db;
  std::uintmax_t max_file_bytes = 64ull << 20;  // larger files are skipped with a warning
  std::size_t batch_bytes = 8u << 20;          // text per commit; see db_writer.hpp
};

struct IndexSummary {
  std::size_t files = 0;     // files found
  std::size_t indexed = 0;   // files that gave at least one article
  std::size_t skipped = 0;   // bad files: unreadable, binary, too large, no text, unsupported when named
  std::size_t ignored = 0;   // files in folders whose type is not an article format (.png, .pdf)
  std::size_t articles = 0;
  std::size_t passages = 0;
  std::size_t repeated_lines = 0;  // paragraphs dropped as chrome repeated across a source's articles
  std::uintmax_t bytes = 0;  // input bytes read
  std::size_t unreadable_paths = 0;  // named paths or folders that do not exist or cannot be read
  std::uint64_t db_passages = 0;  // passages in the database after the run
  double seconds = 0;
};

// Fails only when the run itself cannot go on (database locked, unwritable, ...); bad input
// goes to `warn` and is counted, and the rest still indexes.
Result<IndexSummary> run_index(const IndexOptions& options, const std::function<void(const Error&)>& warn);

}  // namespace cs::indexer
