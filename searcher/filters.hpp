// Restrictions and orderings given as options (--since, --until, --source, --author,
// --topic, --lang, --sort): they narrow which articles match, or reorder them, without
// changing how a passage scores.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"

namespace cs::searcher {

struct SearchFilters {
  std::string since;  // as typed: YYYY, YYYY-MM or YYYY-MM-DD; inclusive
  std::string until;  // the same; inclusive of the whole year, month or day
  std::vector<std::string> sources;  // any of them (case and accents ignored)
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  std::vector<std::string> langs;  // "en" also matches "en-US"

  bool empty() const {
    return since.empty() && until.empty() && sources.empty() && authors.empty() && topics.empty() && langs.empty();
  }
};

enum class SortOrder { kRelevance, kOldestFirst, kNewestFirst };

// "relevance", "date" (oldest first) or "-date" (newest first); else a kUsage error.
Result<SortOrder> parse_sort_order(std::string_view text);

// Articles dated from `since` to `until` (each YYYY, YYYY-MM or YYYY-MM-DD, inclusive; an
// empty one is open). A malformed date is a kUsage error naming `what` ("--since").
Result<Xapian::Query> date_range_query(std::string_view since, std::string_view until, std::string_view since_name,
                                       std::string_view until_name);

// The query that keeps only what `filters` allow (an empty Query when they allow all).
// Values of one option are alternatives; different options must all hold. A malformed
// date is a kUsage error naming the option.
Result<Xapian::Query> filter_query(const SearchFilters& filters, const Analyzer& analyzer);

}  // namespace cs::searcher
