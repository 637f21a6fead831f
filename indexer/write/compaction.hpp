// Keeps a database compact after every run. Xapian's B-trees written a batch at a time leave
// their blocks part empty, so a database built by commits is about 2.3 times the size of
// the same database compacted (10.8 MB of addresses: 46 MB against 20 MB). A run that leaves
// a database grown past kCompactGrowth times its size when last compacted (or never
// compacted) compacts it into DB.compact beside it and swaps the two folders in one step, as
// --rebuild does (a reader finds the old database or the new, always one); where the parent
// folder cannot be written, into DB/.compact, whose tables then replace the database's
// (DbFolder::adopt_tables: for a moment, no database). The next run clears or finishes what
// a killed one left.
#pragma once

#include <filesystem>
#include <memory>

#include "common/error.hpp"
#include "indexer/write/db_folder.hpp"

namespace cs::indexer {

inline constexpr const char* kCompactFolder = ".compact";
// Compacting costs about 0.03 s per MB of text (0.3 s for 10.8 MB); growth of a quarter
// over the compacted size bounds the database at 1.25 times it, compacting after a run that
// added about a tenth to the database.
inline constexpr double kCompactGrowth = 1.25;
// ... and by more than this: a commit adds a few blocks whatever it holds, a run's that
// changed nothing and the one that records the compacted size too. The four seed
// articles' database, recorded at 90 KB, was 115 KB after a run that changed nothing, and
// was compacted on every run.
inline constexpr std::uintmax_t kMinCompactGrowthBytes = 256 * 1024;

// What a compaction cut short left in `folder` (claimed): the compacted tables moved in when
// the old ones were already gone, else thrown away.
Status finish_killed_compaction(DbFolder& folder);

// Compacts the database in `folder` (claimed, no writer open on it; released by the call)
// when it has grown past kCompactGrowth times its size when last compacted, or whatever it
// grew with `force` (cs-index --compact). Returns whether it did; on an error the database
// stays as it was.
Result<bool> compact_if_grown(std::unique_ptr<DbFolder> folder, bool force);

// Records in the database just compacted or merged at `path` its size now, from which
// compact_if_grown measures growth. Not being able to is no error: the next run compacts.
void record_compacted_size(const std::filesystem::path& path);

// The bytes of Xapian's files in the database folder `path` (its tables).
std::uintmax_t database_bytes(const std::filesystem::path& path);

}  // namespace cs::indexer
