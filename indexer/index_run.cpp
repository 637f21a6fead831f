#include "indexer/index_run.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "indexer/analyse/article_analysis.hpp"
#include "indexer/analyse/stories.hpp"
#include "indexer/clean/repeated_lines.hpp"
#include "indexer/crawl.hpp"
#include "indexer/readers/reader_registry.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/db_writer.hpp"
#include "indexer/write/file_states.hpp"
#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || !in.is_open()) return Error{ErrorKind::kIo, path.string(), "", "cannot read file", "check permissions"};
  return bytes;
}

// "3 MB", or "200 KB" under a megabyte.
std::string megabytes(std::uintmax_t bytes) {
  if (bytes < (1u << 20)) return std::to_string((bytes + 512) >> 10) + " KB";
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

// Cuts `body` to at most `limit` bytes: at the last paragraph break in its second half, else
// at the last space, else at a UTF-8 character boundary.
void cut_body(std::string& body, std::size_t limit) {
  if (body.size() <= limit) return;
  std::size_t cut = body.rfind("\n\n", limit);
  if (cut == std::string::npos || cut < limit / 2) cut = body.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(body[cut]) & 0xC0) == 0x80) --cut;
  }
  body.resize(cut);
  body.shrink_to_fit();
}

// Everything decided but not yet written: one batch, written and committed as a whole so the
// file states never get ahead of, or fall behind, the articles they describe. Its articles
// are cleaned of repeated lines together (the evidence is the batch's articles of a source).
struct PendingBatch {
  std::vector<Article> articles;
  std::vector<std::string> roots;         // the indexed root of each article, for its record
  std::vector<std::string> removals;      // article ids no file holds any more
  std::vector<FileState> states;          // files read (or touched) this run
  std::vector<std::string> forgotten;     // files deleted since the last run
  std::size_t text_bytes = 0;
  std::size_t size() const { return articles.size() + removals.size() + states.size() + forgotten.size(); }
};

// Above this many pending changes a batch is written whatever its text size: a run over
// many unchanged-but-touched files holds only their small states.
constexpr std::size_t kMaxBatchChanges = 20000;

// How many files list each article id: an article is removed only when none does any more
// (two files may carry the same id; the last one read wins, and both keep it alive).
class ArticleOwners {
 public:
  void add(const std::vector<IndexedArticle>& articles) {
    for (const IndexedArticle& a : articles) ++count_[a.id];
  }
  // Drops the file's claims; returns the ids nobody claims any more.
  std::vector<std::string> release(const std::vector<IndexedArticle>& articles) {
    std::vector<std::string> orphans;
    for (const IndexedArticle& a : articles) {
      auto it = count_.find(a.id);
      if (it == count_.end()) continue;
      if (--it->second == 0) {
        orphans.push_back(a.id);
        count_.erase(it);
      }
    }
    return orphans;
  }

 private:
  std::unordered_map<std::string, std::size_t> count_;
};

// What a database's stored stories or file states could not be read gives.
Error unreadable_history(const fs::path& db, const Xapian::Error& e) {
  return Error{ErrorKind::kDatabase, db.string(), "", "cannot read what earlier runs stored (" + e.get_description() + ")",
               "run cs-index --rebuild, or index into a new --db"};
}

// True when a file indexed before and not found this run is gone for good: it no longer
// exists, or it exists and is readable but the crawl now leaves it out (.csignore, hidden).
// A file that cannot be looked at (a folder without permission) keeps its articles.
bool gone_or_excluded(const std::string& path) {
  if (::access(path.c_str(), R_OK) == 0) return true;
  return errno == ENOENT || errno == ENOTDIR;
}

// One story index for every part of a run that writes several databases at once, so that
// near-duplicates written to different shards still form one story.
class SharedStories {
 public:
  void load(const Xapian::Database& db) {
    const std::lock_guard<std::mutex> lock(mutex_);
    index_.load(db);
  }
  std::string assign(const std::string& article_id, const std::string& signature) {
    const std::lock_guard<std::mutex> lock(mutex_);
    return index_.assign(article_id, signature);
  }

