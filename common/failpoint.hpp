// Failpoints: named places in the programs where a test makes the process die, stop or throw
// the N-th time it gets there, so crash safety and error paths are tested without racing a
// timer (tantivy's failpoints, in small).
//
//   CS_FAILPOINT=NAME:N[:ACTION][,NAME:N[:ACTION]...]
//
// N counts from 1, over every thread of the process. ACTION is one of
//   kill          (the default) SIGKILL the process, as a crash or `kill -9` would
//   pause         stop the process with SIGSTOP, as ^Z would: the parent sees it stopped
//                 (waitpid with WUNTRACED) and lets it go on with SIGCONT
//   throw-xapian  throw Xapian::DatabaseError
//   throw-std     throw std::bad_alloc
//   throw-fs      throw std::filesystem::filesystem_error
//   throw-icu     throw what the analyzer throws when ICU's data is missing
// The variable is read once, the first time any point is reached; when it is unset a point
// costs one branch. A malformed value throws std::invalid_argument at the first point.
//
// The points:
//   commit              cs-index, after a batch's commit (DbWriter::commit)
//   merged              cs-index, a parallel build's parts complete and merged, before the
//                       merged tables are moved into the database folder
//   compacted           cs-index, a database compacted after a run, before the compacted
//                       copy is swapped in (or its tables moved in)
//   compaction-swapped  cs-index, the compacted copy swapped in, the old database not yet
//                       deleted
//   adopt-tables        cs-index, the merged or compacted tables moved in but the version
//                       file not yet
//   rebuild-swap        cs-index --rebuild, the new database complete, before the swap
//   rebuild-swapped     cs-index --rebuild, swapped in, the old database not yet deleted
//   read-file           cs-index, before a file is read (its reader may run out of memory)
//   worker-thread       either program, as each worker thread of run_on_threads starts
//   open-database       cs-search, before the databases are opened
//   query               cs-search, before each query is answered
#pragma once

#include <string_view>

namespace cs {

// Does what CS_FAILPOINT asks for at the point `name`, when it asks for anything.
void failpoint(std::string_view name);

}  // namespace cs
