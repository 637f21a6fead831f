// The values of a filtered field (source, author) that a typed value names: a source is
// found by its words, so `--source guardian` finds "The Guardian" and `source:"new york"`
// finds "The New York Times", case and accents folded as the indexer folds them. When no
// value matches, the closest ones are what to suggest.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace cs::searcher {

// The boolean terms under `prefix` (schema::kSourcePrefix, kAuthorPrefix) whose folded
// value is `folded`, or holds its words side by side: "guardian" names "the guardian",
// "new york" names "the new york times", "york new" and "guard" name neither. Reads the
// prefix's terms, a few hundred on a large index.
std::vector<std::string> terms_naming(const Xapian::Database& db, std::string_view prefix, std::string_view folded);

// At most `count` of the values under `prefix` closest to `folded` by edit distance over
// their words, as the articles write them ("The Guardian"), nearest first; for "no source
// matches" messages.
std::vector<std::string> closest_values(const Xapian::Database& db, std::string_view prefix, std::string_view folded,
                                        std::size_t count);

}  // namespace cs::searcher
