// What a cs-index run is given (the roots, the database, the limits) and what it gives back:
// its summary, and the report it calls with every bad file, its progress and each file done.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace cs::indexer {

struct IndexOptions {
  std::vector<std::filesystem::path> roots;
  std::filesystem::path db;
  std::uintmax_t max_file_bytes = 64ull << 20;  // larger files are skipped with a warning
  // Longer article text is cut (at a paragraph or word boundary) with a warning: it bounds
  // the memory one article takes while it is analysed (a 10 MB line of text otherwise
  // needs ~30x its size), and no news article comes near it.
  std::size_t max_article_bytes = 2u << 20;
  // Text per commit: bounds the memory of the pending batch and of Xapian's own buffers, and
  // is the most a killed run can lose.
  // Measured on the State of the Union corpus, when each passage was a document (schema 4;
  // not measured again since): 1 MB batches index faster than 8 MB ones
  // and hold a quarter of the memory (Xapian's pending changes grow with the batch).
  // 0.5 MB holds less again (--jobs 2: 93 against 154 MB at 1x, 186 against 258 MB at
  // 100x) but commits twice as often, which costs more as the database grows: as fast at
  // 1x, 12% slower at 100x (640 against 569 s).
  std::size_t batch_bytes = 1u << 20;
  // Threads indexing at once (0: one per core). A first run, or a rebuild, of a single
  // database with several threads builds it in parts and merges them (compacted); shards
  // are written a thread each. Later runs of a single database analyse each batch on all
  // of them while the batch before is written (analyse/article_analysis.hpp,
  // write/background_writer.hpp).
  unsigned jobs = 0;
  // Shard databases (write/shards.hpp): 0 keeps the database's layout, a new one being single.
  std::size_t shards = 0;
  // Compact the database after the run whatever it grew by (cs-index --compact); without it,
  // only past kCompactGrowth (write/compaction.hpp).
  bool compact = false;
};

struct IndexSummary {
  std::size_t files = 0;      // files found
  std::size_t read = 0;       // new or changed files read that gave at least one article
  std::size_t unchanged_files = 0;  // files indexed before and unchanged since (not read again)
  std::size_t reread = 0;     // files indexed before by an earlier reading (kReadingVersion), read again
  std::size_t skipped = 0;    // bad files: unreadable, binary, too large, no text, unsupported when named
  std::size_t ignored = 0;    // files in folders whose type is not an article format (.png, .pdf)
  // Articles: new to the database, replaced, deleted (their file or record is gone), and
  // left as they were (their file or record did not change).
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t removed = 0;
  std::size_t unchanged = 0;
  std::size_t passages = 0;   // passages written
  std::size_t repeated_lines = 0;  // paragraphs dropped as chrome repeated across a source's articles
  std::uintmax_t bytes = 0;   // input bytes read
  std::size_t unreadable_paths = 0;  // named paths or folders that do not exist or cannot be read
  std::uint64_t db_articles = 0;  // articles in the database after the run
  double seconds = 0;
  // When the run compacted the database (or its shards): its size before and after.
  std::uintmax_t bytes_before_compaction = 0;
  std::uintmax_t bytes_compacted = 0;
};

// Where the run is, after each file: for progress displays.
struct IndexProgress {
  std::size_t files_done = 0;
  std::size_t files_total = 0;
  std::uintmax_t bytes_done = 0;   // of the files' sizes, read or not
  std::uintmax_t bytes_total = 0;
};

struct IndexReport {
  // Bad input, one Error per file or record; the run goes on.
  std::function<void(const Error&)> warn;
  // Called after each file (may be empty).
  std::function<void(const IndexProgress&)> progress;
  // What happened to each file that changed: "added", "updated", "removed" and its path
  // (may be empty; cs-index --verbose prints it).
  std::function<void(std::string_view action, const std::string& path, std::size_t articles)> file_done;
  // An article whose text is confidently in another language than the one it declares, so
  // it was indexed in the detected one (may be empty; cs-index --verbose prints it).
  std::function<void(const std::string& path, const std::string& declared, const std::string& detected)>
      language_overridden;
  // A line left out of `articles` articles of `source` as the site's own (repeated_lines.hpp),
  // once a batch of files (may be empty; cs-index --verbose prints it).
  std::function<void(const std::string& source, const std::string& line, std::size_t articles)> site_line_dropped;
};

}  // namespace cs::indexer
