#include "indexer/write/db_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "common/failpoint.hpp"
#include "common/schema.hpp"
#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarkerText =
    "This folder is a cs-search database, created by cs-index.\n"
    "cs-index may rebuild, replace or delete what it holds; it never touches a folder without this file.\n";

Error folder_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

// The files Xapian's glass backend keeps in a database folder.
bool is_xapian_file(const std::string& name) {
  return name.starts_with("iamglass") || name.ends_with(".glass") || name == "flintlock";
}

// A database written by a cs-index from before the marker: only Xapian's files and the pid
// file, and cs-index's schema key in its metadata.
bool is_unmarked_single_database(const fs::path& path) {
  std::error_code ec;
  bool has_version = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kWriterPidFile) continue;
    if (!is_xapian_file(name) || !entry.is_regular_file(ec)) return false;
    has_version = has_version || name == "iamglass";
  }
  if (ec || !has_version) return false;
  try {
    return !Xapian::Database(path.string()).get_metadata(std::string(schema::kSchemaVersionKey)).empty();
  } catch (const Xapian::Error&) {
    return false;
  }
}

// The same for a sharded one: its stub, the pid file and shard folders that pass the above.
bool is_unmarked_sharded_database(const fs::path& path) {
  std::error_code ec;
  bool has_shard = false;
  for (const fs::directory_entry& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    if (name == kStubFile || name == kWriterPidFile) continue;
    if (!is_shard_folder_name(name) || !entry.is_directory(ec)) return false;
    const FolderKind shard = inspect_folder(entry.path());
    if (shard != FolderKind::kOurs && shard != FolderKind::kOursBeforeMarker) return false;
    has_shard = true;
  }
  return !ec && has_shard;
}

// The pid in the folder's pid file when that process is still running, else 0 (the file is
// left behind by a killed cs-index).
long running_writer_pid(const fs::path& path) {
  std::ifstream in(path / kWriterPidFile);
  long pid = 0;
  if (!(in >> pid) || pid <= 0) return 0;
  return (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) ? pid : 0;
}

Status write_marker(const fs::path& path) {
  std::ofstream out(path / kDatabaseMarker, std::ios::trunc);
  out << kMarkerText;
  out.close();
  if (!out) return folder_error(path, "cannot write its marker file " + std::string(kDatabaseMarker), "check free disk space");
  return ok_status();
}

}  // namespace

FolderKind inspect_folder(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (status.type() == fs::file_type::not_found) return FolderKind::kMissing;
  if (ec) return FolderKind::kUnreadable;
  if (!fs::is_directory(status)) return FolderKind::kNotAFolder;
  if (fs::is_regular_file(path / kDatabaseMarker, ec)) return FolderKind::kOurs;
  bool empty = true, xapian = false;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    empty = false;
    const std::string name = it->path().filename().string();
    xapian = xapian || name == "iamglass" || name == kStubFile;
  }
  if (ec) return FolderKind::kUnreadable;
  if (empty) return FolderKind::kEmpty;
  if (!xapian) return FolderKind::kForeign;
  if (is_unmarked_single_database(path) || is_unmarked_sharded_database(path)) return FolderKind::kOursBeforeMarker;
  return FolderKind::kForeignDatabase;
}

Error refusal(const fs::path& path, FolderKind kind) {
  const std::string never = "cs-index never writes to, rebuilds or deletes a folder it did not create; "
                            "pass --db with a new or empty folder";
  switch (kind) {
    case FolderKind::kForeignDatabase:
      return folder_error(path, "holds a Xapian database not written by cs-index (or a damaged one)", never);
    case FolderKind::kNotAFolder:
      return folder_error(path, "is a file, not a database folder", "pass --db with a folder path");
    case FolderKind::kUnreadable:
      return folder_error(path, "cannot be looked at", "check the permissions of it and its parent folders");
    default:
      return folder_error(path, "folder is not a cs-search database: it holds files cs-index did not make", never);
  }
}

Result<std::unique_ptr<DbFolder>> DbFolder::claim(const fs::path& path) {
  const FolderKind kind = inspect_folder(path);
  if (kind == FolderKind::kMissing) {
    std::error_code ec;
    fs::create_directories(path, ec);
    if (ec) {
      return folder_error(path, "cannot create database folder (" + ec.message() + ")",
                          "check the permissions of its parent folder, or pass --db DIR");
    }
  } else if (kind != FolderKind::kEmpty && kind != FolderKind::kOurs && kind != FolderKind::kOursBeforeMarker) {
    return refusal(path, kind);
  }
  if (::access(path.c_str(), W_OK) != 0) {
    return folder_error(path, "database folder is read-only", "check its permissions, or pass --db DIR to write elsewhere");
  }
  if (kind != FolderKind::kOurs) {
    if (Status marked = write_marker(path); !marked) return marked.error();
  }
  const int fd = ::open((path / kDatabaseMarker).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return folder_error(path, "cannot open its marker file (" + std::string(std::strerror(errno)) + ")", "check permissions");
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    const long pid = running_writer_pid(path);
    return Error{ErrorKind::kLocked, path.string(), "",
                 pid > 0 ? "database is being indexed by another cs-index, pid " + std::to_string(pid)
                         : "database is locked by another cs-index",
                 "wait for it to finish, or pass --db DIR to write elsewhere"};
  }
  // Only the lock holder writes this file, so a second writer reads the first one's pid.
  std::ofstream(path / kWriterPidFile, std::ios::trunc) << ::getpid() << '\n';
  return std::unique_ptr<DbFolder>(new DbFolder(path, fd));
}

