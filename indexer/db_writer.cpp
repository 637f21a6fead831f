#include "indexer/db_writer.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "common/schema.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// Xapian's glass backend marks a database folder with this file.
constexpr const char* kGlassMarker = "iamglass";

Error open_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

// The pid in the folder's pid file when that process is still running, else 0 (the file is
// left behind by a killed cs-index, or the lock is held by another Xapian program).
long running_writer_pid(const fs::path& path) {
  std::ifstream in(path / kWriterPidFile);
  long pid = 0;
  if (!(in >> pid) || pid <= 0) return 0;
  return (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM) ? pid : 0;
}

}  // namespace

Result<std::unique_ptr<DbWriter>> DbWriter::open(const fs::path& path) { return open(path, Mode::kIndex); }

Result<std::unique_ptr<DbWriter>> DbWriter::lock(const fs::path& path) { return open(path, Mode::kLockOnly); }

Result<std::unique_ptr<DbWriter>> DbWriter::open(const fs::path& path, Mode mode) {
  std::error_code ec;
  if (fs::exists(path, ec) && !fs::is_directory(path, ec)) {
    return open_error(path, "is a file, not a database folder", "pass --db with a folder path");
  }
  if (fs::is_directory(path, ec) && !fs::is_empty(path, ec) && !fs::exists(path / kGlassMarker, ec)) {
    return open_error(path, "folder is not a cs-search database",
                      "pass --db with a new or empty folder, or remove this one");
  }
  fs::create_directories(path, ec);
  if (ec) return open_error(path, "cannot create database folder (" + ec.message() + ")", "check permissions");
  if (::access(path.c_str(), W_OK) != 0) {
    return open_error(path, "database folder is read-only", "check its permissions, or pass --db DIR to write elsewhere");
  }
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (mode == Mode::kLockOnly) {
      // Nothing to check or write: the database is about to be replaced.
    } else if (db.get_doccount() == 0 && schema.empty()) {
      db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
      db.commit();
    } else if (schema != schema::kSchemaVersion) {
      return open_error(path, "written by an incompatible cs-index (schema " + schema + ")",
                        "run cs-index --rebuild, or delete the folder and run cs-index again");
    }
    // Only the lock holder writes this file, so a second writer reads the first one's pid.
    std::ofstream(path / kWriterPidFile, std::ios::trunc) << ::getpid() << '\n';
    return std::unique_ptr<DbWriter>(new DbWriter(std::move(db), path));
  } catch (const Xapian::DatabaseLockError&) {
    const long pid = running_writer_pid(path);
    return Error{ErrorKind::kLocked, path.string(), "",
                 pid > 0 ? "database is being indexed by another cs-index, pid " + std::to_string(pid)
                         : "database is locked by another writer",
                 "wait for it to finish, or pass --db DIR to write elsewhere"};
  } catch (const Xapian::Error& e) {
    return open_error(path, "cannot open database (" + e.get_description() + ")",
                      "check permissions, or pass --db DIR");
  }
}

DbWriter::DbWriter(Xapian::WritableDatabase db, std::filesystem::path path) : db_(std::move(db)), path_(std::move(path)) {
  for (std::string& language : schema::split_list(db_.get_metadata(std::string(schema::kStemLanguagesKey)))) {
    stem_languages_.insert(std::move(language));
  }
}

DbWriter::~DbWriter() { close(); }

void DbWriter::close() {
  if (!open_) return;
  open_ = false;
  std::error_code ec;
  fs::remove(path_ / kWriterPidFile, ec);  // before the lock goes, so it never names a stranger
  try {
    // Closing without a commit drops what is uncommitted: the last commit stays the state.
    if (in_transaction_) db_.cancel_transaction();
    db_.close();
  } catch (const Xapian::Error&) {
    // Nothing more to save; the last commit is intact.
  }
}

void DbWriter::note_stem_language(const std::string& stem_language) {
  if (stem_languages_.insert(stem_language).second) stem_languages_changed_ = true;
}

Error DbWriter::database_error(const Xapian::Error& e) const {
  return open_error(path_, "write failed (" + e.get_description() + ")",
                    "check free disk space; the last commit is intact, and the next run resumes from it");
}

void DbWriter::begin_batch() {
  // Inside a transaction Xapian does not flush on its own, so a batch is all or nothing.
  if (!in_transaction_) {
    db_.begin_transaction();
    in_transaction_ = true;
  }
}

Result<bool> DbWriter::replace_article(const std::string& article_id,
                                       const std::optional<Xapian::Document>& document,
                                       const std::vector<std::string>& vocabulary) {
  try {
    begin_batch();
    // delete_document(term) walks the term's postings merged with every pending change, which
    // made a fresh index quadratic; checking that the article is there first is a lookup.
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    const bool existed = db_.term_exists(id_term);
    if (existed && document) {
      db_.replace_document(id_term, *document);
    } else if (existed) {
      db_.delete_document(id_term);
    } else if (document) {
      db_.add_document(*document);
    }
    for (const std::string& word : vocabulary) db_.add_spelling(word);
    return existed;
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Result<bool> DbWriter::remove_article(const std::string& article_id) {
  try {
    begin_batch();
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    if (!db_.term_exists(id_term)) return false;
    db_.delete_document(id_term);
    return true;
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Status DbWriter::record_file(const FileState& state) {
  try {
    begin_batch();
    db_.set_metadata(file_state_key(state.path), serialise_file_state(state));
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Status DbWriter::forget_file(const std::string& absolute_path) {
  try {
    begin_batch();
    db_.set_metadata(file_state_key(absolute_path), "");  // an empty value deletes the key
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Status DbWriter::commit() {
  try {
    if (stem_languages_changed_) {  // in the same transaction as the articles stemmed so
      begin_batch();
      db_.set_metadata(std::string(schema::kStemLanguagesKey),
                       schema::join_list({stem_languages_.begin(), stem_languages_.end()}));
      stem_languages_changed_ = false;
    }
    if (in_transaction_) {
      db_.commit_transaction();
      in_transaction_ = false;
    }
    db_.commit();
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

}  // namespace cs::indexer
