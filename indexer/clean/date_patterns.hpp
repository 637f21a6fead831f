// The forms of date cs-index reads, as ICU SimpleDateFormat patterns in the order
// parse_date (dates.hpp) tries them.
#pragma once

#include <string>
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

}  // namespace cs::indexer
