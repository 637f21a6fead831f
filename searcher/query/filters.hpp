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
#include "searcher/search_request.hpp"

namespace cs::searcher {

// SearchFilters, SortOrder and parse_sort_order are in search_request.hpp.

// Articles dated from `since` to `until` (each YYYY, YYYY-MM or YYYY-MM-DD, inclusive; an
// empty one is open). A malformed date is a kUsage error naming `what` ("--since").
Result<Xapian::Query> date_range_query(std::string_view since, std::string_view until, std::string_view since_name,
                                       std::string_view until_name);

// The query that keeps only what `filters` allow (an empty Query when they allow all).
// Values of one option are alternatives; different options must all hold. A malformed
// date is a kUsage error naming the option.
Result<Xapian::Query> filter_query(const SearchFilters& filters, const Analyzer& analyzer);

}  // namespace cs::searcher
