#include "searcher/retrieve/open_database.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <set>

#include "common/schema.hpp"

namespace cs::searcher {

namespace fs = std::filesystem;

namespace {

StemLanguages united_stem_languages(const Databases& databases) {
  try {
    std::set<std::string> languages;
    for (const Databases::Shard& shard : databases.shards) {
      if (!shard.db) continue;
      for (std::string& language : schema::split_list(shard.db->get_metadata(std::string(schema::kStemLanguagesKey)))) {
        languages.insert(std::move(language));
      }
    }
    return StemLanguages::read(databases.all, {languages.begin(), languages.end()});
  } catch (const Xapian::Error&) {
    return {};  // queries fall back to the analyzer's language; the search reports the error
  }
}

// The dictionaries are looked for in the shards that answer.
void find_dictionaries_in_answering(Databases& databases) {
  std::vector<Xapian::Database> answering;
  for (const Databases::Shard& shard : databases.shards) {
    if (shard.db) answering.push_back(*shard.db);
  }
  databases.dictionaries.reset(std::move(answering));
}

// Searches the shards that answer as one.
void unite_answering(Databases& databases) {
  databases.all = Xapian::Database();
  for (const Databases::Shard& shard : databases.shards) {
    if (shard.db) databases.all.add_database(*shard.db);
  }
  find_dictionaries_in_answering(databases);
}

// Whether `db` was written by this schema of cs-index; an error naming `path` if not.
Status check_schema(const Xapian::Database& db, const fs::path& path) {
  const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
  if (schema == schema::kSchemaVersion) return ok_status();
  if (schema.empty()) return database_error(path, "not a cs-search database", "run cs-index to build one, or pass --db DIR");
  // An older or newer cs-index wrote it: its layout is not the one this cs-search reads.
  return database_error(path,
                        "written by an incompatible cs-index (database schema " + schema + ", this cs-search reads " +
                            std::string(schema::kSchemaVersion) + ")",
                        "rebuild it with this cs-index: cs-index --rebuild --db " + path.string() + " FOLDER...");
}

// The error of a remote shard that does not answer, when that ends the search.
Error silent_shard_error(const Databases::Shard& shard, const ShardPolicy& policy) {
  return database_error(shard.listed_in, "remote shard " + shard.address.name + " does not answer (" + shard.failure + ")",
                        policy.strict ? "check that xapian-tcpsrv runs there, or leave out --strict-shards to answer from the other shards"
                                      : "check that xapian-tcpsrv runs at the address its stub file names");
}

// Which database lies at `path` now: the device and inode of the folder or stub file, with
// the inodes of its local shards' postlist tables folded in. A commit rewrites a table in
// place; a --rebuild swaps the folder, and a compaction (cs-index) or a parallel build's
// merge moves new tables in, which Xapian's reopen() would not see. Zeros when nothing is there.
std::pair<std::uintmax_t, std::uintmax_t> identity_of(const fs::path& path, const std::vector<Databases::Shard>& shards) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {0, 0};
  std::uintmax_t inodes = static_cast<std::uintmax_t>(info.st_ino);
  for (const Databases::Shard& shard : shards) {
    if (shard.listed_in != path || shard.address.remote()) continue;
    struct stat table {};
    const std::uintmax_t inode = ::stat((shard.address.path / "postlist.glass").c_str(), &table) == 0 ? table.st_ino : 0;
    inodes = inodes * 1000003u ^ inode;
  }
  return {static_cast<std::uintmax_t>(info.st_dev), inodes};
}

}  // namespace

Status Databases::catch_up() {
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (identity_of(paths[i], shards) == identities[i]) continue;
    // Another database now lies there: start over. One that cannot be opened yet (its
    // files being moved in by a compaction or a merge) leaves the old snapshot answering,
    // from the files it holds open; the next query tries again.
    if (auto fresh = open_databases(paths, policy)) *this = std::move(*fresh);
    return ok_status();
  }
  const auto now = std::chrono::steady_clock::now();
  if (shard_counts().partial() && now - last_retry >= kShardRetry) {
    last_retry = now;
    bool back = false;
    for (Shard& shard : shards) {
      if (shard.db) continue;
      try {
        Xapian::Database db = open_shard(shard.address, policy);
        if (check_schema(db, shard.listed_in)) {
          shard.db = std::move(db);
          shard.failure.clear();
          back = true;
        }
      } catch (const Xapian::Error& e) {
        shard.failure = e.get_msg();
      }
    }
    if (back) {
      unite_answering(*this);
      moved();
    }
  }
  return reopen();
}

