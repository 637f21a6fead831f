#include "indexer/write/compaction.hpp"

#include <xapian.h>

#include <charconv>
#include <memory>
#include <string>

#include "common/failpoint.hpp"
#include "common/schema.hpp"
#include "indexer/write/rebuild_swap.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// Xapian's compactor writes the new database here, inside the claimed compaction folder.
fs::path compacted_path(const fs::path& compact_folder) { return compact_folder / "db"; }

// The folder beside the database that a compaction writes and swaps in: DB.compact.
fs::path beside_path(const fs::path& db) { return fs::path(db.string() + kCompactFolder); }

// The size recorded at the last compaction; 0 when none is.
std::uintmax_t recorded_compacted_size(const fs::path& db) {
  try {
    const std::string text = Xapian::Database(db.string()).get_metadata(std::string(schema::kCompactedBytesKey));
    std::uintmax_t bytes = 0;
    std::from_chars(text.data(), text.data() + text.size(), bytes);
    return bytes;
  } catch (const Xapian::Error&) {
    return 0;
  }
}

}  // namespace

std::uintmax_t database_bytes(const fs::path& path) {
  std::uintmax_t bytes = 0;
  std::error_code ec;
  for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.ends_with(".glass") || name == "iamglass") bytes += it->file_size(ec);
  }
  return bytes;
}

void record_compacted_size(const fs::path& path) {
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(schema::kCompactedBytesKey), std::to_string(database_bytes(path)));
    db.commit();
  } catch (const Xapian::Error&) {
    // Unrecorded, the next run measures from zero and compacts again: slower, never wrong.
  }
}

Status finish_killed_compaction(DbFolder& folder) {
  // Beside: an unfinished copy, or the old database swapped out; the database is whole.
  const fs::path beside = beside_path(folder.path());
  if (const FolderKind kind = inspect_folder(beside); kind == FolderKind::kOurs || kind == FolderKind::kEmpty) {
    if (Status removed = remove_own_folder(beside); !removed) return removed;
  }
  // Inside: the old tables went before the first new one came, so without a version file
  // in the database the compacted one is the database, part moved in.
  const fs::path compact_folder = folder.path() / kCompactFolder;
  std::error_code ec;
  if (!fs::exists(compact_folder, ec)) return ok_status();
  const fs::path compacted = compacted_path(compact_folder);
  if (!fs::exists(folder.path() / "iamglass", ec) && fs::exists(compacted / "iamglass", ec)) {
    auto held = DbFolder::claim(compact_folder);
    if (!held) return held.error();
    if (Status moved = folder.finish_adoption(compacted); !moved) return moved;
  }
  return remove_own_folder(compact_folder);
}

namespace {

// Compacts the database at `db` into the claimed folder `into`, and records its size there.
Status compact_into(const fs::path& db, const fs::path& into) {
  try {
    Xapian::Database(db.string()).compact(into.string());
  } catch (const Xapian::Error& e) {
    const bool disk = std::string_view(e.get_type()) == "DatabaseError";
    return Error{ErrorKind::kDatabase, db.string(), "", "not compacted (" + e.get_description() + "); it stays as written, searchable",
                 disk ? "check free disk space (compacting needs about half the database's size again)"
                      : "run cs-index --rebuild if it persists"};
  }
  record_compacted_size(into);
  return ok_status();
}

// Beside the database, then swapped in whole (as --rebuild does): a reader finds the old
// database or the new one, never none.
Result<bool> compact_beside(std::unique_ptr<DbFolder> folder) {
  const fs::path db = folder->path();
  const fs::path beside = beside_path(db);
  {
    auto held = DbFolder::claim(beside);
    if (!held) return held.error();
    Status done = compact_into(db, beside);
    if (done) failpoint("compacted");
    if (done) done = swap_in(beside, db);
    if (!done) {
      held->reset();
      remove_own_folder(beside);  // what it wrote: the database stays as it was
      return done.error();
    }
    failpoint("compaction-swapped");
  }
  folder.reset();  // its lock is the old database's, now at `beside`
  if (Status removed = remove_own_folder(beside); !removed) return removed.error();
  return true;
}

// Inside the database folder, its files then moved in (DbFolder::adopt_tables), for a
// database whose parent folder cannot be written.
Result<bool> compact_inside(DbFolder& folder) {
  const fs::path compact_folder = folder.path() / kCompactFolder;
  if (Status removed = remove_own_folder(compact_folder); !removed) return removed.error();
  {
    auto held = DbFolder::claim(compact_folder);
    if (!held) return held.error();
    const fs::path compacted = compacted_path(compact_folder);
    if (Status done = compact_into(folder.path(), compacted); !done) {
      held->reset();
      remove_own_folder(compact_folder);
      return done.error();
    }
    failpoint("compacted");
    if (Status adopted = folder.adopt_tables(compacted); !adopted) return adopted.error();
  }
  if (Status removed = remove_own_folder(compact_folder); !removed) return removed.error();
  return true;
}

}  // namespace

Result<bool> compact_if_grown(std::unique_ptr<DbFolder> folder, bool force) {
  const fs::path db = folder->path();
  const std::uintmax_t bytes = database_bytes(db);
  const std::uintmax_t compacted_bytes = recorded_compacted_size(db);
  if (bytes == 0) return false;
  const bool grown = static_cast<double>(bytes) > kCompactGrowth * static_cast<double>(compacted_bytes) &&
                     bytes > compacted_bytes + kMinCompactGrowthBytes;
  if (!force && compacted_bytes > 0 && !grown) return false;
  const FolderKind beside = inspect_folder(beside_path(db));
  const bool room = check_rebuild_room(db) && (beside == FolderKind::kMissing || beside == FolderKind::kOurs ||
                                               beside == FolderKind::kEmpty);
  if (room && remove_own_folder(beside_path(db))) return compact_beside(std::move(folder));
  return compact_inside(*folder);
}

}  // namespace cs::indexer
