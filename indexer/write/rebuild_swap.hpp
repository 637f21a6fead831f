// What --rebuild asks of the file system: room beside the database for the new one, the old
// one's shards claimed with it, and the new folder swapped in for the old in one step.
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "indexer/write/db_folder.hpp"

namespace cs::indexer {

// A rebuild writes the new database beside the old one, then swaps the two folders: it
// needs to write in the database's parent folder, which a service's database may not have,
// and the database folder must not be a mount point.
Status check_rebuild_room(const std::filesystem::path& db);

// Claims the database at `db`, when there is one, with its Xapian lock and, when it is
// sharded, its shards too (so a cs-index pointed at one shard waits for a rebuild of the
// whole), into `claimed`: no other cs-index writes to it until the swap. Refuses a folder
// cs-index did not make. Returns how many shards it has (1 when single or missing).
Result<std::size_t> claim_live(const std::filesystem::path& db, std::vector<std::unique_ptr<DbFolder>>& claimed);

// Puts the folder `staged` at `live` in one step: an atomic exchange where the file system
// supports it (the old database then sits at `staged`, to be deleted), else two renames
// with a moment between them in which `live` does not exist.
Status swap_in(const std::filesystem::path& staged, const std::filesystem::path& live);

}  // namespace cs::indexer
