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
#include <vector>

#include "common/error.hpp"
#include "indexer/file_states.hpp"

namespace cs::indexer {

class DbWriter {
 public:
  // Opens the database at `path` for writing, creating it (and its parent folders) if
  // needed. Fails with kLocked when another writer holds it (naming the cs-index process
  // that does, when it is one), and with kDatabase when the path is a file, a non-empty
  // folder that is no database, a read-only database, or one written by an incompatible
  // cs-index.
  static Result<std::unique_ptr<DbWriter>> open(const std::filesystem::path& path);
  // Takes the lock of an existing database without checking its schema, for a rebuild that
  // replaces it (whatever cs-index wrote it). Fails like open() when it is locked or is not
  // a database.
  static Result<std::unique_ptr<DbWriter>> lock(const std::filesystem::path& path);
  ~DbWriter();
  DbWriter(const DbWriter&) = delete;
  DbWriter& operator=(const DbWriter&) = delete;

  // Replaces article `article_id` with `document` (none: removes it, as an article with no
  // passage is not searchable); true when the article was already in the database (an
  // update), false when it is new. `vocabulary` (the article's distinct words) feeds
  // Xapian's spelling table, from which cs-search suggests corrections.
  Result<bool> replace_article(const std::string& article_id, const std::optional<Xapian::Document>& document,
                               const std::vector<std::string>& vocabulary = {});
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

  // Commits everything since the last commit, as one transaction.
  Status commit();

  std::uint64_t article_count() const { return db_.get_doccount(); }
  // What is written so far, uncommitted changes included (for reading back what earlier runs
  // stored, such as story fingerprints and file states).
  const Xapian::Database& database() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

  // Closes the database and releases its lock (the destructor does the same).
  void close();

 private:
  enum class Mode { kIndex, kLockOnly };
  static Result<std::unique_ptr<DbWriter>> open(const std::filesystem::path& path, Mode mode);
  DbWriter(Xapian::WritableDatabase db, std::filesystem::path path);
  Error database_error(const Xapian::Error& e) const;
  void begin_batch();

  Xapian::WritableDatabase db_;
  std::filesystem::path path_;
  bool in_transaction_ = false;
  bool open_ = true;
  std::set<std::string> stem_languages_;  // stored and noted this run
  bool stem_languages_changed_ = false;
};

// The file in a database folder that names the cs-index process writing it, for the
// "locked" message of a second writer.
inline constexpr const char* kWriterPidFile = "cs-index.pid";

}  // namespace cs::indexer
