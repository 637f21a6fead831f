#include "indexer/write/rebuild_swap.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

Error swap_error(const fs::path& db, const std::string& what) {
  return Error{ErrorKind::kIo, db.string(), "", what + " (" + std::strerror(errno) + ")",
               "the old database is unchanged; check permissions and run cs-index --rebuild again"};
}

// Claims the shards of the sharded database `db` too, so a cs-index pointed at one shard
// waits for a rebuild of the whole.
Status claim_shards(const fs::path& db, std::vector<std::unique_ptr<DbFolder>>& claimed) {
  auto paths = shard_paths(db);
  if (!paths) return paths.error();
  for (const fs::path& path : *paths) {
    auto shard = DbFolder::claim(path);
    if (!shard) return shard.error();
    if (Status locked = (*shard)->take_xapian_lock(); !locked) return locked;
    claimed.push_back(std::move(*shard));
  }
  return ok_status();
}

}  // namespace

Status check_rebuild_room(const fs::path& db) {
  const fs::path parent = fs::absolute(db).parent_path();
  if (::access(parent.c_str(), W_OK) != 0) {
    return Error{ErrorKind::kDatabase, db.string(), "",
                 "--rebuild writes the new database beside this one, in " + parent.string() + ", and cannot (" +
                     std::strerror(errno) + ")",
                 "make that folder writable for this user, or index into a new --db; cs-index without --rebuild "
                 "needs only the database folder"};
  }
  struct stat folder_stat {}, parent_stat {};
  if (::stat(db.c_str(), &folder_stat) == 0 && ::stat(parent.c_str(), &parent_stat) == 0 &&
      folder_stat.st_dev != parent_stat.st_dev) {
    return Error{ErrorKind::kDatabase, db.string(), "",
                 "is a mount point, and --rebuild swaps the database folder with a new one beside it",
                 "index into a folder inside it (--db " + (db / "db").string() + ")"};
  }
  return ok_status();
}

Result<std::size_t> claim_live(const fs::path& db, std::vector<std::unique_ptr<DbFolder>>& claimed) {
  std::size_t shards = 1;
  if (inspect_folder(db) != FolderKind::kMissing) {
    auto folder = DbFolder::claim(db);
    if (!folder) return folder.error();
    if (Status locked = (*folder)->take_xapian_lock(); !locked) return locked.error();
    claimed.push_back(std::move(*folder));
    if (is_sharded(db)) {
      if (Status shards_claimed = claim_shards(db, claimed); !shards_claimed) return shards_claimed.error();
      shards = claimed.size() - 1;
    }
  }
  return shards;
}

Status swap_in(const fs::path& staged, const fs::path& live) {
  if (::renameat2(AT_FDCWD, staged.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) == 0) return ok_status();
  if (errno == ENOENT && ::access(live.c_str(), F_OK) != 0) {
    if (::rename(staged.c_str(), live.c_str()) == 0) return ok_status();
    return swap_error(live, "cannot move the rebuilt database into place");
  }
  if (errno != EINVAL && errno != ENOSYS) return swap_error(live, "cannot swap in the rebuilt database");
  const fs::path old = live.string() + ".old";
  if (Status cleared = remove_own_folder(old); !cleared) return cleared;
  if (::rename(live.c_str(), old.c_str()) != 0) return swap_error(live, "cannot move the old database aside");
  if (::rename(staged.c_str(), live.c_str()) != 0) {
    const Error error = swap_error(live, "cannot move the rebuilt database into place");
    ::rename(old.c_str(), live.c_str());
    return error;
  }
  if (::rename(old.c_str(), staged.c_str()) != 0) return remove_own_folder(old);
  return ok_status();
}

}  // namespace cs::indexer
