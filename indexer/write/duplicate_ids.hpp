// The parts of a parallel build each replace an article id only among their own files, so
// two files of different parts that give the same id leave two documents of it. After the
// merge, the one a single-threaded run would keep stays: the article of the file latest in
// crawl order, which replaced the others as it was indexed.
#pragma once

#include <filesystem>
#include <functional>

#include "common/error.hpp"
#include "indexer/crawl.hpp"

namespace cs::indexer {

// Deletes from the database at `db` every document whose article id another document of a
// file later in `crawled` order holds, warning once for each (as a single-threaded run
// does). Returns the number deleted.
Result<std::size_t> drop_duplicate_ids(const std::filesystem::path& db, const Crawled& crawled,
                                       const std::function<void(const Error&)>& warn);

}  // namespace cs::indexer
