#include "indexer/write/compaction.hpp"

#include <xapian.h>

#include <charconv>
#include <string>

#include "common/failpoint.hpp"
#include "common/schema.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// Xapian's compactor writes the new database here, inside the claimed compaction folder.
fs::path compacted_path(const fs::path& compact_folder) { return compact_folder / "db"; }

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
  const fs::path compact_folder = folder.path() / kCompactFolder;
  std::error_code ec;
  if (!fs::exists(compact_folder, ec)) return ok_status();
  const fs::path compacted = compacted_path(compact_folder);
  // The old tables went before the first new one came: without a version file in the
  // database, the compacted one is the database, part moved in.
  if (!fs::exists(folder.path() / "iamglass", ec) && fs::exists(compacted / "iamglass", ec)) {
    auto held = DbFolder::claim(compact_folder);
    if (!held) return held.error();
    if (Status moved = folder.finish_adoption(compacted); !moved) return moved;
  }
  return remove_own_folder(compact_folder);
}

Result<bool> compact_if_grown(DbFolder& folder, bool force) {
  const fs::path& db = folder.path();
  const std::uintmax_t bytes = database_bytes(db);
  const std::uintmax_t compacted_bytes = recorded_compacted_size(db);
  if (bytes == 0) return false;
  if (!force && compacted_bytes > 0 && static_cast<double>(bytes) <= kCompactGrowth * static_cast<double>(compacted_bytes)) {
    return false;
  }
  const fs::path compact_folder = db / kCompactFolder;
  if (Status removed = remove_own_folder(compact_folder); !removed) return removed.error();
  {
    auto held = DbFolder::claim(compact_folder);
    if (!held) return held.error();
    const fs::path compacted = compacted_path(compact_folder);
    try {
      Xapian::Database(db.string()).compact(compacted.string());
    } catch (const Xapian::Error& e) {
      return Error{ErrorKind::kDatabase, db.string(), "", "cannot compact the database (" + e.get_description() + ")",
                   "check free disk space (compacting needs about half the database's size again)"};
    }
    record_compacted_size(compacted);
    failpoint("compacted");
    if (Status adopted = folder.adopt_tables(compacted); !adopted) return adopted.error();
  }
  if (Status removed = remove_own_folder(compact_folder); !removed) return removed.error();
  return true;
}

}  // namespace cs::indexer
