// The Zstandard dictionaries a database's passage texts are compressed with
// (compact_text.hpp), kept in its metadata: each under its id, and the one cs-index
// compresses new passages with under kPassageDictionaryKey. A database keeps every
// dictionary it was given (a parallel build's merge brings one from each part, and an
// old passage still needs the one it was compressed with); the searcher finds each by the
// id a passage's frame names.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

#include "common/compact_text.hpp"

namespace cs {

// The dictionary new passages are compressed with; nullopt when there is none yet. Xapian
// errors propagate.
std::optional<compact_text::Dictionary> current_passage_dictionary(const Xapian::Database& db);

// Stores `dictionary` in `db` (with its next commit) and makes it the current one.
void store_passage_dictionary(Xapian::WritableDatabase& db, const compact_text::Dictionary& dictionary);

// The dictionaries of some databases (a search's shards), read from their metadata at the
// first passage that names each. Not thread-safe: one per searcher.
class PassageDictionaries {
 public:
  // Looks in `sources` from now on, forgetting what was read from the ones before.
  void reset(std::vector<Xapian::Database> sources);

  // The dictionary of id `id` in any source; nullptr when none holds it. Xapian errors
  // propagate.
  const compact_text::Dictionary* find(std::uint32_t id);

  // find() as unpack_passage_text takes it; valid while this object is.
  compact_text::DictionaryLookup lookup() {
    return [this](std::uint32_t id) { return find(id); };
  }

 private:
  std::vector<Xapian::Database> sources_;
  std::map<std::uint32_t, std::optional<compact_text::Dictionary>> found_;  // nullopt: none holds it
};

}  // namespace cs