Status DbFolder::take_xapian_lock() {
  std::error_code ec;
  if (!fs::exists(path_ / "iamglass", ec)) return ok_status();
  try {
    xapian_lock_ = std::make_unique<Xapian::WritableDatabase>(path_.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    return locked_by_another_xapian_writer(path_);
  } catch (const Xapian::Error&) {
    // Damaged: nothing is writing it, and the rebuild replaces it.
  }
  return ok_status();
}

DbFolder::~DbFolder() {
  if (xapian_lock_) {
    try {
      xapian_lock_->close();
    } catch (const Xapian::Error&) {
      // Nothing was written through it.
    }
  }
  std::error_code ec;
  fs::remove(path_ / kWriterPidFile, ec);  // before the lock goes, so it never names a stranger
  ::close(lock_fd_);
}

Status DbFolder::clear_tables() {
  std::error_code ec;
  // The version file first: a run killed midway leaves no database rather than a damaged one.
  fs::remove(path_ / "iamglass", ec);
  for (fs::directory_iterator it(path_, ec), end; !ec && it != end; it.increment(ec)) {
    if (is_xapian_file(it->path().filename().string())) fs::remove(it->path(), ec);
    if (ec) break;
  }
  if (ec) return folder_error(path_, "cannot clear an unfinished build (" + ec.message() + ")", "check permissions");
  return ok_status();
}

Status DbFolder::adopt_tables(const fs::path& built) {
  if (Status cleared = clear_tables(); !cleared) return cleared;
  return finish_adoption(built);
}

Status DbFolder::finish_adoption(const fs::path& built) {
  std::error_code ec;
  for (fs::directory_iterator it(built, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != "iamglass" && is_xapian_file(name)) fs::rename(it->path(), path_ / name, ec);
    if (ec) break;
  }
  failpoint("adopt-tables");
  if (!ec) fs::rename(built / "iamglass", path_ / "iamglass", ec);
  if (ec) return folder_error(path_, "cannot move the new database into place (" + ec.message() + ")", "check permissions");
  return ok_status();
}

Error locked_by_another_xapian_writer(const fs::path& path) {
  return Error{ErrorKind::kLocked, path.string(), "", "database is locked by another Xapian writer",
               "wait for it to finish, or pass --db DIR to write elsewhere"};
}

Status remove_own_folder(const fs::path& path) {
  const FolderKind kind = inspect_folder(path);
  if (kind == FolderKind::kMissing) return ok_status();
  if (kind == FolderKind::kEmpty) {  // a claim killed before its marker: nothing of anyone's in it
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) return folder_error(path, "cannot delete (" + ec.message() + ")", "check permissions, then delete it by hand");
    return ok_status();
  }
  if (kind != FolderKind::kOurs && kind != FolderKind::kOursBeforeMarker) {
    Error refused = refusal(path, kind);
    refused.hint = "cs-index uses this name for its own work and did not make this folder; move or delete it, then "
                   "run cs-index again";
    return refused;
  }
  // Claimed (locked) while deleting, so a folder another cs-index is still working in is left alone.
  auto held = DbFolder::claim(path);
  if (!held) return held.error();
  // Everything but the marker first: a deletion cut short leaves a folder still marked ours.
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().filename() != kDatabaseMarker) fs::remove_all(it->path(), ec);
    if (ec) break;
  }
  if (!ec) fs::remove(path / kDatabaseMarker, ec);
  if (!ec) fs::remove(path, ec);
  if (ec) return folder_error(path, "cannot delete (" + ec.message() + ")", "check permissions, then delete it by hand");
  return ok_status();
}

fs::path normal_db_path(const fs::path& given) {
  fs::path path = given.lexically_normal();
  if (!path.has_filename()) path = path.parent_path();  // "db/" names the folder "db"
  if (path.empty() || path.filename() == "." || path.filename() == "..") {
    path = fs::absolute(path.empty() ? fs::path(".") : path).lexically_normal();
    if (!path.has_filename()) path = path.parent_path();
  }
  return path;
}

bool holds_only_marker(const fs::path& path) {
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name != kDatabaseMarker && name != kWriterPidFile) return false;
  }
  return !ec;
}

}  // namespace cs::indexer