Status Databases::leave_out_silent_shards(const std::string& what, const std::string& cause) {
  std::size_t left_out = 0;
  for (Shard& shard : shards) {
    if (!shard.db || !shard.address.remote()) continue;
    try {
      shard.db->keep_alive();  // a round trip, within the policy's timeout
    } catch (const Xapian::Error& e) {
      shard.failure = e.get_msg();
      if (policy.strict) return silent_shard_error(shard, policy);
      shard.db.reset();
      ++left_out;
      last_retry = std::chrono::steady_clock::now();  // tried again kShardRetry from now
    }
  }
  if (left_out == 0) {
    return database_error(names, what + " failed (" + cause + ")", "check that xapian-tcpsrv runs at the addresses the stub names");
  }
  const ShardCounts counts = shard_counts();
  if (counts.answered == 0) {
    return database_error(names, "no shard answers (" + counts.missing.front().name + ": " + counts.missing.front().reason + ")",
                          "check that xapian-tcpsrv runs at the addresses the stub names");
  }
  unite_answering(*this);
  moved();
  return ok_status();
}

bool Databases::remote() const {
  return std::any_of(shards.begin(), shards.end(),
                     [](const Shard& shard) { return shard.address.remote() && shard.db.has_value(); });
}

ShardCounts Databases::shard_counts() const {
  ShardCounts counts;
  counts.total = shards.size();
  for (const Shard& shard : shards) {
    if (shard.db) {
      ++counts.answered;
    } else {
      counts.missing.push_back({shard.address.name, shard.failure, shard.listed_in.string()});
    }
  }
  return counts;
}

Error database_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

void Databases::moved() {
  stem_languages = united_stem_languages(*this);
  spelling_words.reset();
  value_tables.forget();
  find_dictionaries_in_answering(*this);
}

Status Databases::reopen() {
  bool changed = false;
  try {
    changed = all.reopen();  // the shards' handles share its parts: they move too
  } catch (const Xapian::NetworkError& e) {
    if (Status left_out = leave_out_silent_shards("reopening", e.get_description()); !left_out) return left_out;
    changed = true;
  } catch (const Xapian::Error& e) {
    return database_error(names, "cannot reopen the database (" + e.get_description() + ")", "try again");
  }
  if (changed) moved();
  return ok_status();
}

Result<Databases> open_databases(const std::vector<fs::path>& paths, const ShardPolicy& policy) {
  Databases databases;
  databases.policy = policy;
  databases.last_retry = std::chrono::steady_clock::now();
  std::string names;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return database_error(path, "no database here", "run cs-index first, or pass --db DIR (or set CS_DB)");
    }
    auto addresses = shards_of(path);
    if (!addresses) return addresses.error();
    const std::size_t first = databases.shards.size();
    for (ShardAddress& address : *addresses) databases.shards.push_back(Databases::Shard{std::move(address), path, std::nullopt, ""});
    // Before opening: a database swapped in meanwhile is then opened again at the next catch_up.
    databases.paths.push_back(path);
    databases.identities.push_back(identity_of(path, databases.shards));
    for (std::size_t i = first; i < databases.shards.size(); ++i) {
      Databases::Shard& shard = databases.shards[i];
      const fs::path& named = shard.address.remote() ? path : shard.address.path;
      try {
        Xapian::Database db = open_shard(shard.address, policy);
        if (Status schema = check_schema(db, named); !schema) return schema.error();
        shard.db = std::move(db);
      } catch (const Xapian::NetworkError& e) {
        shard.failure = e.get_msg();
        if (policy.strict) return silent_shard_error(shard, policy);
      } catch (const Xapian::DatabaseCorruptError& e) {
        return database_error(named, "damaged database (" + e.get_msg() + ")", "rebuild it with cs-index --rebuild");
      } catch (const Xapian::DatabaseOpeningError& e) {
        return database_error(named, "not a cs-search database (" + e.get_msg() + ")",
                              "run cs-index first, or pass --db DIR (or set CS_DB)");
      } catch (const Xapian::Error& e) {
        return database_error(named, "cannot open database (" + e.get_description() + ")",
                              "check permissions; if they are right, the database is damaged: rebuild it with cs-index --rebuild");
      }
    }
    names += (names.empty() ? "" : ", ") + path.string();
  }
  databases.names = names;
  const ShardCounts counts = databases.shard_counts();
  if (counts.answered == 0) {
    if (counts.total == 1) return silent_shard_error(databases.shards.front(), policy);
    std::string which;
    for (const MissingShard& shard : counts.missing) which += (which.empty() ? "" : "; ") + shard.name + ": " + shard.reason;
    return database_error(databases.names, "none of its " + std::to_string(counts.total) + " shards answers (" + which + ")",
                          "check that xapian-tcpsrv runs at the addresses the stub names");
  }
  unite_answering(databases);
  databases.stem_languages = united_stem_languages(databases);
  return databases;
}

}  // namespace cs::searcher
