// Opens the databases one search reads as one Xapian::Database: database folders, sharded
// folders and Xapian stub files naming local and remote shards (xapian-tcpsrv). Xapian
// combines their statistics, so the ranking is that of one database holding them all.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "searcher/query/stem_languages.hpp"

namespace cs::searcher {

struct Databases {
  Xapian::Database all;                  // searched
  std::vector<Xapian::Database> parts;   // each as named, for its metadata
  std::filesystem::path names;           // for messages: the names, joined
  // The stemmers the articles were indexed with, united over the parts, and the articles of
  // each: read with the database revision (at open and reopen), not once per query. Empty
  // when unreadable.
  StemLanguages stem_languages;

  // What each database was opened from, and which file or folder was there then (device
  // and inode): a --rebuild swaps another folder in at the same path.
  std::vector<std::filesystem::path> paths;
  std::vector<std::pair<std::uintmax_t, std::uintmax_t>> identities;

  // Moves to the latest revision, after cs-index committed mid-search.
  void reopen();
  // Before a query of a long batch: moves to the newest commit, and opens anew a database
  // that --rebuild swapped in at the same path, so later queries see what was indexed since.
  // A database that cannot be opened now is a kDatabase error (the old one is kept).
  Status catch_up();
};

// Fails with kDatabase and a hint to run cs-index when one is missing or is not a
// cs-search database of this schema, or a remote shard cannot be reached.
Result<Databases> open_databases(const std::vector<std::filesystem::path>& paths);

// A kDatabase error about `path`.
Error database_error(const std::filesystem::path& path, std::string reason, std::string hint);

}  // namespace cs::searcher
