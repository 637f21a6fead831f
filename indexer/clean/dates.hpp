// Reads the dates that articles and records carry, in the forms news sites and feeds write
// them, and gives them back as ISO 8601.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/clean/zone_names.hpp"

namespace cs::indexer {

// Years outside this range are numbers, not dates: four digits from 1000 (archives date
// papers back to the 1700s and before), and nothing past 2200 (typos such as 2102 stay out).
inline constexpr int kMinDateYear = 1000;
inline constexpr int kMaxDateYear = 2200;

// Parses a whole string as a date, with or without a time and zone:
//   W3CDTF/ISO 8601: 2021-02-11, 2021-02-11T02:39:57Z, 2021-02-11T10:39+08:00,
//     2021-02-11 02:39:57.0, 2021-02-11 02:39:57 -00:20;
//   RFC 822 and its variants in feeds: Thu, 11 Feb 2021 02:39:57 GMT, with or without the
//     weekday or the seconds, two-digit years, full month names, "Thu Feb 11 2021 ...",
//     asctime, 2021/02/11;
//   newsroom datelines: Mar 10, 2021, March 10, 2021, 10 March 2021, Feb. 12, 2025, 2:58 a.m.
//     ET, January 17, 2025 4:06 pm (EST), Jul 13, 2026 at 2:59 PM, Wednesday, February 10, 2021.
// Zones (zone_names.hpp): RFC 822 names are fixed offsets (PST is -0800 all year), numeric
// offsets and GMT+2 are read, ET/CT/MT/PT follow summer time; no zone is UTC.
// A date alone gives "YYYY-MM-DD" as written; a date with a time gives that time with the
// offset it was given in, "YYYY-MM-DDTHH:MM:SS+09:00" ("Z" for UTC and for no zone), so that
// its day is the place of publication's. Anything else, including text around the date or a
// year outside kMinDateYear-kMaxDateYear, gives nullopt.
std::optional<std::string> parse_date(std::string_view text);

// A record's date given as a number, as news APIs and exports write it: seconds since
// 1970 (1706745600), or milliseconds (1706745600000); "YYYY-MM-DDTHH:MM:SSZ", or nullopt
// for a number that is neither (a count, an id, a year alone, 202405201230).
std::optional<std::string> parse_epoch_date(double number);

// A dateline as pages print it: a date (parse_date), perhaps after symbols ("📅 ") and a
// label: Published, Posted, Updated, Last updated, Modified, each with an optional "on" or
// ":", and a few localized ones (Veröffentlicht am, Publié le, Publicado el, Güncelleme,
// ...), or after the site's host and a dash ("Kompas.com - 20/03/2024, 22:45 WIB"). The clock
// may come first ("Published 3:14 p.m. ET Jan. 4, 2024"), and a later update may follow
// ("October 17, 2024 1:15 PM GMT+1 Updated 3 hours ago"): the first date is the one read.
std::optional<std::string> parse_dateline(std::string_view text);

// Whether `local`, a date with a time and no zone (read as UTC), and `zoned`, a dateline
// that names its zone, give one moment: the same clock time, to the minute, with `local` in
// some zone from UTC-12:00 to UTC+14:00. Kompas dates its pages in a meta tag in Jakarta
// time without a zone ("2024-03-20 22:45:12") and prints "20/03/2024, 22:45 WIB".
bool is_local_time_of(std::string_view local, std::string_view zoned);

// What to tell a reader about `text`, a date parse_dateline does not read, beyond that: a
// word of it that is a zone's abbreviation naming several zones (zone_names.hpp), or
// nullopt.
std::optional<AmbiguousZone> ambiguous_zone_in(std::string_view text);

// True for a time of day alone, perhaps labelled, as a page's header prints its last update
// beside the date: "Updated 9:40 p.m. ET", "10:02 GMT".
bool is_clock_time_line(std::string_view text);

}  // namespace cs::indexer
