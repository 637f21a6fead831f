// What a trailing-* prefix ("tariff*") matches: the index keeps each word's stem, not the
// word as written (common/schema.hpp), so a prefix matches stems. Those that begin with it,
// and those of the index's listed words that begin with it (query.hpp's
// QueryContext::words_starting), whose stems may be shorter than the prefix: "climate*"
// reaches "climat", the stem of "climate". A stem matches every word that shares it, as an
// unquoted word does ("organization*" finds "organs": Snowball stems both "organ").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/query/stem_languages.hpp"

namespace cs::searcher {

struct WildcardStem {
  std::string stem;
  Xapian::doccount articles = 0;  // holding it in the field
  StemmerSet stemmers = 0;        // the languages whose articles it counts in
};

// The stems `typed*` matches in a field ("" the body, or schema::kTitlePrefix), the `limit`
// held by the most articles first: the field's stems that begin with `typed` (in every
// language of `all`), and those of `word_stems` (the stems of the words that begin with
// it) that the field holds. Empty when none is held. Throws Xapian::Error.
std::vector<WildcardStem> wildcard_stems(const Xapian::Database& vocabulary, std::string_view field_prefix,
                                         std::string_view typed, const std::vector<WildcardStem>& word_stems,
                                         StemmerSet all, std::size_t limit);

}  // namespace cs::searcher