 private:
  std::mutex mutex_;
  StoryIndex index_;
};

// The files a run looks at, found once for all its parts.
struct Crawled {
  std::vector<CrawlEntry> entries;
  CrawledFolders folders;
  std::size_t unreadable_paths = 0;
};

Crawled crawl_roots(const IndexOptions& options, const IndexReport& report) {
  Crawled crawled;
  crawled.entries = crawl(options.roots, [&](const Error& error) {
    ++crawled.unreadable_paths;
    report.warn(error);
  }, &crawled.folders);
  return crawled;
}

// Indexes `entries` into one database: the incremental run of one database or one shard.
class IndexRun {
 public:
  // `threads` analyse each batch; with more than one, the batch before is written meanwhile.
  IndexRun(const IndexOptions& options, const IndexReport& report, DbWriter& writer, SharedStories& stories,
           unsigned threads)
      : options_(options), report_(report), writer_(writer), stories_(stories), analysis_(threads),
        background_(threads > 1) {}

  Result<IndexSummary> run(const std::vector<CrawlEntry>& entries, const CrawledFolders& folders);

 private:
  void index_file(const CrawlEntry& entry);
  void forget_deleted_files(const CrawledFolders& folders);
  Status write_batch();
  void warn(const Error& error) const { report_.warn(error); }
  void file_done(std::string_view action, const std::string& path, std::size_t articles) const {
    if (report_.file_done) report_.file_done(action, path, articles);
  }

  const IndexOptions& options_;
  const IndexReport& report_;
  DbWriter& writer_;
  IndexSummary summary_;
  std::unordered_map<std::string, std::string> first_path_of_id_;
  std::unordered_map<std::string, FileState> previous_;  // by absolute path, as of the last commit
  std::unordered_set<std::string> seen_;                 // paths crawled this run
  ArticleOwners owners_;
  PendingBatch pending_;
  SharedStories& stories_;
  ArticleAnalysis analysis_;
  // Counted by the writer's half (on its thread), added to summary_ at the end.
  std::size_t added_ = 0, updated_ = 0, removed_ = 0, passages_ = 0;
  BackgroundWriter background_;  // last: it is stopped, and its job finished, first
};

Result<IndexSummary> IndexRun::run(const std::vector<CrawlEntry>& entries,
                                   const CrawledFolders& folders) {
  try {
    previous_ = load_file_states(writer_.database());
  } catch (const Xapian::Error& e) {
    return unreadable_history(writer_.path(), e);
  }
  for (const auto& [path, state] : previous_) owners_.add(state.articles);

  IndexProgress progress{0, entries.size(), 0, 0};
  for (const CrawlEntry& entry : entries) progress.bytes_total += entry.size;
  for (const CrawlEntry& entry : entries) {
    index_file(entry);
    if (pending_.text_bytes >= options_.batch_bytes || pending_.size() >= kMaxBatchChanges) {
      if (Status written = write_batch(); !written) return written.error();
    }
    ++progress.files_done;
    progress.bytes_done += entry.size;
    if (report_.progress) report_.progress(progress);
  }
  forget_deleted_files(folders);
  if (Status written = write_batch(); !written) return written.error();
  if (Status finished = background_.finish(); !finished) return finished.error();
  summary_.added = added_;
  summary_.updated = updated_;
  summary_.removed = removed_;
  summary_.passages = passages_;
  return summary_;
}

