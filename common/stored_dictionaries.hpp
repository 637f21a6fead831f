// The Zstandard dictionaries (compact_text.hpp) a database's passage texts and article
// records are compressed with, kept in its metadata: each under its id, and the ones cs-index
// compresses new passages and records with under a key for each use. A database keeps every
// dictionary it was given (a parallel build's merge brings one of each use from each part,
// and an old passage or record still needs the one it was compressed with); the searcher
// finds each by the id a frame names.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "common/compact_text.hpp"

namespace cs {

enum class DictionaryUse { kPassages, kRecords };

// The id of the dictionary new passages or records are compressed with, and the dictionary
// itself; 0 and nullopt when there is none yet (or it is unreadable). Xapian errors propagate.
std::uint32_t current_dictionary_id(const Xapian::Database& db, DictionaryUse use);
std::optional<compact_text::Dictionary> current_dictionary(const Xapian::Database& db, DictionaryUse use);

// Stores `dictionary` in `db` (with its next commit) as the current one for `use`.
void store_dictionary(Xapian::WritableDatabase& db, DictionaryUse use, const compact_text::Dictionary& dictionary);

// The dictionaries of some databases (a search's shards), read from their metadata at the
// first frame that names each. Not thread-safe: one per searcher.
class StoredDictionaries {
 public:
  // Looks in `sources` from now on, forgetting what was read from the ones before.
  void reset(std::vector<Xapian::Database> sources);

  // The dictionary of id `id` in any source; nullptr when none holds it. Xapian errors
  // propagate.
  const compact_text::Dictionary* find(std::uint32_t id);

  // find() as unpack_passage_text and decode_article_record take it; valid while this
  // object is.
  compact_text::DictionaryLookup lookup() {
    return [this](std::uint32_t id) { return find(id); };
  }

 private:
  std::vector<Xapian::Database> sources_;
  std::map<std::uint32_t, std::optional<compact_text::Dictionary>> found_;  // nullopt: none holds it
};

}  // namespace cs
