#include "indexer/clean/dates.hpp"

#include <unicode/gregocal.h>
#include <unicode/simpletz.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <vector>

#include "common/ascii.hpp"
#include "common/schema.hpp"
#include "indexer/clean/date_patterns.hpp"
#include "indexer/clean/zone_names.hpp"

namespace cs::indexer {

namespace {

// Longer than any dateline; longer strings are prose, not dates.
constexpr std::size_t kMaxDateLength = 64;

// What a pattern's first field reads: digits (yyyy, d, HH), a name (EEE, MMM) or either
// (a numeric month reads "Mar" too: "Mar/31/2024" matches MM/dd/yyyy).
enum class Opening { kDigit, kLetter, kAny };

Opening opening_of(std::string_view pattern) {
  if (pattern.starts_with("E") || pattern.starts_with("MMM")) return Opening::kLetter;
  if (pattern.starts_with("y") || pattern.starts_with("d") || pattern.starts_with("H") || pattern.starts_with("h")) {
    return Opening::kDigit;
  }
  return Opening::kAny;
}

struct Formatter {
  std::unique_ptr<icu::SimpleDateFormat> format;
  bool has_time;
  bool day_or_month_first;
  Opening opening;
};

// Building ICU formatters is costly; each thread builds them once.
const std::vector<Formatter>& formatters() {
  thread_local const std::vector<Formatter> all = [] {
    std::vector<Formatter> built;
    for (const DatePattern& pattern : date_patterns()) {
      UErrorCode status = U_ZERO_ERROR;
      auto format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern.icu_pattern),
                                                            icu::Locale(pattern.locale), status);
      if (U_FAILURE(status)) continue;
      format->setLenient(false);
      built.push_back(Formatter{std::move(format), pattern.has_time, pattern.day_or_month_first,
                                opening_of(pattern.icu_pattern)});
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


// Whether the dot at `dot` parts the hours and minutes of a time: one or two digits after a
// space before it, two digits and then a space or the end after it.
bool is_dotted_time(std::string_view s, std::size_t dot) {
  std::size_t hours = 0;
  while (hours < dot && hours < 3 && is_ascii_digit(s[dot - 1 - hours])) ++hours;
  if (hours == 0 || hours > 2 || dot < hours + 1 || s[dot - 1 - hours] != ' ') return false;
  return dot + 2 < s.size() && is_ascii_digit(s[dot + 1]) && is_ascii_digit(s[dot + 2]) &&
         (dot + 3 == s.size() || s[dot + 3] == ' ');
}

// Whether s[at..] is an English ordinal's suffix after its digits: "5th", "21st" (then a
// space, a comma or the end).
bool is_ordinal_suffix(std::string_view s, std::size_t at) {
  if (at == 0 || !is_ascii_digit(s[at - 1]) || at + 2 > s.size()) return false;
  const std::string_view two = s.substr(at, 2);
  if (two != "st" && two != "nd" && two != "rd" && two != "th") return false;
  return at + 2 == s.size() || s[at + 2] == ' ' || s[at + 2] == ',';
}

// "3:47 AM EST, November 16, 2023" (AP), "10:32 GMT, 3 June 2024", "3:14 PM ET Jan 4, 2024"
// (USA Today, no comma): a time before the date goes after it, where the patterns and
// take_zone look for it. The time is its clock, then AM or PM, then a zone, each if there.
void move_leading_time(std::string& s) {
  std::size_t digits = 0;
  while (digits < s.size() && digits < 3 && is_ascii_digit(s[digits])) ++digits;
  if (digits == 0 || digits > 2 || digits + 3 > s.size() || s[digits] != ':' || !is_ascii_digit(s[digits + 1]) ||
      !is_ascii_digit(s[digits + 2])) {
    return;
  }
  // The clock's words: "3:47", then "AM" or "PM", then a zone, each ended by a space or a comma.
  const auto word_end = [&s](std::size_t from) { return std::min(s.find_first_of(" ,", from), s.size()); };
  const auto word_at = [&s](std::size_t from, std::size_t stop) { return std::string_view(s).substr(from, stop - from); };
  std::size_t end = word_end(0);
  if (end < s.size() && s[end] == ' ') {
    if (const std::size_t stop = word_end(end + 1); word_at(end + 1, stop) == "AM" || word_at(end + 1, stop) == "PM") {
      end = stop;
    }
  }
  if (end < s.size() && s[end] == ' ') {
    if (const std::size_t stop = word_end(end + 1); stop > end + 1 && read_zone(word_at(end + 1, stop), true)) end = stop;
  }
  std::size_t rest = end;
  if (rest < s.size() && s[rest] == ',') ++rest;
  while (rest < s.size() && s[rest] == ' ') ++rest;
  if (rest >= s.size()) return;  // a time alone
  s = s.substr(rest) + " " + s.substr(0, end);
}

// "02:39:57+0900", "02:39:57GMT" (feeds that write the zone against the time, such as
// acnnewswire's): the zone made a word of its own, where take_zone reads it.
void split_zone_from_time(std::string& s) {
  const std::size_t space = s.rfind(' ');
  const std::size_t start = space == std::string::npos ? 0 : space + 1;
  std::size_t i = start;
  const auto digits = [&](std::size_t fewest, std::size_t most) {
    std::size_t n = 0;
    for (; i < s.size() && is_ascii_digit(s[i]) && n < most; ++i) ++n;
    return n >= fewest;
  };
  if (!digits(1, 2) || i >= s.size() || s[i++] != ':' || !digits(2, 2)) return;
  if (i < s.size() && s[i] == ':') {
    ++i;
    if (!digits(2, 2)) return;
  }
  const std::string_view zone = std::string_view(s).substr(i);
  const bool offset = zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_ascii_digits(zone.substr(1));
  const bool name = !zone.empty() && zone.size() <= 5 && std::all_of(zone.begin(), zone.end(), is_ascii_letter);
  if (offset || name) s.insert(i, 1, ' ');
}

// Rewrites newsroom spellings into what the ICU patterns read: "a.m." -> "AM", "Feb." ->
// "Feb", "Sept" -> "Sep", "(EST)" -> "EST", "Sat,07" -> "Sat, 07", " at " (and "à", "a las",
// "um", ...) -> " ", "5th" -> "5", a time with a dot " 07.00" or an h "17h20" -> " 07:00"
// and "17:20", "Uhr" dropped, a leading time moved after the date, a zone written against
// the time split from it, runs of spaces (and no-break spaces) -> one.
std::string normalise_dateline(std::string_view text) {
  std::string s(text);
  for (const auto& [from, to] : {std::pair{"a.m.", "AM"}, {"p.m.", "PM"}, {"A.M.", "AM"}, {"P.M.", "PM"},
                                 {" am", " AM"}, {" pm", " PM"}, {"Sept.", "Sep."}, {"Sept ", "Sep "}, {"(", ""}, {")", ""},
                                 {" at ", " "}, {" \xC3\xA0 ", " "}, {" a las ", " "}, {" \xC3\xA0s ", " "},
                                 {" alle ", " "}, {" um ", " "}, {" om ", " "}, {" Uhr", ""}, {" / ", " "}, {" - ", " "}, {"\t", " "},
                                 {"\xC2\xA0", " "}}) {
    replace_all(s, from, to);
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (is_ordinal_suffix(s, i)) {
      ++i;
      continue;
    }
    // "8:00am" -> "8:00 AM".
    if ((s[i] == 'a' || s[i] == 'p') && i > 0 && is_ascii_digit(s[i - 1]) && i + 1 < s.size() && s[i + 1] == 'm' &&
        (i + 2 == s.size() || s[i + 2] == ' ')) {
      out.push_back(' ');
      out.push_back(s[i] == 'a' ? 'A' : 'P');
      out.push_back('M');
      ++i;
      continue;
    }
    // "17h20" (French), not "5h" or "h" in a word.
    if (s[i] == 'h' && i > 0 && is_ascii_digit(s[i - 1]) && i + 2 < s.size() && is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
        (i + 3 == s.size() || s[i + 3] == ' ')) {
      out.push_back(':');
      continue;
    }
    if (s[i] == '.' && i > 0 && is_ascii_letter(s[i - 1])) continue;  // abbreviation dot
    if (s[i] == '.' && is_dotted_time(s, i)) {
      out.push_back(':');
      continue;
    }
    if (s[i] == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(s[i]);
    if (s[i] == ',' && i + 1 < s.size() && s[i + 1] != ' ') out.push_back(' ');
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  move_leading_time(out);
  split_zone_from_time(out);
  return out;
}

// 03/04/2024 is the 3rd of April in Europe and March 4th in the United States: a slashed
// date is read only when one of its first two numbers is over 12.
bool ambiguous_slashed(std::string_view s) {
  const std::size_t slash = s.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash > 2) return false;
  const std::size_t second = s.find('/', slash + 1);
  if (second == std::string_view::npos || second - slash - 1 == 0 || second - slash - 1 > 2) return false;
  const auto number = [](std::string_view digits) {
    int n = 0;
    for (const char c : digits) n = is_ascii_digit(c) ? n * 10 + (c - '0') : 100;
    return n;
  };
  return number(s.substr(0, slash)) <= 12 && number(s.substr(slash + 1, second - slash - 1)) <= 12;
}

std::string_view last_word(std::string_view s) {
  const std::size_t space = s.rfind(' ');
  return space == std::string_view::npos ? std::string_view() : s.substr(space + 1);
}

void drop_last_word(std::string& s) {
  s.resize(s.rfind(' '));
  while (!s.empty() && (s.back() == ' ' || s.back() == ',')) s.pop_back();
}

// Removes the zone the date ends with and returns it; UTC when there is none. Of an offset
// followed by a name ("-0500 EST", RFC 822's comment "(EST)"), the offset wins.
DateZone take_zone(std::string& s) {
  const auto zone_at_end = [&s]() -> std::optional<DateZone> {
    const std::string_view last = last_word(s);
    if (last.empty()) return std::nullopt;
    const std::string_view before = last_word(std::string_view(s).substr(0, s.size() - last.size() - 1));
    return read_zone(last, before.find(':') != std::string_view::npos);
  };
  auto zone = zone_at_end();
  if (!zone) return DateZone{};
  const bool named = !is_numeric_zone(last_word(s));
  drop_last_word(s);
  if (named && is_numeric_zone(last_word(s))) {
    zone = zone_at_end();
    drop_last_word(s);
  }
  return *zone;
}

std::unique_ptr<icu::TimeZone> make_time_zone(const DateZone& zone) {
  if (zone.region != nullptr) return std::unique_ptr<icu::TimeZone>(icu::TimeZone::createTimeZone(zone.region));
  return std::make_unique<icu::SimpleTimeZone>(zone.offset_minutes * 60 * 1000, icu::UnicodeString("fixed"));
}

// The date (and time) of `date` as seen in `zone`, in ISO 8601 form, by ICU's calendar
// (Julian before 1582, as ICU reads such dates); a time ends with the zone's offset from UTC
// at that date, "Z" for none. Each thread keeps one calendar: a SimpleDateFormat made for
// each date cost 2% of a run.
std::string iso_date(UDate date, const icu::TimeZone& zone, bool with_time) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::unique_ptr<icu::GregorianCalendar> calendar;
  if (!calendar) {
    calendar = std::make_unique<icu::GregorianCalendar>(icu::Locale::getUS(), status);
    if (U_FAILURE(status)) {
      calendar.reset();
      return {};
    }
  }
  calendar->setTimeZone(zone);
  calendar->setTime(date, status);
  const auto field = [&](UCalendarDateFields which) { return calendar->get(which, status); };
  const int era = field(UCAL_ERA);
  const int year = field(UCAL_YEAR);
  const int month = field(UCAL_MONTH) + 1;
  const int day = field(UCAL_DATE);
  const int hour = field(UCAL_HOUR_OF_DAY);
  const int minute = field(UCAL_MINUTE);
  const int second = field(UCAL_SECOND);
  const int offset_minutes = (field(UCAL_ZONE_OFFSET) + field(UCAL_DST_OFFSET)) / 60000;
  if (U_FAILURE(status) || era != icu::GregorianCalendar::AD) return {};
  char out[48];
  const int written = with_time ? std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                                                hour, minute, second)
                                : std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  if (written <= 0 || static_cast<std::size_t>(written) >= sizeof out) return {};
  std::string iso(out, static_cast<std::size_t>(written));
  return with_time ? iso + schema::offset_suffix(offset_minutes) : iso;
}

// `input` read by `format` as a whole, into a calendar of the format's own, whose zone is
// then the one the text gives (ICU adopts a zone it parses: "+09:00", "EST"), else the
// format's; nullopt when it is not read whole. DateFormat::parse(text, position) does the
// same and keeps only the instant.
std::optional<UDate> parse_whole(const icu::DateFormat& format, const icu::UnicodeString& input,
                                 std::unique_ptr<icu::Calendar>& calendar) {
  calendar.reset(format.getCalendar()->clone());
  if (!calendar) return std::nullopt;
  calendar->clear();
  icu::ParsePosition position(0);
  format.parse(input, *calendar, position);
  if (position.getErrorIndex() >= 0 || position.getIndex() != input.length()) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const UDate date = calendar->getTime(status);  // fails for a field out of range (not lenient)
  if (U_FAILURE(status)) return std::nullopt;
  return date;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Exactly four digits of year, in range: ICU reads "20221-02-11" as the year 20221 (found
// by fuzz_dates), and "yyyy" reads "21" as the year 21.
bool plausible_year(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || !all_ascii_digits(iso.substr(0, 4))) return false;
  const int year = std::stoi(std::string(iso.substr(0, 4)));
  return year >= kMinDateYear && year <= kMaxDateYear;
}

// Labels a dateline opens with, longest first where one begins another; matched without
// regard to case, and followed by ":" or a space.
constexpr std::string_view kDatelineLabels[] = {
    "first published on", "first published", "originally published on", "originally published",
    "published on", "published", "posted on", "posted", "last updated on", "last updated", "last modified on",
    "last modified", "updated on", "updated", "modified on", "modified", "date",
    "veröffentlicht am", "veröffentlicht", "aktualisiert am", "aktualisiert", "stand", "publié le", "publié",
    "mis à jour le", "mis à jour", "publicado el", "publicado em", "publicado", "actualizado el", "actualizado",
    "atualizado em", "atualizado", "pubblicato il", "pubblicato", "aggiornato il", "aggiornato", "gepubliceerd op",
    "gepubliceerd", "bijgewerkt op", "bijgewerkt", "发布时间", "更新时间", "發佈時間", "更新時間",
    "yayınlanma tarihi", "yayınlanma", "güncelleme tarihi", "güncelleme",
};

// Drops symbols, punctuation and spaces before the first letter or digit ("📅 ", "— ").
std::string_view skip_symbols(std::string_view text) {
  const auto length = static_cast<std::int32_t>(text.size());  // callers bound the size
  std::int32_t at = 0;
  while (at < length) {
    UChar32 c = 0;
    std::int32_t next = at;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), next, length, c);
    if (c >= 0 && u_isalnum(c)) break;
    at = next;
  }
  return text.substr(static_cast<std::size_t>(at));
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  if (text.empty() || text.size() > kMaxDateLength || !has_digit(text)) return std::nullopt;
  std::string dateline = normalise_dateline(text);
  const std::unique_ptr<icu::TimeZone> zone = make_time_zone(take_zone(dateline));
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(dateline);
  const bool ambiguous = ambiguous_slashed(dateline);
  // A strict parse reads a year, day or hour only from a digit and a weekday or month name
  // only from a letter: the patterns that cannot match are not tried (an RFC 822 date from
  // a feed, matched near the end of the list, was 90 failed parses of 12,000 instructions).
  const char first = dateline.empty() ? '\0' : dateline.front();
  const Opening text_opens = is_ascii_digit(first)    ? Opening::kDigit
                             : is_ascii_letter(first) ? Opening::kLetter
                                                      : Opening::kAny;