void IndexRun::index_file(const CrawlEntry& entry) {
  ++summary_.files;
  const std::string path = entry.path.string();
  seen_.insert(path);
  const auto known = previous_.find(path);
  const FileState* previous = known == previous_.end() ? nullptr : &known->second;
  const auto keep_previous = [&](Error error) {
    if (previous != nullptr && !previous->articles.empty()) {
      error.hint += "; its " + std::to_string(previous->articles.size()) + " article(s) indexed before are kept";
    }
    warn(error);
    ++summary_.skipped;
  };

  if (entry.size > options_.max_file_bytes) {
    keep_previous(Error{ErrorKind::kInput, path, "",
                        "file is " + megabytes(entry.size) + ", over the " + megabytes(options_.max_file_bytes) + " limit",
                        "skipped; raise --max-file-size to index it"});
    return;
  }
  const std::int64_t mtime = modification_time_ns(path).value_or(0);
  if (previous != nullptr && previous->size == entry.size && previous->mtime_ns == mtime) {
    ++summary_.unchanged_files;
    summary_.unchanged += previous->articles.size();
    return;
  }
  auto bytes = read_file(entry.path);
  if (!bytes) {
    keep_previous(bytes.error());
    return;
  }
  FileState state{path, entry.size, mtime, hash_bytes(*bytes), {}};
  if (previous != nullptr && previous->content == state.content) {  // touched, not changed
    state.articles = previous->articles;
    pending_.states.push_back(std::move(state));
    ++summary_.unchanged_files;
    summary_.unchanged += previous->articles.size();
    return;
  }

  SourceFile file{entry.path, entry.relative_path, std::move(*bytes)};
  const Reader* reader = pick_reader(file);
  if (reader == nullptr) {
    if (entry.named) {
      keep_previous(Error{ErrorKind::kInput, path, "", "not a supported article format",
                          "cs-index reads " + supported_extensions() + " and files with no extension"});
    } else {
      ++summary_.ignored;
    }
    return;
  }
  summary_.bytes += file.bytes.size();
  ReadResult read = reader->read(file);
  file = SourceFile{};  // the text now lives in the articles

  std::unordered_map<std::string_view, std::string_view> previous_hash;
  if (previous != nullptr) {
    for (const IndexedArticle& a : previous->articles) previous_hash.emplace(a.id, a.hash);
  }
  std::size_t written = 0;
  for (Article& article : read.articles) {
    if (article.body.empty()) {
      read.issues.push_back(Error{ErrorKind::kInput, path, "", "no article text found", "skipped"});
      continue;
    }
    if (article.body.size() > options_.max_article_bytes) {
      read.issues.push_back(Error{ErrorKind::kInput, path, "",
                                  "article '" + article.id + "' has " + megabytes(article.body.size()) +
                                      " of text, cut at the " + megabytes(options_.max_article_bytes) + " limit",
                                  "only the text before the cut is indexed; raise --max-article-size to index it all"});
      cut_body(article.body, options_.max_article_bytes);
    }
    const auto [seen, first_time] = first_path_of_id_.emplace(article.id, article.path);
    if (!first_time) {
      warn(Error{ErrorKind::kInput, path, "",
                 "article id '" + article.id + "' is also used by " + seen->second, "this file's article replaces it"});
    }
    state.articles.push_back({article.id, hash_article(article)});
    const auto before = previous_hash.find(article.id);
    if (before != previous_hash.end() && before->second == state.articles.back().hash) {
      ++summary_.unchanged;  // a record that did not change in a file that did
      continue;
    }
    ++written;
    pending_.text_bytes += article.body.size();
    pending_.articles.push_back(std::move(article));
    pending_.roots.push_back(entry.root.string());
  }
  if (state.articles.empty()) {  // the file is skipped: one warning, the reader's last word
    Error last = read.issues.empty() ? Error{ErrorKind::kInput, path, "", "no article could be read", "skipped"}
                                     : read.issues.back();
    if (!read.issues.empty()) read.issues.pop_back();
    for (const Error& issue : read.issues) warn(issue);
    keep_previous(std::move(last));
    return;
  }
  for (const Error& issue : read.issues) warn(issue);
  ++summary_.read;
  owners_.add(state.articles);
  if (previous != nullptr) {
    for (std::string& orphan : owners_.release(previous->articles)) pending_.removals.push_back(std::move(orphan));
  }
  file_done(previous == nullptr ? "added" : "updated", path, written);
  pending_.states.push_back(std::move(state));
}

