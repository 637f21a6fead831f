// Opens the databases one search reads as one Xapian::Database: database folders, sharded
// folders and Xapian stub files naming local and remote shards (xapian-tcpsrv), each shard
// on its own (shards.hpp). Xapian combines their statistics, so the ranking is that of one
// database holding them all; a remote shard that does not answer is left out of it.
#pragma once

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/stored_dictionaries.hpp"
#include "searcher/results.hpp"
#include "searcher/query/spelling.hpp"
#include "searcher/query/stem_languages.hpp"
#include "searcher/retrieve/shards.hpp"
#include "searcher/retrieve/value_table.hpp"

namespace cs::searcher {

struct Databases {
  // One database searched: a folder, or a line of a stub file.
  struct Shard {
    ShardAddress address;
    std::filesystem::path listed_in;     // the --db that named it
    std::optional<Xapian::Database> db;  // empty while it does not answer (remote shards only)
    std::string failure;                 // why it does not answer
  };

  Xapian::Database all;  // the shards that answer, searched as one
  std::vector<Shard> shards;
  ShardPolicy policy;
  std::filesystem::path names;  // for messages: the --db names, joined
  // The stemmers the articles were indexed with, united over the shards, and the articles
  // of each: read with the database revision (at open and reopen), not once per query.
  // Empty when unreadable.
  StemLanguages stem_languages;
  // The spelling table in memory, read at the first suggestion and dropped whenever the
  // databases move (a commit, a shard left out or back): empty until then.
  std::optional<SpellingWords> spelling_words;
  // The dictionaries passage texts and records are compressed with, read from the shards
  // that answer at the first frame that needs each, and forgotten whenever the databases
  // move.
  StoredDictionaries dictionaries;
  // Story and facet keys in memory for the counting passes, read at a session's second
  // count and forgotten whenever the databases move (value_table.hpp).
  ValueTables value_tables;

  // What each database was opened from, and which database was there then (the folder's
  // device and inode, and its tables'): a --rebuild swaps another folder in at the same
  // path, and a compaction moves new tables into it.
  std::vector<std::filesystem::path> paths;
  std::vector<std::pair<std::uintmax_t, std::uintmax_t>> identities;
  // When shards that did not answer were last tried again (catch_up).
  std::chrono::steady_clock::time_point last_retry;

  // After the databases moved: what was read with the old revision is read again.
  void moved();
  // Moves to the latest revision, after cs-index committed mid-search; a remote shard that
  // does not answer is left out (leave_out_silent_shards). Errors as catch_up's.
  Status reopen();
  // Before a query of a long batch or of the server: moves to the newest commit, opens anew
  // a database that --rebuild swapped in at the same path, and tries again the remote
  // shards that did not answer (at most every kShardRetry). A database that cannot be
  // opened now is a kDatabase error (the old one is kept).
  Status catch_up();
  // After a network error: asks each answering remote shard to answer within the policy's
  // timeout and leaves out those that do not. An error when the policy is strict, when
  // none answers any more, or when every one still answers (the error was something else:
  // `what` and `cause` describe it).
  Status leave_out_silent_shards(const std::string& what, const std::string& cause);
  // How many shards there are and which do not answer.
  ShardCounts shard_counts() const;
  // Whether a remote shard is among those that answer: Xapian then runs the match spies
  // on its server, which knows only Xapian's own.
  bool remote() const;
};

// Shards that did not answer are tried again this long after the last try (a query then
// waits up to --shard-timeout for each): often enough to notice a server that came back
// within a minute, seldom enough that a dead one costs a query now and then, not each.
inline constexpr std::chrono::seconds kShardRetry{30};

// Fails with kDatabase and a hint to run cs-index when one is missing or is not a
// cs-search database of this schema. A remote shard that does not answer is left out
// (Databases::shard_counts says which) unless the policy is strict or none answers.
Result<Databases> open_databases(const std::vector<std::filesystem::path>& paths, const ShardPolicy& policy = {});

// A kDatabase error about `path`.
Error database_error(const std::filesystem::path& path, std::string reason, std::string hint);

// Runs `read` (a search, an article's lookup), reopening `databases` and trying again when
// cs-index commits while it reads (DatabaseModifiedError), up to three times, and trying
// again without the remote shards that stopped answering (NetworkError; see
// Databases::leave_out_silent_shards); other Xapian errors become kDatabase errors saying
// `what` failed ("search", "reading the article") and that a rebuild mends a damaged one.
template <typename T>
Result<T> reopening_on_change(Databases& databases, const std::string& what, const std::function<Result<T>()>& read) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;;) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt++ == kAttempts) return database_error(databases.names, "database kept changing during the " + what, "try again");
      if (Status reopened = databases.reopen(); !reopened) return reopened.error();
    } catch (const Xapian::NetworkError& e) {
      // Each pass leaves out at least one shard, or ends: the loop ends.
      if (Status left_out = databases.leave_out_silent_shards(what, e.get_description()); !left_out) return left_out.error();
    } catch (const Xapian::Error& e) {
      return database_error(databases.names, what + " failed (" + e.get_description() + ")",
                            "if it fails again, the database is damaged: rebuild it with cs-index --rebuild");
    }
  }
}

}  // namespace cs::searcher
