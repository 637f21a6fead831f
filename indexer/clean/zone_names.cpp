#include "indexer/clean/zone_names.hpp"

#include "common/ascii.hpp"

namespace cs::indexer {

namespace {

struct FixedZone {
  std::string_view name;
  int minutes;
};

// RFC 822 §5.1 names (kept by RFC 1123 §5.2.14 and RFC 5322 §4.3) are fixed offsets: a feed
// that writes PST in July means -0800, not Los Angeles summer time.
constexpr FixedZone kRfc822Zones[] = {
    {"UT", 0},      {"GMT", 0},     {"Z", 0},       {"EST", -300}, {"EDT", -240}, {"CST", -360},
    {"CDT", -300},  {"MST", -420},  {"MDT", -360},  {"PST", -480}, {"PDT", -420},
};

// Other abbreviations feeds and datelines write, each with one meaning in news use. Left
// out on purpose: IST (India, Ireland, Israel), and others naming two zones news sites use.
// AST/ADT are Atlantic time, as North American feeds and feedparser read them; WIB, WITA
// and WIT are Indonesia's western, central and eastern time (UTC+7, +8, +9), as its papers
// print them ("20/03/2024, 22:45 WIB").
constexpr FixedZone kOtherZones[] = {
    {"UTC", 0},     {"WET", 0},     {"WEST", 60},   {"BST", 60},    {"CET", 60},    {"CEST", 120},
    {"MET", 60},    {"MEST", 120},  {"EET", 120},   {"EEST", 180},  {"MSK", 180},   {"AST", -240},
    {"ADT", -180},  {"NST", -210},  {"NDT", -150},  {"AKST", -540}, {"AKDT", -480}, {"HST", -600},
    {"JST", 540},   {"KST", 540},   {"HKT", 480},   {"SGT", 480},   {"WIB", 420},   {"WITA", 480},
    {"WIT", 540},   {"AWST", 480},  {"ACST", 570},
    {"ACDT", 630},  {"AEST", 600},  {"AEDT", 660},  {"NZST", 720},  {"NZDT", 780},
};

// The abbreviations left out above because each names several zones news sites use.
constexpr AmbiguousZone kAmbiguousZones[] = {
    {"IST", "India, Israel or Ireland", "India's: +05:30"},  // Indian, Israel and Irish Standard Time
    {"SST", "Samoa or Singapore", "Singapore's: +08:00"},   // Samoa Standard Time, Singapore's older name
};

struct RegionZone {
  std::string_view name;
  const char* region;
};

// Generic names say "local time" (a dateline's "2:58 a.m. ET" in July is EDT): the
// region's rules decide the offset.
constexpr RegionZone kRegionZones[] = {
    {"ET", "America/New_York"}, {"CT", "America/Chicago"}, {"MT", "America/Denver"}, {"PT", "America/Los_Angeles"},
};

// The largest offset in use is +14:00 (Line Islands).
constexpr int kMaxOffsetHours = 14;

std::optional<int> two_digits(std::string_view s) {
  if (s.size() != 2 || !all_ascii_digits(s)) return std::nullopt;
  return (s[0] - '0') * 10 + (s[1] - '0');
}

// "+0100", "-05:00", "+2", "+02" (after GMT/UTC), as minutes east of UTC.
std::optional<int> numeric_offset(std::string_view s) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  std::string_view hours = s;
  std::string_view minutes;
  if (const std::size_t colon = s.find(':'); colon != std::string_view::npos) {
    hours = s.substr(0, colon);
    minutes = s.substr(colon + 1);
    if (minutes.size() != 2) return std::nullopt;
  } else if (s.size() == 4) {
    hours = s.substr(0, 2);
    minutes = s.substr(2);
  }
  if (hours.empty() || hours.size() > 2 || !all_ascii_digits(hours) ||
      (!minutes.empty() && !all_ascii_digits(minutes))) {
    return std::nullopt;
  }
  const int h = hours.size() == 1 ? hours[0] - '0' : *two_digits(hours);
  const int m = minutes.empty() ? 0 : *two_digits(minutes);
  if (h > kMaxOffsetHours || m >= 60) return std::nullopt;
  return sign * (h * 60 + m);
}

// "GMT+2" and "UTC-05:00" as the offset after the name; "+0100" as it is.
std::string_view offset_part(std::string_view upper) {
  for (const std::string_view name : {"GMT", "UTC", "UT"}) {
    if (upper.size() > name.size() && upper.starts_with(name)) return upper.substr(name.size());
  }
  return upper;
}

}  // namespace

bool is_numeric_zone(std::string_view token) {
  return numeric_offset(offset_part(ascii_upper(token))).has_value();
}

std::optional<AmbiguousZone> ambiguous_zone(std::string_view token) {
  const std::string upper = ascii_upper(token);
  for (const AmbiguousZone& zone : kAmbiguousZones) {
    if (upper == zone.name) return zone;
  }
  return std::nullopt;
}

std::optional<DateZone> read_zone(std::string_view token, bool after_time) {
  std::string upper = ascii_upper(token);
  // IANA's "Etc/GMT+5" is POSIX-signed: five hours *behind* UTC.
  const bool posix_sign = upper.starts_with("ETC/");
  if (posix_sign) upper.erase(0, 4);
  if (const auto minutes = numeric_offset(offset_part(upper))) return DateZone{posix_sign ? -*minutes : *minutes, nullptr};
  for (const FixedZone& zone : kRfc822Zones) {
    if (upper == zone.name) return DateZone{zone.minutes, nullptr};
  }
  for (const FixedZone& zone : kOtherZones) {
    if (upper == zone.name) return DateZone{zone.minutes, nullptr};
  }
  for (const RegionZone& zone : kRegionZones) {
    if (upper == zone.name) return DateZone{0, zone.region};
  }
  // RFC 822's military letters had their signs reversed; RFC 5322 §4.3 says to read them
  // as -0000 (UTC, offset unknown). J is not a zone.
  if (after_time && upper.size() == 1 && upper[0] >= 'A' && upper[0] <= 'Y' && upper[0] != 'J') return DateZone{};
  return std::nullopt;
}

}  // namespace cs::indexer