void IndexRun::forget_deleted_files(const CrawledFolders& folders) {
  const auto inside_any = [](const std::string& path, const std::vector<fs::path>& list) {
    return std::any_of(list.begin(), list.end(), [&](const fs::path& folder) { return is_inside(path, folder); });
  };
  for (const auto& known : previous_) {
    const std::string& path = known.first;
    const FileState& state = known.second;
    if (seen_.count(path) > 0) continue;
    // A file under a folder the crawl could not list was not looked at: it is not gone.
    if (!inside_any(path, folders.walked) || inside_any(path, folders.unreadable) || !gone_or_excluded(path)) continue;
    for (std::string& orphan : owners_.release(state.articles)) pending_.removals.push_back(std::move(orphan));
    pending_.forgotten.push_back(path);
    file_done("removed", path, state.articles.size());
  }
}

Status IndexRun::write_batch() {
  auto batch = std::make_shared<PendingBatch>(std::move(pending_));
  pending_ = PendingBatch{};
  summary_.repeated_lines += drop_repeated_lines(batch->articles);
  auto built = std::make_shared<std::vector<BuiltArticle>>(analysis_.build(
      batch->articles, batch->roots, [&](const Article& article) { return stories_.assign(article.id, article.signature); }));
  // Written as one transaction, while the next batch is read and analysed.
  return background_.submit([this, batch, built]() -> Status {
    // Removals first: an id that moved to another file this batch is then written, not lost.
    for (const std::string& id : batch->removals) {
      auto removed = writer_.remove_article(id);
      if (!removed) return removed.error();
      if (*removed) ++removed_;
    }
    for (std::size_t i = 0; i < built->size(); ++i) {
      BuiltArticle& article = (*built)[i];
      writer_.note_stem_language(article.stem_language);
      auto replaced = writer_.replace_article(batch->articles[i].id, article.document, article.vocabulary);
      if (!replaced) return replaced.error();
      ++(*replaced ? updated_ : added_);
      passages_ += article.document ? article.passages : 0;
      article = BuiltArticle{};
    }
    for (const FileState& state : batch->states) {
      if (Status recorded = writer_.record_file(state); !recorded) return recorded;
    }
    for (const std::string& path : batch->forgotten) {
      if (Status forgotten = writer_.forget_file(path); !forgotten) return forgotten;
    }
    return writer_.commit();
  });
}

IndexSummary& operator+=(IndexSummary& total, const IndexSummary& part) {
  total.files += part.files;
  total.read += part.read;
  total.unchanged_files += part.unchanged_files;
  total.skipped += part.skipped;
  total.ignored += part.ignored;
  total.added += part.added;
  total.updated += part.updated;
  total.removed += part.removed;
  total.unchanged += part.unchanged;
  total.passages += part.passages;
  total.repeated_lines += part.repeated_lines;
  total.bytes += part.bytes;
  return total;
}

