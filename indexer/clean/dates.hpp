// Reads the dates that articles and records carry, in the forms news sites write them, and
// gives them back as ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cs::indexer {

// Parses a whole string as a date, with or without a time and zone:
//   2021-02-11, 2021-02-11T02:39:57Z, 2021-02-11T10:39:57+08:00, 2021-02-11 02:39:57,
//   Mar 10, 2021, March 10, 2021, 10 March 2021, Feb. 12, 2025, 2:58 a.m. ET,
//   January 17, 2025 4:06 pm (EST), Wednesday, February 10, 2021.
// A date alone gives "YYYY-MM-DD" as written; a date with a time gives the UTC instant,
// "YYYY-MM-DDTHH:MM:SSZ" (a time with no zone is taken as UTC). Anything else, including
// text around the date or a year outside 1800-2200, gives nullopt.
std::optional<std::string> parse_date(std::string_view text);

}  // namespace cs::indexer
