#include "common/stored_dictionaries.hpp"

#include <string>

#include "common/schema.hpp"

namespace cs {

namespace {

std::string dictionary_key(std::uint32_t id) { return std::string(schema::kDictionaryPrefix) + std::to_string(id); }

std::string current_key(DictionaryUse use) {
  return std::string(use == DictionaryUse::kPassages ? schema::kPassageDictionaryKey : schema::kRecordDictionaryKey);
}

std::optional<compact_text::Dictionary> read_dictionary(const Xapian::Database& db, std::uint32_t id) {
  std::string bytes = db.get_metadata(dictionary_key(id));
  if (bytes.empty()) return std::nullopt;
  auto dictionary = compact_text::Dictionary::load(std::move(bytes));
  // A dictionary whose bytes name another id is not the one asked for.
  if (dictionary && dictionary->id() != id) return std::nullopt;
  return dictionary;
}

}  // namespace

std::uint32_t current_dictionary_id(const Xapian::Database& db, DictionaryUse use) {
  const std::string id = db.get_metadata(current_key(use));
  if (id.empty() || id.size() > 10 || id.find_first_not_of("0123456789") != std::string::npos) return 0;
  const unsigned long value = std::stoul(id);
  return value > UINT32_MAX ? 0 : static_cast<std::uint32_t>(value);
}

std::optional<compact_text::Dictionary> current_dictionary(const Xapian::Database& db, DictionaryUse use) {
  const std::uint32_t id = current_dictionary_id(db, use);
  if (id == 0) return std::nullopt;
  return read_dictionary(db, id);
}

void store_dictionary(Xapian::WritableDatabase& db, DictionaryUse use, const compact_text::Dictionary& dictionary) {
  db.set_metadata(dictionary_key(dictionary.id()), dictionary.bytes());
  db.set_metadata(current_key(use), std::to_string(dictionary.id()));
}

void StoredDictionaries::reset(std::vector<Xapian::Database> sources) {
  sources_ = std::move(sources);
  found_.clear();
}

const compact_text::Dictionary* StoredDictionaries::find(std::uint32_t id) {
  auto entry = found_.find(id);
  if (entry == found_.end()) {
    // Kept only once every source answered: a shard whose reading failed (a remote one that
    // stopped answering) is asked again next time.
    std::optional<compact_text::Dictionary> dictionary;
    for (const Xapian::Database& source : sources_) {
      if ((dictionary = read_dictionary(source, id))) break;
    }
    entry = found_.emplace(id, std::move(dictionary)).first;
  }
  return entry->second ? &*entry->second : nullptr;
}

}  // namespace cs
