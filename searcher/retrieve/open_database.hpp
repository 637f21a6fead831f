// Opens the databases one search reads as one Xapian::Database: database folders, sharded
// folders and Xapian stub files naming local and remote shards (xapian-tcpsrv). Xapian
// combines their statistics, so the ranking is that of one database holding them all.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>
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

  // Moves to the latest revision, after cs-index committed mid-search.
  void reopen();
};

// Fails with kDatabase and a hint to run cs-index when one is missing or is not a
// cs-search database of this schema, or a remote shard cannot be reached.
Result<Databases> open_databases(const std::vector<std::filesystem::path>& paths);

// A kDatabase error about `path`.
Error database_error(const std::filesystem::path& path, std::string reason, std::string hint);

}  // namespace cs::searcher
