#include "indexer/clean/dates.hpp"

#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace cs::indexer {

namespace {

// Longer than any dateline; longer strings are prose, not dates.
constexpr std::size_t kMaxDateLength = 64;

struct Pattern {
  const char* icu_pattern;  // ICU SimpleDateFormat syntax
  bool has_time;
};

// Tried in order; ICU parses "Mar" and "March" with either MMM or MMMM.
constexpr Pattern kPatterns[] = {
    {"yyyy-MM-dd'T'HH:mm:ss.SSSXXX", true}, {"yyyy-MM-dd'T'HH:mm:ssXXX", true},
    {"yyyy-MM-dd'T'HH:mmXXX", true},        {"yyyy-MM-dd'T'HH:mm:ss.SSS", true},
    {"yyyy-MM-dd'T'HH:mm:ss", true},        {"yyyy-MM-dd HH:mm:ssXXX", true},
    {"yyyy-MM-dd HH:mm:ss", true},          {"yyyy-MM-dd HH:mm", true},
    {"yyyy-MM-dd", false},                  {"MMM d, yyyy, h:mm a", true},
    {"MMM d, yyyy h:mm a", true},           {"MMM d, yyyy, HH:mm", true},
    {"MMM d, yyyy HH:mm", true},            {"MMM d, yyyy", false},
    {"EEEE, MMM d, yyyy", false},           {"EEE, MMM d, yyyy", false},
    {"d MMM yyyy", false},                  {"d MMM yyyy HH:mm", true},
    {"EEE, d MMM yyyy HH:mm:ss", true},     {"EEE, d MMM yyyy HH:mm:ss Z", true},
    {"yyyy/MM/dd", false},
};

// Zone words that datelines end with, and the IANA zone each stands for.
struct ZoneWord {
  std::string_view word;
  const char* zone;
};
constexpr ZoneWord kZoneWords[] = {
    {"ET", "America/New_York"},    {"EST", "America/New_York"},    {"EDT", "America/New_York"},
    {"CT", "America/Chicago"},     {"CST", "America/Chicago"},     {"CDT", "America/Chicago"},
    {"MT", "America/Denver"},      {"MST", "America/Denver"},      {"MDT", "America/Denver"},
    {"PT", "America/Los_Angeles"}, {"PST", "America/Los_Angeles"}, {"PDT", "America/Los_Angeles"},
    {"UTC", "UTC"},                {"GMT", "UTC"},                 {"BST", "Europe/London"},
    {"CET", "Europe/Paris"},       {"CEST", "Europe/Paris"},       {"HKT", "Asia/Hong_Kong"},
    {"JST", "Asia/Tokyo"},         {"KST", "Asia/Seoul"},
};

struct Formatter {
  std::unique_ptr<icu::SimpleDateFormat> format;
  bool has_time;
};

// Building ICU formatters is costly; each thread builds them once.
const std::vector<Formatter>& formatters() {
  thread_local const std::vector<Formatter> all = [] {
    std::vector<Formatter> built;
    for (const Pattern& pattern : kPatterns) {
      UErrorCode status = U_ZERO_ERROR;
      auto format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString(pattern.icu_pattern),
                                                            icu::Locale::getUS(), status);
      if (U_FAILURE(status)) continue;
      format->setLenient(false);
      built.push_back(Formatter{std::move(format), pattern.has_time});
    }
    return built;
  }();
  return all;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Rewrites newsroom spellings into what the ICU patterns read: "a.m." -> "AM", "Feb." ->
// "Feb", "Sept" -> "Sep", "(EST)" -> "EST", runs of spaces -> one.
std::string normalise_dateline(std::string_view text) {
  std::string s(text);
  for (const auto& [from, to] : {std::pair{"a.m.", "AM"}, {"p.m.", "PM"}, {"A.M.", "AM"}, {"P.M.", "PM"},
                                 {" am", " AM"}, {" pm", " PM"}, {"Sept", "Sep"}, {"(", ""}, {")", ""}}) {
    replace_all(s, from, to);
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '.' && i > 0 && is_letter(s[i - 1])) continue;  // abbreviation dot
    if (s[i] == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(s[i]);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

// Removes a trailing zone word and returns its IANA zone; "UTC" when there is none.
const char* take_zone_word(std::string& s) {
  const std::size_t space = s.rfind(' ');
  if (space == std::string::npos) return "UTC";
  const std::string_view last = std::string_view(s).substr(space + 1);
  for (const ZoneWord& zone : kZoneWords) {
    if (last == zone.word) {
      s.resize(space);
      while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
      return zone.zone;
    }
  }
  return "UTC";
}

std::string format_date(UDate date, const icu::TimeZone& zone, const char* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat out(icu::UnicodeString(pattern), icu::Locale::getUS(), status);
  out.setTimeZone(zone);
  icu::UnicodeString formatted;
  out.format(date, formatted);
  std::string utf8;
  formatted.toUTF8String(utf8);
  return U_SUCCESS(status) ? utf8 : std::string();
}

bool has_digit(std::string_view s) {
  for (const char c : s) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  if (text.empty() || text.size() > kMaxDateLength || !has_digit(text)) return std::nullopt;
  std::string dateline = normalise_dateline(text);
  const char* zone_id = take_zone_word(dateline);
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(zone_id));
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(dateline);

  for (const Formatter& formatter : formatters()) {
    formatter.format->setTimeZone(*zone);
    icu::ParsePosition position(0);
    const UDate date = formatter.format->parse(input, position);
    if (position.getErrorIndex() >= 0 || position.getIndex() != input.length()) continue;
    std::string iso = formatter.has_time ? format_date(date, *icu::TimeZone::getGMT(), "yyyy-MM-dd'T'HH:mm:ss'Z'")
                                         : format_date(date, *zone, "yyyy-MM-dd");
    // Exactly four digits of year: ICU reads "20221-02-11" as the year 20221 (found by
    // fuzz_dates), which no article has.
    if (iso.size() < 10 || iso[4] != '-' || !std::all_of(iso.begin(), iso.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
      continue;
    }
    const int year = std::stoi(iso.substr(0, 4));
    if (year < 1800 || year > 2200) continue;
    return iso;
  }
  return std::nullopt;
}

}  // namespace cs::indexer