  for (const Formatter& formatter : formatters()) {
    if (formatter.day_or_month_first && ambiguous) continue;
    const bool cannot_match = text_opens != Opening::kAny && formatter.opening != Opening::kAny &&
                              formatter.opening != text_opens;
    if (cannot_match) continue;
    formatter.format->setTimeZone(*zone);
    std::unique_ptr<icu::Calendar> calendar;
    const std::optional<UDate> date = parse_whole(*formatter.format, input, calendar);
    if (!date) continue;
    // A time keeps the offset it was given in: the day is the one the place of publication
    // saw, which the page and its address print (NHK's 7:05 on April 30th in Tokyo had been
    // stored as 22:05 UTC on the 29th, and --since 2024-04-30 left it out).
    std::string iso = formatter.has_time ? iso_date(*date, calendar->getTimeZone(), true) : iso_date(*date, *zone, false);
    if (plausible_year(iso)) return iso;
  }
  // "Martes, 23 julio 2024": the patterns of other languages than English carry no weekday.
  // Read again from the text as given, whose zone the first reading took out.
  if (const std::size_t weekday = leading_weekday_length(text); weekday > 0) return parse_date(text.substr(weekday));
  return std::nullopt;
}

std::optional<std::string> parse_epoch_date(double number) {
  // Seconds under 10^10 (to 2286), milliseconds from 10^12 (2001 on); between them lie
  // numbers such as 202405201230 (yyyyMMddHHmm), which are neither. A year alone (2024) is
  // in 1970, which no news API dates its articles in.
  constexpr double kMillisecondsIn1970 = 365.0 * 86400 * 1000;
  if (!(number > 0) || number > 1e15 || (number >= 1e10 && number < 1e12)) return std::nullopt;
  const double milliseconds = number < 1e10 ? number * 1000 : number;
  if (milliseconds < kMillisecondsIn1970) return std::nullopt;
  std::string iso = iso_date(std::floor(milliseconds / 1000) * 1000, *icu::TimeZone::getGMT(), true);
  if (!plausible_year(iso)) return std::nullopt;
  return iso;
}

namespace {

// "October 17, 2024 1:15 PM GMT+1 Updated 3 hours ago", "Published 10:02 GMT, 4 May 2024 |
// Updated 11:30": the date before a later update's label.
std::string_view before_update(std::string_view text) {
  constexpr std::size_t kLongestUpdate = 48;  // ", modifié le 07 novembre 2026 à 08h30"
  // Le Monde: "Publié le 06 novembre 2026 à 23h12, modifié le 07 novembre 2026 à 08h30".
  // Anadolu: "01.04.2024 - Güncelleme : 01.04.2024".
  constexpr std::string_view kUpdateLabels[] = {" updated", " modifié", " mis à jour", " aktualisiert", " actualizado",
                                                " atualizado", " aggiornato", " bijgewerkt", " güncelleme"};
  const std::string lower = ascii_lower(text);
  std::size_t update = std::string::npos;
  for (const std::string_view label : kUpdateLabels) update = std::min(update, lower.find(label));
  if (update == std::string::npos || text.size() - update > kLongestUpdate) return {};
  text = text.substr(0, update);
  while (!text.empty() && (text.back() == ' ' || text.back() == '|' || text.back() == ',' || text.back() == '-')) {
    text.remove_suffix(1);
  }
  return text;
}

// A date printed twice is the date once: Al Jazeera prints "21 Apr 2026" for the eye after
// "Published On 21 Apr 2026" for screen readers, and the line was kept as text.
std::string_view once(std::string_view text) {
  const std::size_t half = text.size() / 2;
  const bool twice = text.size() % 2 == 1 && text[half] == ' ' && text.substr(0, half) == text.substr(half + 1);
  return twice ? text.substr(0, half) : text;
}

// A dateline's date after its label (if any).
std::optional<std::string> parse_labelled_date(std::string_view text) {
  text = once(text);
  if (auto date = parse_date(text)) return date;
  const std::string_view published = before_update(text);
  return published.empty() ? std::nullopt : parse_date(published);
}

// `text` after a dateline's label and the spaces and colon after it ("Updated: 9:40"), or
// `text` itself when no label starts it.
std::string_view after_label(std::string_view text) {
  const std::string lower = ascii_lower(text);  // the labels' non-ASCII letters are lower case already
  for (const std::string_view label : kDatelineLabels) {
    if (!std::string_view(lower).starts_with(label) || lower.size() == label.size()) continue;
    std::string_view rest = text.substr(label.size());
    constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // "发布时间：2024年…"
    if (rest.front() != ':' && rest.front() != ' ' && !rest.starts_with(kFullWidthColon)) continue;
    // "Stand: 12.03.2024", "Mis à jour : 16 mars 2023": spaces and a colon, either width.
    while (!rest.empty()) {
      if (rest.front() == ' ' || rest.front() == ':') {
        rest.remove_prefix(1);
      } else if (rest.starts_with(kFullWidthColon)) {
        rest.remove_prefix(kFullWidthColon.size());
      } else {
        break;
      }
    }
    return rest;
  }
  return text;
}

// `text` after the site's name written as its host and a separator before the date
// ("Kompas.com - 20/03/2024, 22:45 WIB", as Indonesian papers print it), or `text` itself:
// a word of letters, digits and hyphens, a dot, and a domain's letters, then " - ", " | ",
// " – " or " — ". A place before a dash ("JAKARTA - ") is no host.
std::string_view after_site_host(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && (is_ascii_letter(text[end]) || is_ascii_digit(text[end]) || text[end] == '-' || text[end] == '.')) {
    ++end;
  }
  const std::string_view host = text.substr(0, end);
  const std::size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || host.size() - dot - 1 < 2 ||
      !std::all_of(host.begin() + static_cast<std::ptrdiff_t>(dot) + 1, host.end(), is_ascii_letter)) {
    return text;
  }
  for (const std::string_view separator : {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    if (text.substr(end).starts_with(separator)) return text.substr(end + separator.size());
  }
  return text;
}

}  // namespace

