#include "indexer/analyse/dictionary_trainer.hpp"

#include <string_view>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "common/stored_dictionaries.hpp"

namespace cs::indexer {

namespace {

// Pieces end at the first line break past kPieceBytes (passages end at paragraphs), or at a
// space past kMaxPieceBytes in a long paragraph.
constexpr std::size_t kPieceBytes = 600;
constexpr std::size_t kMaxPieceBytes = 1200;

std::size_t piece_end(std::string_view text) {
  if (text.size() <= kMaxPieceBytes) return text.size();
  const std::size_t line = text.find('\n', kPieceBytes);
  if (line != std::string_view::npos && line < kMaxPieceBytes) return line + 1;
  const std::size_t space = text.find(' ', kMaxPieceBytes);
  return space == std::string_view::npos ? text.size() : space + 1;
}

}  // namespace

std::optional<compact_text::Dictionary> DictionaryTrainer::Samples::train_when(bool enough, std::size_t capacity,
                                                                             compact_text::Training training) {
  if (done || !enough) return std::nullopt;
  done = true;
  const std::vector<std::string_view> views(pieces.begin(), pieces.end());
  auto dictionary = compact_text::train_dictionary(views, capacity, training);
  pieces = {};
  return dictionary;
}

void DictionaryTrainer::gather_stored(const Xapian::Database& db, const DocumentDictionaries& have) {
  if ((have.passages || !wants_passages()) && (have.records || !wants_records())) return;
  // The stored records need the database's records dictionary when it has one (and lacks
  // only the passages').
  StoredDictionaries dictionaries;
  dictionaries.reset({db});
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const bool passages = !have.passages && wants_passages();
    const bool records = !have.records && wants_records();
    if (!passages && !records) break;
    const Xapian::Document document = db.get_document(*it);
    auto record = decode_article_record(document.get_data(), dictionaries.lookup());
    if (!record) continue;  // not this trainer's to report; the searcher will
    if (records) records_.add(article_record_json(*record));
    for (std::uint32_t k = 0; passages && k < record->count && wants_passages(); ++k) {
      if (auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(k)), dictionaries.lookup())) {
        passages_.add(std::move(text->text));
      }
    }
  }
}

DocumentDictionaries DictionaryTrainer::offer(const std::vector<Article>& articles, const std::vector<std::string>& roots,
                                              const DocumentDictionaries& have) {
  DocumentDictionaries trained;
  if (!have.passages && !passages_.done) {
    for (std::size_t i = 0; i < articles.size() && wants_passages(); ++i) {
      std::string_view text = articles[i].body;
      while (!text.empty() && wants_passages()) {
        const std::size_t end = piece_end(text);
        passages_.add(std::string(text.substr(0, end)));
        text.remove_prefix(end);
      }
    }
    trained.passages = passages_.train_when(!wants_passages(), kPassageDictionaryBytes, compact_text::Training::kProse);
  }
  if (!have.records && !records_.done) {
    for (std::size_t i = 0; i < articles.size() && wants_records(); ++i) {
      // The passage count is not known yet; it is a few bytes of the record.
      records_.add(article_record_json(article_record(articles[i], roots[i], 0)));
    }
    trained.records = records_.train_when(!wants_records(), kRecordDictionaryBytes, compact_text::Training::kRecords);
  }
  return trained;
}

void SharedDictionaries::load(const Xapian::Database& db) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!known_.passages) known_.passages = current_dictionary(db, DictionaryUse::kPassages);
  if (!known_.records) known_.records = current_dictionary(db, DictionaryUse::kRecords);
  trainer_.gather_stored(db, known_);
}

DocumentDictionaries SharedDictionaries::offer(const std::vector<Article>& articles,
                                               const std::vector<std::string>& roots) {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!known_.passages || !known_.records) {
    DocumentDictionaries trained = trainer_.offer(articles, roots, known_);
    if (trained.passages) known_.passages = std::move(trained.passages);
    if (trained.records) known_.records = std::move(trained.records);
  }
  return known_;
}

}  // namespace cs::indexer
