// "Did you mean": a query whose words the database does not hold, corrected from Xapian's
// spelling table.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::searcher {

// Levenshtein distance over bytes, or `limit` + 1 as soon as it is known to be more.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// `query_text` with each word that looks like a typo replaced by the word of `db`'s spelling
// table that best explains it: within two edits, the most frequent for the edits it needs
// (an edit weighs as a tenfold frequency, and a word that sounds alike by Soundex is one
// edit nearer, so "Blare" becomes "blair" where "blame" is rarer). A word the index holds
// stays unless the correction is fifty times as frequent ("goverment" in a few articles
// becomes "government"). Operators and field names are left alone. Empty when nothing was
// replaced, or when the database could not say. Reads the whole spelling table: for
// queries that found little, not for every query.
std::string suggest_spelling(const Xapian::Database& db, std::string_view query_text, Analyzer& analyzer);

// The words of `db` that begin with `prefix` (a folded word; itself too), the most frequent first, at
// most `count`, each with the articles holding it. Reads at most a few thousand terms.
std::vector<std::pair<std::string, std::uint64_t>> complete_word(const Xapian::Database& db, std::string_view prefix,
                                                                 std::size_t count);

}  // namespace cs::searcher