unsigned effective_jobs(const IndexOptions& options) {
  if (options.jobs > 0) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

// One database of a run and the files that go to it.
struct Part {
  std::unique_ptr<DbWriter> writer;
  std::vector<CrawlEntry> entries;
};

Result<std::vector<Part>> open_parts(const std::vector<fs::path>& paths) {
  std::vector<Part> parts;
  for (const fs::path& path : paths) {
    auto writer = DbWriter::open(path);
    if (!writer) return writer.error();
    parts.push_back(Part{std::move(*writer), {}});
  }
  return parts;
}

// Indexes each part's files into its database, up to `jobs` parts at once, one thread each;
// the caller's report is called by one thread at a time, its progress summed over the parts.
Result<IndexSummary> index_parts(const IndexOptions& options, const IndexReport& report, std::vector<Part>& parts,
                                 const Crawled& crawled, unsigned jobs) {
  SharedStories stories;
  for (Part& part : parts) {
    try {
      stories.load(part.writer->database());
    } catch (const Xapian::Error& e) {
      return unreadable_history(part.writer->path(), e);
    }
  }
  if (parts.size() == 1) {
    return IndexRun(options, report, *parts[0].writer, stories, jobs).run(parts[0].entries, crawled.folders);
  }
  // Threads left over when there are fewer parts than jobs go to each part's analysis.
  const unsigned threads_per_part = std::max<unsigned>(1, jobs / static_cast<unsigned>(parts.size()));
  std::mutex report_mutex;
  std::vector<IndexProgress> progress(parts.size());
  std::uintmax_t bytes_total = 0;
  for (const CrawlEntry& entry : crawled.entries) bytes_total += entry.size;
  std::vector<IndexReport> reports;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    IndexReport part_report;
    part_report.warn = [&](const Error& error) {
      const std::lock_guard<std::mutex> lock(report_mutex);
      report.warn(error);
    };
    if (report.progress) {
      part_report.progress = [&, i](const IndexProgress& p) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        progress[i] = p;
        IndexProgress sum;
        for (const IndexProgress& each : progress) {
          sum.files_done += each.files_done;
          sum.bytes_done += each.bytes_done;
        }
        sum.files_total = crawled.entries.size();
        sum.bytes_total = bytes_total;
        report.progress(sum);
      };
    }
    if (report.file_done) {
      part_report.file_done = [&](std::string_view action, const std::string& path, std::size_t articles) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        report.file_done(action, path, articles);
      };
    }
    reports.push_back(std::move(part_report));
  }
  std::vector<std::optional<Result<IndexSummary>>> results(parts.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < parts.size(); i = next++) {
      results[i] = IndexRun(options, reports[i], *parts[i].writer, stories, threads_per_part)
                       .run(parts[i].entries, crawled.folders);
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, parts.size()); ++t) threads.emplace_back(work);
  work();
  for (std::thread& thread : threads) thread.join();
  IndexSummary total;
  for (auto& result : results) {
    if (!*result) return result->error();
    total += **result;
  }
  // The searcher reads the stemmers in use from the first shard it opens (Xapian reads
  // metadata so): every part records all of them.
  std::set<std::string> languages;
  for (const Part& part : parts) languages.insert(part.writer->stem_languages().begin(), part.writer->stem_languages().end());
  for (Part& part : parts) {
    for (const std::string& language : languages) part.writer->note_stem_language(language);
    if (Status committed = part.writer->commit(); !committed) return committed.error();
  }
  return total;
}

// Indexes into the shards at `paths`, each file to the shard its path hashes to.
Result<IndexSummary> index_shards(const IndexOptions& options, const IndexReport& report,
                                  const std::vector<fs::path>& paths, const Crawled& crawled) {
  auto parts = open_parts(paths);
  if (!parts) return parts.error();
  for (const CrawlEntry& entry : crawled.entries) {
    (*parts)[shard_of(entry.path.string(), parts->size())].entries.push_back(entry);
  }
  return index_parts(options, report, *parts, crawled, effective_jobs(options));
}

// Where a parallel build keeps its parts: inside the database folder it builds, so it needs
// no more permission than the database does (a service may own its database folder and
// nothing beside it), and a hidden name, so no crawl of a folder holding it picks it up.
constexpr const char* kPartsFolder = ".parts";

