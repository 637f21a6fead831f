#include "indexer/index_run.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>
#include <unordered_set>

#include "common/analyzer.hpp"
#include "common/language.hpp"
#include "indexer/crawl.hpp"
#include "indexer/db_writer.hpp"
#include "indexer/file_states.hpp"
#include "indexer/language_detection.hpp"
#include "indexer/passage_document.hpp"
#include "indexer/passages.hpp"
#include "indexer/reader_registry.hpp"
#include "indexer/repeated_lines.hpp"
#include "indexer/stories.hpp"

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

// The words worth suggesting as spelling corrections: distinct, Latin letters only (after
// accent folding), at least three of them; numbers, CJK and fragments are left out.
std::vector<std::string> spelling_words(const std::vector<Token>& words) {
  std::vector<std::string> vocabulary;
  for (const Token& token : words) {
    const std::string& w = token.word;
    if (w.size() < 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    vocabulary.push_back(w);
  }
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()), vocabulary.end());
  return vocabulary;
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

// True when a file indexed before and not found this run is gone for good: it no longer
// exists, or it exists and is readable but the crawl now leaves it out (.csignore, hidden).
// A file that cannot be looked at (a folder without permission) keeps its articles.
bool gone_or_excluded(const std::string& path) {
  if (::access(path.c_str(), R_OK) == 0) return true;
  return errno == ENOENT || errno == ENOTDIR;
}

class IndexRun {
 public:
  IndexRun(const IndexOptions& options, const IndexReport& report, DbWriter& writer)
      : options_(options), report_(report), writer_(writer), builder_(analyzer_) {}

  Result<IndexSummary> run();

 private:
  void index_file(const CrawlEntry& entry);
  void forget_deleted_files(const std::vector<fs::path>& walked_folders);
  Status write_batch();
  void warn(const Error& error) const { report_.warn(error); }
  void file_done(std::string_view action, const std::string& path, std::size_t articles) const {
    if (report_.file_done) report_.file_done(action, path, articles);
  }

  const IndexOptions& options_;
  const IndexReport& report_;
  DbWriter& writer_;
  IndexSummary summary_;
  Analyzer analyzer_;
  PassageDocumentBuilder builder_;
  std::vector<Token> words_;
  std::unordered_map<std::string, std::string> first_path_of_id_;
  std::unordered_map<std::string, FileState> previous_;  // by absolute path, as of the last commit
  std::unordered_set<std::string> seen_;                 // paths crawled this run
  ArticleOwners owners_;
  PendingBatch pending_;
  StoryIndex stories_;
};

Result<IndexSummary> IndexRun::run() {
  const auto started = std::chrono::steady_clock::now();
  try {
    stories_.load(writer_.database());
    previous_ = load_file_states(writer_.database());
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, options_.db.string(), "", "cannot read what earlier runs stored (" + e.get_description() + ")",
                 "run cs-index --rebuild, or index into a new --db"};
  }
  for (const auto& [path, state] : previous_) owners_.add(state.articles);

  std::vector<fs::path> walked_folders;
  const auto found = crawl(options_.roots, [&](const Error& error) {
    ++summary_.unreadable_paths;
    warn(error);
  }, &walked_folders);
  IndexProgress progress{0, found.size(), 0, 0};
  for (const CrawlEntry& entry : found) progress.bytes_total += entry.size;

  for (const CrawlEntry& entry : found) {
    index_file(entry);
    if (pending_.text_bytes >= options_.batch_bytes || pending_.size() >= kMaxBatchChanges) {
      if (Status written = write_batch(); !written) return written.error();
    }
    ++progress.files_done;
    progress.bytes_done += entry.size;
    if (report_.progress) report_.progress(progress);
  }
  forget_deleted_files(walked_folders);
  if (Status written = write_batch(); !written) return written.error();
  summary_.db_passages = writer_.passage_count();
  summary_.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
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

