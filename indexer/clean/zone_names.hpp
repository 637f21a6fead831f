// Reads the time zone a written date ends with: an RFC 822 zone name (a fixed offset: PST is
// always -0800), another common abbreviation, a numeric offset (+0100, -05:00, GMT+2), or
// a generic regional name (ET, PT) that follows the region's summer time.
#pragma once

#include <optional>
#include <string_view>

namespace cs::indexer {

struct DateZone {
  int offset_minutes = 0;        // east of UTC; used when `region` is null
  const char* region = nullptr;  // an IANA zone whose rules give the offset for the date
};

// The zone `token` names, or nullopt when it names none. `after_time` says the token
// follows a clock time; only then is a lone military letter (A-Y) a zone.
std::optional<DateZone> read_zone(std::string_view token, bool after_time);

// True when `token` is a numeric offset (+0100, -05:00, GMT+2) rather than a name.
bool is_numeric_zone(std::string_view token);

// A zone's abbreviation that names several zones, which read_zone leaves unread: the places
// it may be ("India, Israel or Ireland" for IST) and one of their offsets, as an example of
// writing it so ("India's: +05:30").
struct AmbiguousZone {
  std::string_view name;
  std::string_view places;
  std::string_view example;
};

// The ambiguous zone `token` names, or nullopt.
std::optional<AmbiguousZone> ambiguous_zone(std::string_view token);

}  // namespace cs::indexer