// Builds a fresh single database in the claimed folder `dest` with `jobs` threads: each
// indexes its share of the files into a part (the shards of `dest`/.parts), then the parts
// are merged, compacted, beside them and moved into `dest` (DbFolder::adopt_tables). What `dest` held is discarded: it is fresh,
// or what a killed merge left. A killed build leaves the parts, and the next build with
// `resume` picks up from their last commits.
Result<IndexSummary> build_merged(const IndexOptions& options, const IndexReport& report, const Crawled& crawled,
                                  DbFolder& dest, bool resume) {
  const fs::path parts_dir = dest.path() / kPartsFolder;
  if (!resume) {
    if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
  }
  auto parts_folder = DbFolder::claim(parts_dir);
  if (!parts_folder) return parts_folder.error();
  auto paths = is_sharded(parts_dir) ? shard_paths(parts_dir) : create_shards(parts_dir, effective_jobs(options));
  if (!paths) return paths.error();
  IndexOptions part_options = options;
  part_options.db = parts_dir;
  auto summary = index_shards(part_options, report, *paths, crawled);
  if (!summary) return summary;
  const fs::path merged = parts_dir / "merged";
  std::error_code ec;
  fs::remove_all(merged, ec);  // what a merge cut short left, inside the claimed parts folder
  if (Status made = merge_databases(*paths, merged); !made) return made.error();
  if (Status adopted = dest.adopt_tables(merged); !adopted) return adopted.error();
  parts_folder->reset();
  if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
  return summary;
}

Error swap_error(const fs::path& db, const std::string& what) {
  return Error{ErrorKind::kIo, db.string(), "", what + " (" + std::strerror(errno) + ")",
               "the old database is unchanged; check permissions and run cs-index --rebuild again"};
}

// Puts the folder `staged` at `live` in one step: an atomic exchange where the file system
// supports it (the old database then sits at `staged`, to be deleted), else two renames
// with a moment between them in which `live` does not exist.
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

Result<std::uint64_t> articles_in(const fs::path& db) {
  try {
    return Xapian::Database(db.string()).get_doccount();
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, db.string(), "", "cannot read the database just written (" + e.get_description() + ")",
                 "run cs-index --rebuild"};
  }
}

