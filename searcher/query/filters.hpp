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
// date is a kUsage error naming the option. With the database as `vocabulary`, --source
// and --author match by words (field_values.hpp: "guardian" is "The Guardian"), and a
// value that names none adds a note to `notes` listing the closest ones.
Result<Xapian::Query> filter_query(const SearchFilters& filters, const Analyzer& analyzer,
                                   const Xapian::Database* vocabulary = nullptr, std::vector<std::string>* notes = nullptr);

// The filters with one option left out, each with its label ("--since 2019"), and, when
// there are several, with all of them left out: what "no results" is explained with.
struct LoosenedFilter {
  std::string label;
  SearchFilters filters;
};
std::vector<LoosenedFilter> loosened_filters(const SearchFilters& filters);

// The articles a --lang or lang: value names. A tag with a region ("fr-FR") also matches the
// articles that give the language alone ("fr"), not those of another region ("fr-CA"); a
// language's name ("English", "Deutsch") matches its code.
Xapian::Query language_query(std::string_view value, const Analyzer& analyzer);

// The indexed values of `prefix`'s field (source, author) that `value` names by its words
// (field_values.hpp), as one query: "guardian" is "The Guardian" and "Guardian Weekly". A
// value that names none adds a note to `notes` naming the closest ones, with `option`
// ("--source", "source:") as the user wrote it.
Xapian::Query named_value_query(const Xapian::Database& db, std::string_view option, std::string_view field,
                                std::string_view prefix, std::string_view value, const Analyzer& analyzer,
                                std::vector<std::string>* notes);

}  // namespace cs::searcher
