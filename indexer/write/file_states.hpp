// What each indexed file contributed, kept in the database's own metadata so that a re-run
// of cs-index reads only new and changed files, updates only the changed records of a
// multi-article file, and removes the articles of deleted files. The states are written in
// the same commit as the articles they describe, so a killed run never leaves them out of
// step: the next run re-reads whatever the last commit did not record.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/article.hpp"
#include "indexer/crawl.hpp"

namespace cs::indexer {

// A 128-bit XXH3 hash as 32 hex digits: of a file's bytes, or of an article's fields.
using ContentHash = std::string;
ContentHash hash_bytes(std::string_view bytes);
// Every field a reader fills in (id, title, body, date, ...): equal hashes mean the record
// would be indexed the same way, so it need not be written again.
ContentHash hash_article(const Article& article);

struct IndexedArticle {
  std::string id;
  ContentHash hash;
};

// How this cs-index reads and analyses files: what text, title, date, author, source and
// topics its readers and cleaning give a file (indexer/readers, indexer/clean), and the
// terms the analyzer makes of them (common/analyzer, the stemmers). Raise it with any change
// to them that a file already indexed would show: the next run then reads again every file
// an earlier version indexed, changed or not, and writes its articles again (the version is
// part of each article's hash). Without it, an upgrade that reads pages better reached only
// the files changed since, or --rebuild. A change to the stored layout raises the schema.
// 2: dates keep their offset; Korean particles.
// 3: newsdata.io's placeholders, paywall previews by what the page holds, the dates of a new
//    user's trial (Focus Taiwan, Anadolu, Kompas, Xinhua), titles that only name the site;
//    Turkish words (İ's dot, a name's suffix after its apostrophe); copies saved from web
//    archives; sibling sections of one story, the furniture, captions, sign-offs and bylines
//    of a new user's trial's pages.
inline constexpr std::uint32_t kReadingVersion = 3;

struct FileState {
  std::string path;            // absolute, as crawled
  std::uintmax_t size = 0;
  std::int64_t mtime_ns = 0;   // modification time, nanoseconds since the epoch
  ContentHash content;         // of the file's bytes
  std::vector<IndexedArticle> articles;  // in file order
  // The folder it was indexed under (absolute, as crawled), which its path-derived ids are
  // relative to; empty in states written before it was kept.
  std::string root;
  // The kReadingVersion it was read with; 0 in states written before it was kept.
  std::uint32_t reading = 0;
};

// The metadata key of a file's state. Keys are bounded like terms, so a long path is
// shortened to a prefix plus a hash of the whole (schema::boolean_term).
std::string file_state_key(std::string_view absolute_path);
std::string serialise_file_state(const FileState& state);
// Empty for a value this cs-index cannot read (written by a newer one, or damaged): the file
// is then treated as new and read again.
std::optional<FileState> parse_file_state(std::string_view serialised);

// Every file state in `db`, by path.
std::unordered_map<std::string, FileState> load_file_states(const Xapian::Database& db);

// The modification time of `path` in nanoseconds, or nullopt when it cannot be read.
std::optional<std::int64_t> modification_time_ns(const std::string& path);

// A file named on the command line ("cs-index data/notes/a.md") is read relative to its
// own folder, so its path-derived ids would change ("a.md" for "notes/a.md"), and with
// them every bookmark and judgment of its articles (a new user's trial). When `previous`
// (by absolute path) shows it indexed before under a folder that holds it, the entry takes
// that folder as its root again.
void keep_earlier_roots(std::vector<CrawlEntry>& entries, const std::unordered_map<std::string, FileState>& previous);

}  // namespace cs::indexer
