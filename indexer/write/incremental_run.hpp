// The incremental run of one database (a single database, one shard, or one part of a
// parallel build): per file, unchanged (size and mtime) -> nothing; touched but the same
// content -> its state only; changed -> read, and each article whose hash changed is cleaned,
// analysed and written, articles gone are removed (unless another file still lists the id).
// After the crawl, files gone from walked folders lose their articles. Everything is written
// in batches, each one transaction, so a killed run keeps its last commit whole.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <vector>

#include "common/error.hpp"
#include "indexer/analyse/dictionary_trainer.hpp"
#include "indexer/analyse/stories.hpp"
#include "indexer/crawl.hpp"
#include "indexer/index_options.hpp"
#include "indexer/write/db_writer.hpp"

namespace cs::indexer {

// Indexes `entries` into `writer`'s database, whose file states say what earlier runs did;
// `folders` tells a file that is gone from one that was not looked at. `threads` analyse
// each batch; with more than one, the batch before is written meanwhile. Stories are
// assigned through `stories`, and passages and records compressed with `dictionaries`,
// which other databases of the run may share. Fails only when the database cannot be read
// or written.
Result<IndexSummary> run_incremental(const IndexOptions& options, const IndexReport& report, DbWriter& writer,
                                     SharedStories& stories, SharedDictionaries& dictionaries, unsigned threads,
                                     const std::vector<CrawlEntry>& entries, const CrawledFolders& folders);

// What a database's stored stories or file states could not be read gives.
Error unreadable_history(const std::filesystem::path& db, const Xapian::Error& e);

}  // namespace cs::indexer
