#include "indexer/clean/date_patterns.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>
#include <utility>

namespace cs::indexer {

namespace {

// The languages of the named months below, English's among them.
constexpr const char* kNamedMonthLocales[] = {"en_US", "fr", "es", "pt", "it", "de", "nl"};

// Their weekdays' full names, as ICU's locale data gives them, longest first.
const std::vector<icu::UnicodeString>& weekday_names() {
  static const std::vector<icu::UnicodeString> names = [] {
    std::vector<icu::UnicodeString> all;
    for (const char* locale : kNamedMonthLocales) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::DateFormatSymbols symbols(icu::Locale(locale), status);
      if (U_FAILURE(status)) continue;
      std::int32_t count = 0;
      const icu::UnicodeString* days =
          symbols.getWeekdays(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
      for (std::int32_t day = 1; day < count; ++day) {  // ICU's first is empty: Sunday is 1
        if (!days[day].isEmpty()) all.push_back(days[day]);
      }
    }
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.length() > y.length(); });
    return all;
  }();
  return names;
}

}  // namespace

std::vector<DatePattern> date_patterns() {
  std::vector<DatePattern> all = {
      {"yyyy-MM-dd'T'HH:mm:ss.SSSXXX", true}, {"yyyy-MM-dd'T'HH:mm:ssXXX", true},
      {"yyyy-MM-dd'T'HH:mmXXX", true},        {"yyyy-MM-dd'T'HH:mm:ss.SSS", true},
      {"yyyy-MM-dd'T'HH:mm:ss", true},        {"yyyy-MM-dd'T'HH:mm", true},
      {"yyyy-MM-dd HH:mm:ss.SSS", true},      {"yyyy-MM-dd HH:mm:ssXXX", true},
      {"yyyy-MM-dd HH:mm:ss", true},          {"yyyy-MM-dd HH:mm", true},
      {"yyyy-MM-dd", false},
      // ISO 8601's basic format, as GDELT's seendate writes it: 20240521T034500Z.
      {"yyyyMMdd'T'HHmmssXXX", true},         {"yyyyMMdd'T'HHmmss", true},
      {"MMM d, yyyy, h:mm a", true},
      {"MMM d, yyyy h:mm a", true},           {"MMM d, yyyy, HH:mm", true},
      {"MMM d, yyyy HH:mm", true},            {"MMM d, yyyy", false},
      {"EEEE, MMM d, yyyy", false},           {"EEE, MMM d, yyyy", false},
      {"yyyy/MM/dd HH:mm:ss", true},          {"yyyy/MM/dd HH:mm", true},         // Focus Taiwan's meta tag
      {"yyyy/MM/dd", false},
      // Xinhua's year, month/day and time, each in a span of its own: "2024 05/20 16:35:12".
      {"yyyy MM/dd HH:mm:ss", true},          {"yyyy MM/dd HH:mm", true},
      {"EEE, yyyy/MM/dd HH:mm:ss", true},     {"EEE MMM d HH:mm:ss yyyy", true},  // Perforce, asctime
      {"EEE MMM d yyyy HH:mm:ss", true},      {"MMM d yyyy HH:mm:ss", true},      // JavaScript's toString
      // "Monday, March 4, 2024 at 2:30 PM", CNN's "Mon March 4, 2024" after its time.
      {"EEEE, MMM d, yyyy h:mm a", true},     {"EEEE, MMM d, yyyy HH:mm", true},
      {"EEE MMM d, yyyy h:mm a", true},       {"EEE MMM d, yyyy", false},
      {"MMM d yyyy", false},                  {"d-MMM-yyyy", false},              {"yyyy.MM.dd", false},
  };
  // Day-first numeric dates as German, Dutch and Nordic sites print them ("10.01.2024, 06.12
  // Uhr" once normalised), and slashed ones either way round when the day shows which is
  // which (ambiguous_slashed in dates.cpp), and Chinese, Japanese and Korean ones.
  for (const char* date : {"dd.MM.yyyy", "d.M.yyyy"}) {
    all.push_back({std::string(date) + ", HH:mm", true});
    all.push_back({std::string(date) + " HH:mm", true});
    all.push_back({date, false});
  }
  for (const char* date : {"dd/MM/yyyy", "MM/dd/yyyy"}) {
    all.push_back({std::string(date) + ", HH:mm", true, "en_US", true});  // Kompas's "20/03/2024, 22:45 WIB"
    all.push_back({std::string(date) + " HH:mm", true, "en_US", true});
    all.push_back({date, false, "en_US", true});
  }
  all.push_back({"yyyy'年'M'月'd'日' HH:mm", true});
  all.push_back({"yyyy'年'M'月'd'日' H'時'm'分'", true});  // NHK's "2024年1月1日 16時45分"
  all.push_back({"yyyy'年'M'月'd'日'", false});
  // Korean papers' "2024년 9월 3일 14:05".
  all.push_back({"yyyy'년' M'월' d'일' HH:mm", true});
  all.push_back({"yyyy'년' M'월' d'일'", false});
  // Month names in the languages of the labels parse_dateline knows: "16 mars 2023 17:20",
  // "12 de febrero de 2024", "10. Januar 2024".
  const std::pair<const char*, const char*> named[] = {
      {"fr", "d MMMM yyyy"},       {"es", "d 'de' MMMM 'de' yyyy"}, {"pt", "d 'de' MMMM 'de' yyyy"},
      {"it", "d MMMM yyyy"},       {"de", "d. MMMM yyyy"},          {"nl", "d MMMM yyyy"},
      {"es", "d MMMM yyyy"}};
  for (const auto& [locale, date] : named) {
    all.push_back({std::string(date) + ", HH:mm", true, locale});
    all.push_back({std::string(date) + " HH:mm", true, locale});
    all.push_back({date, false, locale});
  }
  // RFC 822 and what feeds and pages make of it: weekday or not (with a comma or without,
  // "Thu 27 Jun 2024 07:00 BST" as the Guardian prints it), seconds or not, a comma after the
  // month or before the time ("24 February 2025, 00:15 GMT"), two-digit years.
  for (const char* year : {"yyyy", "yy"}) {
    for (const char* weekday : {"EEE, ", "EEE ", ""}) {
      for (const char* month : {"d MMM ", "d MMM, "}) {
        const std::string date = std::string(weekday) + month + year;
        for (const char* before_time : {" ", ", "}) {
          all.push_back({date + before_time + "HH:mm:ss", true});
          all.push_back({date + before_time + "HH:mm", true});
          all.push_back({date + before_time + "h:mm a", true});
        }
        all.push_back({date, false});
      }
    }
  }
  return all;
}

std::size_t leading_weekday_length(std::string_view text) {
  constexpr std::size_t kLongestWeekday = 32;  // "Donnerstag, " is 12 bytes
  const icu::UnicodeString opening = icu::UnicodeString::fromUTF8(text.substr(0, std::min(text.size(), kLongestWeekday)));
  for (const icu::UnicodeString& name : weekday_names()) {
    const std::int32_t length = name.length();
    if (opening.length() <= length || opening.caseCompare(0, length, name, U_FOLD_CASE_DEFAULT) != 0) continue;
    const char16_t after = opening.charAt(length);
    if (after != u',' && after != u' ') continue;
    std::string bytes;
    opening.tempSubString(0, length).toUTF8String(bytes);
    std::size_t end = bytes.size();
    while (end < text.size() && (text[end] == ',' || text[end] == ' ')) ++end;
    return end;
  }
  return 0;
}

}  // namespace cs::indexer
