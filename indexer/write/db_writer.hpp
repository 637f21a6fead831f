// The only code that writes the Xapian database: opens it (lock and schema checks), replaces
// and removes articles, records what each file contributed, and commits when told, inside one
// transaction per batch, so a killed run leaves the last commit whole and searchable.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"
#include "common/compact_text.hpp"
#include "common/error.hpp"
#include "common/stored_dictionaries.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/file_states.hpp"
#include "indexer/write/pending_spelling.hpp"

namespace cs::indexer {

// Whether a commit waits until the disk holds it. A killed process loses nothing either way
// (the kernel holds what was written); an operating system that stops before writing it out
// can leave an unsynced database unreadable, or stale in blocks Xapian cannot tell apart.
// Only scratch databases, which a run can make again, go unsynced: the parts of a parallel
// build, which Xapian's merge reads into a synced database (their syncs took 6% of a first
// build of the speeches at 1x), and which are resumed only in the boot that wrote them
// (parallel_parts.cpp).
enum class Durability { kSynced, kScratch };

class DbWriter {
 public:
  // Opens the database at `path` for writing, claiming the folder first (DbFolder::claim:
  // created with cs-index's marker if needed, refused if cs-index did not make it). Fails
  // with kLocked when another writer holds it (naming the cs-index process that does), and
  // with kDatabase when the path is a file, a folder cs-index did not make, a read-only
  // database, an unreadable one, or one written by an incompatible cs-index.
  static Result<std::unique_ptr<DbWriter>> open(const std::filesystem::path& path,
                                                Durability durability = Durability::kSynced);
  // The same in a folder already claimed.
  static Result<std::unique_ptr<DbWriter>> open(std::unique_ptr<DbFolder> folder,
                                                Durability durability = Durability::kSynced);
  ~DbWriter();
  DbWriter(const DbWriter&) = delete;
  DbWriter& operator=(const DbWriter&) = delete;

  // Replaces article `article_id` with `document` (none: removes it, as an article with no
  // passage is not searchable); true when the article was already in the database (an
  // update), false when it is new.
  Result<bool> replace_article(const std::string& article_id, const std::optional<Xapian::Document>& document);
  // Adds to the spelling table (spelling_table.hpp), from which cs-search suggests corrections, each word
  // with the number of articles written that hold it. The counts wait (and are stored with
  // each commit, see pending_spelling.hpp) until commit_with_spelling() or until many wait.
  Status add_spelling(const std::vector<std::pair<std::string, std::uint32_t>>& words);
  // Deletes the article; false when it was not there.
  Result<bool> remove_article(const std::string& article_id);

  // Records, or forgets, what a file contributed (see file_states.hpp); committed with the
  // articles written since the last commit.
  Status record_file(const FileState& state);
  Status forget_file(const std::string& absolute_path);

  // Records that articles are being stemmed with `stem_language` (see language.hpp), for
  // the searcher; stored with the next commit.
  void note_stem_language(const std::string& stem_language);
  // The stemmers recorded and noted so far.
  const std::set<std::string>& stem_languages() const { return stem_languages_; }

  // Makes `dictionary` the one new passages or records are compressed with
  // (stored_dictionaries.hpp), stored with the next commit; nothing when it is already.
  Status use_dictionary(DictionaryUse use, const compact_text::Dictionary& dictionary);

  // Commits everything since the last commit, as one transaction.
  Status commit();
  // The same, with every waiting spelling count moved into the spelling table first: the
  // last commit of a run.
  Status commit_with_spelling();

  std::uint64_t article_count() const { return db_.get_doccount(); }
  // What is written so far, uncommitted changes included (for reading back what earlier runs
  // stored, such as story fingerprints and file states).
  const Xapian::Database& database() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // Closes the database and releases its lock (the destructor does the same).
  void close();
  // Closes the database but hands over its folder, still locked, to a caller that rewrites
  // the folder whole (the merge of a parallel build).
  std::unique_ptr<DbFolder> close_keeping_folder();

 private:
  DbWriter(Xapian::WritableDatabase db, std::unique_ptr<DbFolder> folder);
  Error database_error(const Xapian::Error& e) const;
  void begin_batch();
  // Applies every waiting spelling count when `all_spelling`, else only when many wait.
  Status commit(bool all_spelling);
  // Takes the article of `id_term`'s spelling words off the counts (at the next
  // add_spelling or commit), before it is deleted or replaced.
  void forget_spelling(const std::string& id_term);
  // Moves batch_counts_ into the waiting spelling counts.
  void add_batch_spelling();

  Xapian::WritableDatabase db_;
  std::unique_ptr<DbFolder> folder_;
  std::filesystem::path path_;
  bool in_transaction_ = false;
  bool open_ = true;
  std::set<std::string> stem_languages_;  // stored and noted this run
  PendingSpelling spelling_;
  // The batch's spelling counts so far: minus the words of the articles it replaced.
  std::unordered_map<std::string, std::int64_t> batch_counts_;
  StoredDictionaries dictionaries_;  // to read back the passages of articles replaced
  Analyzer analyzer_{"none"};  // to cut them into words (no stemming needed)
  bool stem_languages_changed_ = false;
  // The ids of the current dictionaries (0: none).
  std::uint32_t passage_dictionary_id_ = 0, record_dictionary_id_ = 0;
};

}  // namespace cs::indexer
