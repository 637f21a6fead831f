#include "indexer/write/db_writer.hpp"

#include "common/failpoint.hpp"
#include "common/schema.hpp"
#include "indexer/analyse/spelling_counts.hpp"
#include "indexer/write/compaction.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

Error open_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

}  // namespace

Result<std::unique_ptr<DbWriter>> DbWriter::open(const fs::path& path, Durability durability) {
  auto folder = DbFolder::claim(path);
  if (!folder) return folder.error();
  return open(std::move(*folder), durability);
}

Result<std::unique_ptr<DbWriter>> DbWriter::open(std::unique_ptr<DbFolder> folder, Durability durability) {
  const fs::path path = folder->path();
  if (Status finished = finish_killed_compaction(*folder); !finished) return finished.error();
  try {
    const int sync = durability == Durability::kScratch ? Xapian::DB_NO_SYNC : 0;
    Xapian::WritableDatabase db(path.string(), Xapian::DB_CREATE_OR_OPEN | sync);
    const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
    if (db.get_doccount() == 0 && schema.empty()) {
      db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
      db.commit();
    } else if (schema != schema::kSchemaVersion) {
      return open_error(path,
                        "written by an incompatible cs-index (database schema " + schema + ", this cs-index writes " +
                            std::string(schema::kSchemaVersion) + ")",
                        "run cs-index --rebuild, or delete the folder and run cs-index again");
    }
    return std::unique_ptr<DbWriter>(new DbWriter(std::move(db), std::move(folder)));
  } catch (const Xapian::DatabaseLockError&) {
    // cs-index's own lock is held, so this is another program writing with Xapian.
    return locked_by_another_xapian_writer(path);
  } catch (const Xapian::Error& e) {
    return open_error(path, "cannot open database (" + e.get_description() + ")",
                      "check permissions, or run cs-index --rebuild");
  }
}

DbWriter::DbWriter(Xapian::WritableDatabase db, std::unique_ptr<DbFolder> folder)
    : db_(std::move(db)), folder_(std::move(folder)), path_(folder_->path()) {
  spelling_.load(db_);  // what a killed run left waiting
  for (std::string& language : schema::split_list(db_.get_metadata(std::string(schema::kStemLanguagesKey)))) {
    stem_languages_.insert(std::move(language));
  }
  dictionaries_.reset({db_});
  passage_dictionary_id_ = current_dictionary_id(db_, DictionaryUse::kPassages);
  record_dictionary_id_ = current_dictionary_id(db_, DictionaryUse::kRecords);
}

DbWriter::~DbWriter() { close(); }

void DbWriter::close() { close_keeping_folder(); }

std::unique_ptr<DbFolder> DbWriter::close_keeping_folder() {
  if (!open_) return nullptr;
  open_ = false;
  try {
    // Closing without a commit drops what is uncommitted: the last commit stays the state.
    if (in_transaction_) db_.cancel_transaction();
    db_.close();
  } catch (const Xapian::Error&) {
    // Nothing more to save; the last commit is intact.
  }
  return std::move(folder_);
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
                                       const std::optional<Xapian::Document>& document) {
  try {
    begin_batch();
    // delete_document(term) walks the term's postings merged with every pending change, which
    // made a fresh index quadratic; checking that the article is there first is a lookup.
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    const bool existed = db_.term_exists(id_term);
    if (existed) forget_spelling(id_term);
    if (existed && document) {
      db_.replace_document(id_term, *document);
    } else if (existed) {
      db_.delete_document(id_term);
    } else if (document) {
      db_.add_document(*document);
    }
    return existed;
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

void DbWriter::forget_spelling(const std::string& id_term) {
  const Xapian::PostingIterator found = db_.postlist_begin(id_term);
  if (found == db_.postlist_end(id_term)) return;
  for (std::string& word : stored_spelling_words(db_.get_document(*found), dictionaries_.lookup(), analyzer_)) {
    --batch_counts_[std::move(word)];
  }
}

void DbWriter::add_batch_spelling() {
  if (batch_counts_.empty()) return;
  begin_batch();
  spelling_.add(db_, {batch_counts_.begin(), batch_counts_.end()});
  batch_counts_.clear();
}

Status DbWriter::add_spelling(const std::vector<std::pair<std::string, std::uint32_t>>& words) {
  try {
    begin_batch();
    // The counts of the batch's articles and minus those of the ones they replaced, in one record.
    for (const auto& [word, articles] : words) batch_counts_[word] += articles;
    add_batch_spelling();
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Status DbWriter::use_dictionary(DictionaryUse use, const compact_text::Dictionary& dictionary) {
  std::uint32_t& current = use == DictionaryUse::kPassages ? passage_dictionary_id_ : record_dictionary_id_;
  if (current == dictionary.id()) return ok_status();
  try {
    begin_batch();
    store_dictionary(db_, use, dictionary);
    current = dictionary.id();
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

Result<bool> DbWriter::remove_article(const std::string& article_id) {
  try {
    begin_batch();
    const std::string id_term = schema::boolean_term(schema::kArticleIdPrefix, article_id);
    if (!db_.term_exists(id_term)) return false;
    forget_spelling(id_term);
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

Status DbWriter::commit_with_spelling() { return commit(true); }

Status DbWriter::commit() { return commit(false); }

Status DbWriter::commit(bool all_spelling) {
  try {
    add_batch_spelling();  // in the same transaction as the deletions
    if (all_spelling ? !spelling_.empty() : spelling_.due()) {
      begin_batch();
      spelling_.apply(db_);
    }
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
    failpoint("commit");
    return ok_status();
  } catch (const Xapian::Error& e) {
    return database_error(e);
  }
}

}  // namespace cs::indexer
