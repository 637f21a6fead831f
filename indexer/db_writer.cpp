#include "indexer/db_writer.hpp"

#include "common/schema.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// Xapian's glass backend marks a database folder with this file.
constexpr const char* kGlassMarker = "iamglass";

Error open_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

}  // namespace

Result<std::unique_ptr<DbWriter>> DbWriter::open(const fs::path& path, std::size_t batch_bytes) {
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
  try {
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN);
    const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (db.get_doccount() == 0 && schema.empty()) {
      db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
      db.commit();
    } else if (schema != schema::kSchemaVersion) {
      return open_error(path, "written by an incompatible cs-index (schema " + schema + ")",
                        "delete the folder and run cs-index again");
    }
    return std::unique_ptr<DbWriter>(new DbWriter(std::move(db), path, batch_bytes));
  } catch (const Xapian::DatabaseLockError&) {
    return Error{ErrorKind::kLocked, path.string(), "", "locked by another cs-index",
                 "wait for it to finish, or pass --db DIR to write elsewhere"};
  } catch (const Xapian::Error& e) {
    return open_error(path, "cannot open database (" + e.get_description() + ")",
                      "check permissions, or pass --db DIR");
  }
}

DbWriter::DbWriter(Xapian::WritableDatabase db, std::filesystem::path path, std::size_t batch_bytes)
    : db_(std::move(db)), path_(std::move(path)), batch_bytes_(batch_bytes) {
  for (std::string& language : schema::split_list(db_.get_metadata(std::string(schema::kStemLanguagesKey)))) {
    stem_languages_.insert(std::move(language));
  }
}

void DbWriter::note_stem_language(const std::string& stem_language) {
  if (stem_languages_.insert(stem_language).second) stem_languages_changed_ = true;
}

Error DbWriter::database_error(const Xapian::Error& e) const {
  return open_error(path_, "write failed (" + e.get_description() + ")",
                    "check free disk space; the last commit is intact");
}

Status DbWriter::replace_article(const std::string& article_id, std::vector<Xapian::Document>& documents,
                                 std::size_t text_bytes, const std::vector<std::string>& vocabulary) {
  try {
    // Inside a transaction Xapian does not flush on its own, so a batch is all or nothing.
    if (!in_transaction_) {
      db_.begin_transaction();
      in_transaction_ = true;
    }
    // delete_document(term) walks the term's postings merged with every pending change, which
    // made a fresh index quadratic; checking that the article is there first is a lookup.
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    if (db_.term_exists(id_term)) db_.delete_document(id_term);
    for (Xapian::Document& document : documents) db_.add_document(document);
    for (const std::string& word : vocabulary) db_.add_spelling(word);
    pending_bytes_ += text_bytes;
    if (pending_bytes_ >= batch_bytes_) return commit();
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Status DbWriter::commit() {
  try {
    if (stem_languages_changed_) {  // in the same transaction as the articles stemmed so
      db_.set_metadata(std::string(schema::kStemLanguagesKey),
                       schema::join_list({stem_languages_.begin(), stem_languages_.end()}));
      stem_languages_changed_ = false;
    }
    if (in_transaction_) {
      db_.commit_transaction();
      in_transaction_ = false;
    }
    db_.commit();
    pending_bytes_ = 0;
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

}  // namespace cs::indexer
