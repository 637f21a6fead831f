// The only code that writes the Xapian database: opens it (lock and schema checks),
// replaces articles, and commits in batches sized by the text they hold, so a killed run
// leaves the last commit whole and searchable.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace cs::indexer {

class DbWriter {
 public:
  // Opens the database at `path` for writing, creating it (and its parent folders) if
  // needed. Fails with kLocked when another writer holds it, and with kDatabase when the
  // path is a file, a non-empty folder that is no database, or a database written by an
  // incompatible cs-index.
  static Result<std::unique_ptr<DbWriter>> open(const std::filesystem::path& path, std::size_t batch_bytes);

  // Replaces every passage of article `article_id` with `documents`. `text_bytes` is the
  // article's text size: a batch is committed once it holds batch_bytes of text.
  // `vocabulary` (the article's distinct words) feeds Xapian's spelling table, from which
  // cs-search suggests corrections.
  Status replace_article(const std::string& article_id, std::vector<Xapian::Document>& documents,
                         std::size_t text_bytes, const std::vector<std::string>& vocabulary = {});

  // Records that articles are being stemmed with `stem_language` (see language.hpp), for
  // the searcher; stored with the next commit.
  void note_stem_language(const std::string& stem_language);

  // Commits what is pending. Called at the end of a run; a run that stops before it keeps
  // every earlier batch.
  Status commit();

  std::uint64_t passage_count() const { return db_.get_doccount(); }
  // What is written so far, uncommitted changes included (for reading back what earlier runs
  // stored, such as story fingerprints).
  const Xapian::Database& database() const { return db_; }
  const std::filesystem::path& path() const { return path_; }

 private:
  DbWriter(Xapian::WritableDatabase db, std::filesystem::path path, std::size_t batch_bytes);
  Error database_error(const Xapian::Error& e) const;

  Xapian::WritableDatabase db_;
  std::filesystem::path path_;
  std::size_t batch_bytes_;
  std::size_t pending_bytes_ = 0;
  bool in_transaction_ = false;
  std::set<std::string> stem_languages_;  // stored and noted this run
  bool stem_languages_changed_ = false;
};

}  // namespace cs::indexer
