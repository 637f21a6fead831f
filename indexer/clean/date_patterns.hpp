// The forms of date cs-index reads, as ICU SimpleDateFormat patterns in the order
// parse_date (dates.hpp) tries them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

struct DatePattern {
  std::string icu_pattern;  // ICU SimpleDateFormat syntax
  bool has_time;
  const char* locale = "en_US";  // whose month names it reads
  bool day_or_month_first = false;  // 03/04/2024: tried only when the day shows which comes first
};

// Tried in order; ICU parses "Mar" and "March" with either MMM or MMMM, and names in any
// case. Four-digit years come before two-digit ones ("yy" reads 15 as 2015: ICU's
// default century, the 80 years before and 20 after today).
std::vector<DatePattern> date_patterns();

// The bytes of a weekday's full name ("Martes, ", "mardi "), in a language whose month names
// the patterns read, and the comma and spaces after it, where one opens `text`; else 0.
// Those patterns carry no weekday: parse_date reads what follows.
std::size_t leading_weekday_length(std::string_view text);

}  // namespace cs::indexer
