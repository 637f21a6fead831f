// Opens the databases one search reads as one Xapian::Database: database folders, sharded
// folders and Xapian stub files naming local and remote shards (xapian-tcpsrv). Xapian
// combines their statistics, so the ranking is that of one database holding them all.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <functional>
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

// Runs `read` (a search, an article's lookup), reopening `databases` and trying again when
// cs-index commits while it reads (DatabaseModifiedError), up to three times; other Xapian
// errors become kDatabase errors saying `what` failed ("search", "reading the article").
template <typename T>
Result<T> reopening_on_change(Databases& databases, const std::string& what, const std::function<Result<T>()>& read) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kAttempts) return database_error(databases.names, "database kept changing during the " + what, "try again");
      databases.reopen();
    } catch (const Xapian::Error& e) {
      return database_error(databases.names, what + " failed (" + e.get_description() + ")",
                            "check the database with cs-index");
    }
  }
}

}  // namespace cs::searcher
