#include "indexer/clean/date_patterns.hpp"

#include <string>
#include <utility>

namespace cs::indexer {

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
      {"yyyy/MM/dd HH:mm:ss", true},          {"yyyy/MM/dd", false},
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

}  // namespace cs::indexer
