// Turns what the user typed into a Xapian query, through the same analyzer the indexer
// used, so query terms and index terms always agree.
//
// Syntax (this version): words, matched by stem in text and title; "exact phrases",
// matched word for word; +word or +"phrase" must match; -word or -"phrase" must not.
// Other words are optional: BM25 ranks passages that match more of them first.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"

namespace cs::searcher {

struct ParsedQuery {
  Xapian::Query query;
  std::vector<std::string> highlight_words;  // normalised words the user asked for
  std::vector<std::string> highlight_stems;  // stems of the words matched by stem
};

// Limits that keep a hostile query fast to refuse rather than slow to run.
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;
inline constexpr std::size_t kMaxQueryWords = 1024;

// Fails with a kQuery error whose location names the column (1-based, in bytes) for an
// unbalanced quote, a query with no searchable words, only excluded words, or a query
// over the limits.
Result<ParsedQuery> parse_query(std::string_view text, Analyzer& analyzer);

}  // namespace cs::searcher
