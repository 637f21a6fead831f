// What makes a folder a cs-search database, and the only code that may create, claim, clear
// or delete one. cs-index writes its marker file into every database folder it creates,
// before anything else; a folder without it (another program's Xapian database, a folder
// of someone's files) is never written to, cleared, swapped or deleted, whatever the options.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>

#include "common/error.hpp"

namespace cs::indexer {

// The marker: its presence says "cs-index made this folder and may rebuild or delete it".
inline constexpr const char* kDatabaseMarker = "cs-search-database";
// The file in a database folder that names the cs-index process writing it, for the
// "locked" message of a second writer.
inline constexpr const char* kWriterPidFile = "cs-index.pid";

// What a path holds, seen without changing anything.
enum class FolderKind {
  kMissing,           // nothing there: cs-index may create it
  kEmpty,             // an empty folder: cs-index may take it
  kOurs,              // a folder with the marker
  kOursBeforeMarker,  // a database an earlier cs-index wrote (only its files; its schema key)
  kForeignDatabase,   // a Xapian database (or stub) that cs-index did not write, or a damaged one
  kForeign,           // a folder holding anything else
  kNotAFolder,        // a file
  kUnreadable,        // a path or folder that cannot be looked at
};
FolderKind inspect_folder(const std::filesystem::path& path);

// The one-line refusal, naming what was found, for a path cs-index must not write to or
// delete (any kind but kMissing, kEmpty, kOurs and kOursBeforeMarker).
Error refusal(const std::filesystem::path& path, FolderKind kind);

// A database folder held by this process: created or taken with the marker, and locked
// (an advisory lock on the marker, held until destruction), so one cs-index at a time
// writes, clears or swaps it, even while Xapian's own lock is released during a merge.
class DbFolder {
 public:
  // Claims `path`: creates it (and its parents) with the marker when missing or empty,
  // marks a database an earlier cs-index wrote, and refuses anything else (kDatabase,
  // naming what was found). kLocked when another cs-index holds it, naming its pid.
  static Result<std::unique_ptr<DbFolder>> claim(const std::filesystem::path& path);
  ~DbFolder();
  DbFolder(const DbFolder&) = delete;
  DbFolder& operator=(const DbFolder&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Also takes Xapian's own lock of the database in the folder, as any Xapian writer does,
  // so a rebuild refuses (kLocked) to swap away a database another program is writing. A
  // database that cannot be opened (damaged) has no writer to wait for.
  Status take_xapian_lock();
  // Deletes Xapian's table files (and nothing else: the marker, the lock, subfolders stay),
  // so a database can be written anew in place.
  Status clear_tables();
  // Replaces the folder's database with the one built at `built` (on the same file system),
  // by moving its files in, the version file last: a reader, or a run killed midway, finds
  // the new database or none, never a mix of two.
  Status adopt_tables(const std::filesystem::path& built);
  // The moving half of adopt_tables, for a run killed during it (the old tables already
  // gone, some of `built`'s moved in): moves in what is left of `built`, the version file last.
  Status finish_adoption(const std::filesystem::path& built);

 private:
  DbFolder(std::filesystem::path path, int lock_fd) : path_(std::move(path)), lock_fd_(lock_fd) {}
  std::filesystem::path path_;
  int lock_fd_;
  std::unique_ptr<Xapian::WritableDatabase> xapian_lock_;
};

// The kLocked error for a database whose Xapian lock another program holds.
Error locked_by_another_xapian_writer(const std::filesystem::path& path);

// Deletes `path` and everything in it only when it carries the marker (or is a database an
// earlier cs-index wrote) and no other cs-index holds it, the marker last; nothing there,
// or an empty folder (a claim killed before it wrote the marker), is fine. Refuses,
// deleting nothing, otherwise.
Status remove_own_folder(const std::filesystem::path& path);

// `given` with "." and ".." resolved and no trailing separator, so that the names made
// beside it (DB.rebuild) lie beside it, not inside: "db/" is "db", "." is the absolute path.
std::filesystem::path normal_db_path(const std::filesystem::path& given);

// True when every entry of `path` is the marker or the pid file (a claimed folder that holds
// no database yet).
bool holds_only_marker(const std::filesystem::path& path);

}  // namespace cs::indexer