Result<IndexSummary> finish(Result<IndexSummary> summary, const Crawled& crawled, const fs::path& db,
                            std::chrono::steady_clock::time_point started) {
  if (!summary) return summary;
  summary->unreadable_paths = crawled.unreadable_paths;
  auto articles = articles_in(db);
  if (!articles) return articles.error();
  summary->db_articles = *articles;
  summary->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

Error shard_count_error(const fs::path& db, std::size_t has, std::size_t asked) {
  return Error{ErrorKind::kUsage, db.string(), "",
               "database has " + std::to_string(has) + " shard(s), not the " + std::to_string(asked) + " asked for",
               "add --rebuild to rewrite it with --shards " + std::to_string(asked)};
}

// A database no run has written to yet: a parallel build may replace it whole.
bool is_fresh(const DbWriter& writer) {
  return writer.article_count() == 0 && load_file_states(writer.database()).empty();
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

// A rebuild writes the new database beside the old one, then swaps the two folders: it
// needs to write in the database's parent folder, which a service's database may not have.
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

}  // namespace

Result<IndexSummary> run_index(const IndexOptions& given, const IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  IndexOptions options = given;
  options.db = normal_db_path(given.db);
  auto folder = DbFolder::claim(options.db);  // refuses a folder cs-index did not make
  if (!folder) return folder.error();
  const bool new_shards = options.shards > 1 && holds_only_marker(options.db);
  if (is_sharded(options.db) || new_shards) {
    auto paths = new_shards ? create_shards(options.db, options.shards) : shard_paths(options.db);
    if (!paths) return paths.error();
    if (options.shards > 0 && options.shards != paths->size()) return shard_count_error(options.db, paths->size(), options.shards);
    const Crawled crawled = crawl_roots(options, report);
    return finish(index_shards(options, report, *paths, crawled), crawled, options.db, started);
  }
  if (options.shards > 1) return shard_count_error(options.db, 1, options.shards);
  // Parts left in the folder mean a parallel build was killed before it finished: the
  // database beside them is its disposable start (fresh, or a merge cut short).
  const fs::path parts_dir = options.db / kPartsFolder;
  if (is_sharded(parts_dir)) {
    // Only parts cs-index made, checked before the database beside them is cleared.
    if (const FolderKind parts = inspect_folder(parts_dir); parts != FolderKind::kOurs) {
      Error refused = refusal(parts_dir, parts);
      refused.hint = "cs-index keeps the parts of a parallel build there and did not make this folder; move or "
                     "delete it, then run cs-index again";
      return refused;
    }
    if (Status cleared = (*folder)->clear_tables(); !cleared) return cleared.error();
  }
  auto writer = DbWriter::open(std::move(*folder));
  if (!writer) return writer.error();
  const Crawled crawled = crawl_roots(options, report);
  bool fresh = false;
  try {
    fresh = effective_jobs(options) > 1 && is_fresh(**writer);
  } catch (const Xapian::Error&) {
    fresh = false;  // the run below reports what cannot be read
  }
  if (!fresh) {
    if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
    std::vector<Part> parts;
    parts.push_back(Part{std::move(*writer), crawled.entries});
    return finish(index_parts(options, report, parts, crawled, effective_jobs(options)), crawled, options.db, started);
  }
  // A first run with several threads: built in parts inside the folder (a killed run resumes
  // from them), then merged into it, under cs-index's lock all along.
  std::unique_ptr<DbFolder> own = (*writer)->close_keeping_folder();
  auto summary = build_merged(options, report, crawled, *own, true);
  own.reset();
  return finish(std::move(summary), crawled, options.db, started);
}

Result<IndexSummary> rebuild_index(const IndexOptions& given, const IndexReport& report) {
  const auto started = std::chrono::steady_clock::now();
  IndexOptions options = given;
  options.db = normal_db_path(given.db);
  // Through a symbolic link, the folder it names is rebuilt and swapped, the link kept.
  if (std::error_code ec; fs::is_symlink(options.db, ec)) options.db = fs::canonical(options.db, ec);
  if (Status room = check_rebuild_room(options.db); !room) return room.error();
  // The old database stays claimed until the swap, so no other cs-index writes to it
  // meanwhile; claiming it refuses a folder cs-index did not make, before anything is built.
  std::vector<std::unique_ptr<DbFolder>> live;
  std::size_t shards = 1;
  if (inspect_folder(options.db) != FolderKind::kMissing) {
    auto folder = DbFolder::claim(options.db);
    if (!folder) return folder.error();
    if (Status locked = (*folder)->take_xapian_lock(); !locked) return locked.error();
    live.push_back(std::move(*folder));
    if (is_sharded(options.db)) {
      if (Status claimed = claim_shards(options.db, live); !claimed) return claimed.error();
      shards = live.size() - 1;
    }
  }
  if (options.shards > 0) shards = options.shards;
  fs::path staged = options.db;
  staged += ".rebuild";
  if (Status cleared = remove_own_folder(staged); !cleared) return cleared.error();  // what a killed rebuild left
  const Crawled crawled = crawl_roots(options, report);
  IndexOptions staged_options = options;
  staged_options.db = staged;
  Result<IndexSummary> summary = [&]() -> Result<IndexSummary> {
    auto folder = DbFolder::claim(staged);
    if (!folder) return folder.error();
    if (shards > 1) {
      auto paths = create_shards(staged, shards);
      if (!paths) return paths.error();
      return index_shards(staged_options, report, *paths, crawled);
    }
    if (effective_jobs(options) > 1) return build_merged(staged_options, report, crawled, **folder, false);
    auto writer = DbWriter::open(std::move(*folder));
    if (!writer) return writer.error();
    std::vector<Part> parts;
    parts.push_back(Part{std::move(*writer), crawled.entries});
    return index_parts(staged_options, report, parts, crawled, effective_jobs(options));
  }();
  if (!summary) {
    remove_own_folder(staged);
    return summary;
  }
  if (Status swapped = swap_in(staged, options.db); !swapped) return swapped.error();
  live.clear();  // the old database, now at `staged`: its locks go, then it does
  if (Status removed = remove_own_folder(staged); !removed) return removed.error();
  return finish(std::move(summary), crawled, options.db, started);
}

}  // namespace cs::indexer