std::optional<std::string> parse_dateline(std::string_view text) {
  if (text.size() > 2 * kMaxDateLength) return std::nullopt;
  return parse_labelled_date(after_label(after_site_host(skip_symbols(text))));
}

bool is_local_time_of(std::string_view local, std::string_view zoned) {
  constexpr std::int64_t kQuarterHour = 15 * 60;
  constexpr std::int64_t kWestmost = -12 * 3600;  // Baker Island
  constexpr std::int64_t kEastmost = 14 * 3600;   // the Line Islands
  const auto as_utc = parse_dateline(local);
  const auto moment = parse_dateline(zoned);
  if (!as_utc || !moment) return false;
  // A zone written after a dateline that names none moves it; after one that names its own,
  // the dateline no longer reads ("22:45 WIB +01:00") or reads as before (an offset wins).
  const auto names_no_zone = [](std::string_view text, const std::string& read) {
    const auto shifted = parse_dateline(std::string(text) + " +01:00");
    return shifted && *shifted != read;
  };
  if (!names_no_zone(local, *as_utc) || names_no_zone(zoned, *moment)) return false;
  const auto local_seconds = schema::epoch_seconds(*as_utc);
  const auto zoned_seconds = schema::epoch_seconds(*moment);
  if (!local_seconds || !zoned_seconds) return false;
  const std::int64_t offset = *local_seconds - *zoned_seconds;  // the zone's, east of UTC
  const std::int64_t nearest = (offset + (offset >= 0 ? kQuarterHour / 2 : -kQuarterHour / 2)) / kQuarterHour * kQuarterHour;
  return offset >= kWestmost - 60 && offset <= kEastmost + 60 && offset - nearest > -60 && offset - nearest < 60;
}

std::optional<AmbiguousZone> ambiguous_zone_in(std::string_view text) {
  if (text.size() > 2 * kMaxDateLength) return std::nullopt;
  const std::string dateline = normalise_dateline(text);  // "(IST)" and "11:12IST" made words
  std::string_view rest = dateline;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find_first_of(" ,"), rest.size());
    if (auto zone = ambiguous_zone(rest.substr(0, end))) return zone;
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  return std::nullopt;
}

bool is_clock_time_line(std::string_view text) {
  constexpr std::size_t kLongestClock = 16;  // "11:59:59 p.m. EDT"
  if (text.size() > 2 * kMaxDateLength) return false;
  const std::string_view clock = after_label(skip_symbols(text));
  const std::size_t colon = clock.find(':');
  if (clock.size() > kLongestClock || clock.empty() || !is_ascii_digit(clock.front()) || colon == std::string_view::npos ||
      colon > 2) {
    return false;
  }
  // Read as the time of a day the grammar knows, so that every clock a dateline may give
  // is one here too ("9:40 p.m. ET", "21:35 Uhr" is not).
  return parse_date("January 1, 2000 " + std::string(clock)).has_value();
}

}  // namespace cs::indexer