void IndexRun::forget_deleted_files(const std::vector<fs::path>& walked_folders) {
  for (const auto& known : previous_) {
    const std::string& path = known.first;
    const FileState& state = known.second;
    if (seen_.count(path) > 0) continue;
    const bool in_walked_folder = std::any_of(walked_folders.begin(), walked_folders.end(),
                                              [&](const fs::path& folder) { return is_inside(path, folder); });
    if (!in_walked_folder || !gone_or_excluded(path)) continue;
    for (std::string& orphan : owners_.release(state.articles)) pending_.removals.push_back(std::move(orphan));
    pending_.forgotten.push_back(path);
    file_done("removed", path, state.articles.size());
  }
}

Status IndexRun::write_batch() {
  // Removals first: an id that moved to another file this batch is then written, not lost.
  for (const std::string& id : pending_.removals) {
    auto removed = writer_.remove_article(id);
    if (!removed) return removed.error();
    if (*removed) ++summary_.removed;
  }
  summary_.repeated_lines += drop_repeated_lines(pending_.articles);
  for (std::size_t i = 0; i < pending_.articles.size(); ++i) {
    Article& article = pending_.articles[i];
    // Stemmed in its own language: declared, else detected; unknown ones word for word.
    if (article.lang.empty()) article.lang = detect_language(article.body);
    analyzer_.set_language(stemmer_for(article.lang));
    writer_.note_stem_language(analyzer_.language());
    words_.clear();
    analyzer_.tokenize(article.body, words_);
    article.signature = story_signature(words_);
    article.story_id = stories_.assign(article.id, article.signature);
    const std::vector<Passage> passages = split_passages(article.body, words_, analyzer_);
    std::vector<Xapian::Document> documents = builder_.build(article, passages, words_, pending_.roots[i]);
    auto replaced = writer_.replace_article(article.id, documents, spelling_words(words_));
    if (!replaced) return replaced.error();
    ++(*replaced ? summary_.updated : summary_.added);
    summary_.passages += passages.size();
  }
  for (const FileState& state : pending_.states) {
    if (Status recorded = writer_.record_file(state); !recorded) return recorded;
  }
  for (const std::string& path : pending_.forgotten) {
    if (Status forgotten = writer_.forget_file(path); !forgotten) return forgotten;
  }
  pending_ = PendingBatch{};
  return writer_.commit();
}

}  // namespace

Result<IndexSummary> run_index(const IndexOptions& options, const IndexReport& report) {
  auto writer = DbWriter::open(options.db);
  if (!writer) return writer.error();
  return IndexRun(options, report, **writer).run();
}

namespace {

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
  std::error_code ec;
  fs::remove_all(old, ec);
  if (::rename(live.c_str(), old.c_str()) != 0) return swap_error(live, "cannot move the old database aside");
  if (::rename(staged.c_str(), live.c_str()) != 0) {
    const Error error = swap_error(live, "cannot move the rebuilt database into place");
    ::rename(old.c_str(), live.c_str());
    return error;
  }
  if (::rename(old.c_str(), staged.c_str()) != 0) fs::remove_all(old, ec);
  return ok_status();
}

}  // namespace

Result<IndexSummary> rebuild_index(const IndexOptions& options, const IndexReport& report) {
  std::error_code ec;
  std::unique_ptr<DbWriter> live;  // holds the old database's lock until the swap is done
  if (fs::exists(options.db, ec)) {
    auto locked = DbWriter::lock(options.db);
    if (!locked) return locked.error();
    live = std::move(*locked);
  }
  fs::path staged = options.db;
  staged += ".rebuild";
  fs::remove_all(staged, ec);  // what a killed rebuild left
  if (ec) return swap_error(staged, "cannot remove an earlier unfinished rebuild");
  IndexOptions staged_options = options;
  staged_options.db = staged;
  Result<IndexSummary> summary = [&]() -> Result<IndexSummary> {
    auto writer = DbWriter::open(staged);
    if (!writer) return writer.error();
    return IndexRun(staged_options, report, **writer).run();
  }();
  if (!summary) {
    fs::remove_all(staged, ec);
    return summary;
  }
  if (Status swapped = swap_in(staged, options.db); !swapped) return swapped.error();
  if (live) live->close();
  fs::remove_all(staged, ec);  // now the old database
  return summary;
}

}  // namespace cs::indexer
