#include "indexer/write/incremental_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <xxhash.h>

#include "common/failpoint.hpp"
#include "common/schema.hpp"
#include "indexer/analyse/article_analysis.hpp"
#include "indexer/analyse/dictionary_trainer.hpp"
#include "indexer/clean/repeated_lines.hpp"
#include "indexer/clean/size_limits.hpp"
#include "indexer/readers/reader_registry.hpp"
#include "indexer/write/background_writer.hpp"
#include "indexer/write/file_states.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || !in.is_open()) return Error{ErrorKind::kIo, path.string(), "", "cannot read file", "check permissions"};
  return bytes;
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

// How many files list each article id an earlier run indexed: such an article is removed
// only when none does any more (two files may carry the same id; the last one read wins,
// and both keep it alive). Only those ids are counted: an article first indexed by this run
// is never released by it, so a first build keeps no count at all (the count of every id
// took about 100 bytes an article, growing with the corpus).
class ArticleOwners {
 public:
  // The files of the earlier runs.
  void add_indexed(const std::vector<IndexedArticle>& articles) {
    for (const IndexedArticle& a : articles) ++count_[a.id];
  }
  // A file read this run.
  void claim(const std::vector<IndexedArticle>& articles) {
    for (const IndexedArticle& a : articles) {
      if (auto it = count_.find(a.id); it != count_.end()) ++it->second;
    }
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

// True when a file indexed before and not found this run is gone for good: it no longer
// exists, or it exists and is readable but the crawl now leaves it out (.csignore, hidden).
// A file that cannot be looked at (a folder without permission) keeps its articles.
bool gone_or_excluded(const std::string& path) {
  if (::access(path.c_str(), R_OK) == 0) return true;
  return errno == ENOENT || errno == ENOTDIR;
}

// Indexes `entries` into one database: the incremental run of one database or one shard.
class IndexRun {
 public:
  // `threads` analyse each batch; with more than one, the batch before is written meanwhile.
  IndexRun(const IndexOptions& options, const IndexReport& report, DbWriter& writer, SharedStories& stories,
           SharedDictionaries& shared_dictionaries, unsigned threads)
      : options_(options), report_(report), writer_(writer), stories_(stories), analysis_(threads),
        dictionaries_(shared_dictionaries), background_(threads > 1) {}

  Result<IndexSummary> run(const std::vector<CrawlEntry>& entries, const CrawledFolders& folders);

 private:
  Result<IndexSummary> index_files(const std::vector<CrawlEntry>& crawled, const CrawledFolders& folders);
  // Entry k of `entries`, the run's files.
  void index_file(const std::vector<CrawlEntry>& entries, std::uint32_t k);
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
  // Each article id read this run, by its XXH3-64 hash (as story keys hash ids), with the index
  // among the run's files of the one that first gave it, for the warning when a later file
  // gives it too: about 50 bytes an article, where the id and the path took about 220 (a
  // news 100x run held 268,100).
  std::unordered_map<std::uint64_t, std::uint32_t> first_file_of_id_;
  std::unordered_map<std::string, FileState> previous_;  // by absolute path, as of the last commit
  std::unordered_set<const FileState*> seen_;  // the files of previous_ crawled this run
  ArticleOwners owners_;
  PendingBatch pending_;
  SharedStories& stories_;
  ArticleAnalysis analysis_;
  // What new passages and records are compressed with: the run's, shared with the other
  // databases it writes.
  SharedDictionaries& dictionaries_;
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
  for (const auto& [path, state] : previous_) owners_.add_indexed(state.articles);
  return index_files(entries, folders);
}

Result<IndexSummary> IndexRun::index_files(const std::vector<CrawlEntry>& crawled, const CrawledFolders& folders) {
  std::vector<CrawlEntry> rerooted;  // named files indexed before keep their root (keep_earlier_roots)
  if (std::any_of(crawled.begin(), crawled.end(), [](const CrawlEntry& entry) { return entry.named; })) {
    rerooted = crawled;
    keep_earlier_roots(rerooted, previous_);
  }
  const std::vector<CrawlEntry>& entries = rerooted.empty() ? crawled : rerooted;
  IndexProgress progress{0, entries.size(), 0, 0};
  for (const CrawlEntry& entry : entries) progress.bytes_total += entry.size;
  for (std::size_t k = 0; k < entries.size(); ++k) {
    const CrawlEntry& entry = entries[k];
    index_file(entries, static_cast<std::uint32_t>(k));
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
  if (Status committed = writer_.commit_with_spelling(); !committed) return committed.error();
  summary_.added = added_;
  summary_.updated = updated_;
  summary_.removed = removed_;
  summary_.passages = passages_;
  return summary_;
}

void IndexRun::index_file(const std::vector<CrawlEntry>& entries, std::uint32_t k) {
  const CrawlEntry& entry = entries[k];
  ++summary_.files;
  const std::filesystem::path file_path = entry.path();
  const std::string path = file_path.string();
  const auto known = previous_.find(path);
  if (known != previous_.end()) seen_.insert(&known->second);
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
  // A file an earlier reading indexed is read again, changed or not (kReadingVersion).
  const bool read_as_now = previous != nullptr && previous->reading == kReadingVersion;
  if (read_as_now && previous->size == entry.size && previous->mtime_ns == mtime) {
    ++summary_.unchanged_files;
    summary_.unchanged += previous->articles.size();
    return;
  }
  auto bytes = read_file(file_path);
  if (!bytes) {
    keep_previous(bytes.error());
    return;
  }
  FileState state{path, entry.size, mtime, hash_bytes(*bytes), {}, entry.root().string(), kReadingVersion};
  if (read_as_now && previous->content == state.content) {  // touched, not changed
    state.articles = previous->articles;
    pending_.states.push_back(std::move(state));
    ++summary_.unchanged_files;
    summary_.unchanged += previous->articles.size();
    return;
  }

  SourceFile file{file_path, entry.relative_path, std::move(*bytes)};
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
  ReadResult read;
  try {
    failpoint("read-file");
    read = reader->read(file);
  } catch (const std::bad_alloc&) {
    // One file built to take all memory (a page of many thousand JSON-LD references, an
    // archive of millions of parts) is that file's failure, not the run's.
    keep_previous(Error{ErrorKind::kInput, path, "", "reading it needs more memory than is free", "skipped"});
    return;
  }
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
    const auto [seen, first_time] = first_file_of_id_.emplace(XXH3_64bits(article.id.data(), article.id.size()), k);
    if (!first_time) {
      warn(Error{ErrorKind::kInput, path, "",
                 "article id '" + article.id + "' is also used by " + entries[seen->second].relative_path,
                 "this file's article replaces it"});
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
    pending_.roots.push_back(entry.root().string());
  }
  // No article and no record listed: the file is skipped, with one warning, the reader's
  // last word. A file whose records were all skipped (a feed of one empty entry) is read.
  if (state.articles.empty() && !read.records_listed) {
    Error last = read.issues.empty() ? Error{ErrorKind::kInput, path, "", "no article could be read", "skipped"}
                                     : read.issues.back();
    if (!read.issues.empty()) read.issues.pop_back();
    for (const Error& issue : read.issues) warn(issue);
    keep_previous(std::move(last));
    return;
  }
  for (const Error& issue : read.issues) warn(issue);
  ++summary_.read;
  if (previous != nullptr && !read_as_now) ++summary_.reread;
  owners_.claim(state.articles);
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
    if (seen_.count(&state) > 0) continue;
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
  std::vector<DroppedLine> dropped;
  summary_.repeated_lines += drop_repeated_lines(batch->articles, {}, report_.site_line_dropped ? &dropped : nullptr);
  for (const DroppedLine& line : dropped) report_.site_line_dropped(line.source, line.text, line.articles);
  const DocumentDictionaries dictionaries = dictionaries_.offer(batch->articles, batch->roots);
  auto analysed = analysis_.build(batch->articles, batch->roots, dictionaries, [&](const Article& article) {
    return stories_.assign(article.id, article.signature);
  });
  if (!analysed) return analysed.error();
  if (report_.language_overridden) {
    for (std::size_t i = 0; i < analysed->articles.size(); ++i) {
      const std::string& declared = analysed->articles[i].declared_language;
      if (!declared.empty()) report_.language_overridden(batch->articles[i].path, declared, batch->articles[i].lang);
    }
  }
  auto built = std::make_shared<BuiltBatch>(std::move(*analysed));
  // Written as one transaction, while the next batch is read and analysed.
  return background_.submit([this, batch, built, dictionaries]() -> Status {
    // A dictionary becomes the database's with the first passages or records compressed with
    // it, in their commit (trained now, by another part, or another shard's).
    for (const auto& [use, dictionary] : {std::pair{DictionaryUse::kPassages, &dictionaries.passages},
                                          std::pair{DictionaryUse::kRecords, &dictionaries.records}}) {
      if (!*dictionary) continue;
      if (Status used = writer_.use_dictionary(use, **dictionary); !used) return used;
    }
    // Removals first: an id that moved to another file this batch is then written, not lost.
    for (const std::string& id : batch->removals) {
      auto removed = writer_.remove_article(id);
      if (!removed) return removed.error();
      if (*removed) ++removed_;
    }
    for (std::size_t i = 0; i < built->articles.size(); ++i) {
      BuiltArticle& article = built->articles[i];
      writer_.note_stem_language(article.stem_language);
      auto replaced = writer_.replace_article(batch->articles[i].id, article.document);
      if (!replaced) return replaced.error();
      ++(*replaced ? updated_ : added_);
      passages_ += article.document ? article.passages : 0;
      article = BuiltArticle{};
    }
    if (Status spelled = writer_.add_spelling(built->spelling); !spelled) return spelled;
    for (const FileState& state : batch->states) {
      if (Status recorded = writer_.record_file(state); !recorded) return recorded;
    }
    for (const std::string& path : batch->forgotten) {
      if (Status forgotten = writer_.forget_file(path); !forgotten) return forgotten;
    }
    return writer_.commit();
  });
}

}  // namespace

Result<IndexSummary> run_incremental(const IndexOptions& options, const IndexReport& report, DbWriter& writer,
                                     SharedStories& stories, SharedDictionaries& dictionaries, unsigned threads,
                                     const std::vector<CrawlEntry>& entries, const CrawledFolders& folders) {
  return IndexRun(options, report, writer, stories, dictionaries, threads).run(entries, folders);
}

// What a database's stored stories or file states could not be read gives.
Error unreadable_history(const fs::path& db, const Xapian::Error& e) {
  return Error{ErrorKind::kDatabase, db.string(), "", "cannot read what earlier runs stored (" + e.get_description() + ")",
               "run cs-index --rebuild, or index into a new --db"};
}

}  // namespace cs::indexer
