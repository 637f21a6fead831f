// Databases in parts: a sharded database, and the parts a parallel build merges.
//
// A sharded database is a folder holding shard-1 ... shard-N, each an ordinary cs-search
// database, and a Xapian stub file XAPIANDB naming them, so Xapian (cs-search, quest,
// delve) opens the folder as one database. A file's articles and its state always go to the
// shard its path hashes to, so each shard is updated incrementally on its own, and N
// indexing threads write N shards at once. Shards can be served by xapian-tcpsrv on other
// machines and searched together through a stub file of "remote HOST:PORT" lines.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/schema.hpp"

namespace cs::indexer {

using schema::kStubFile;  // the stub file naming the shards (schema.hpp)

// True for the name of a shard folder cs-index makes: "shard-" and a number.
bool is_shard_folder_name(std::string_view name);

// True when `db` is a folder with a stub file (a sharded database).
bool is_sharded(const std::filesystem::path& db);
// The shard folders a sharded database's stub names, in order; a kDatabase error when the
// stub names anything else (a remote server, a database outside the folder).
Result<std::vector<std::filesystem::path>> shard_paths(const std::filesystem::path& db);
// Makes `db`, a folder the caller has claimed (DbFolder) that holds no database yet, a
// sharded database: its stub names `shards` shard folders, created when first opened.
Result<std::vector<std::filesystem::path>> create_shards(const std::filesystem::path& db, std::size_t shards);

// The shard that holds the file at `relative_path` (below the folder indexed): a hash of that
// path, the same from run to run and wherever the folder lies, so that the same corpus is
// laid out, and ties are ranked, alike from any folder (a database sharded by the absolute
// path before moves each file once, on its next run).
std::size_t shard_of(const std::string& relative_path, std::size_t shards);

// Merges whole databases into a new compact one at `dest` (what xapian-compact does): the
// documents of each in turn, and their metadata joined: the lists of stemmers in use
// united, the spelling tables' counts summed.
Status merge_databases(const std::vector<std::filesystem::path>& parts, const std::filesystem::path& dest);

}  // namespace cs::indexer
