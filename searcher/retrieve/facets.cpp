#include "searcher/retrieve/facets.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>
#include <map>

#include "common/ascii.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace {

constexpr std::pair<std::string_view, FacetField> kFieldNames[] = {
    {"source", FacetField::kSource}, {"year", FacetField::kYear}, {"author", FacetField::kAuthor},
    {"topic", FacetField::kTopic},   {"lang", FacetField::kLang}};

// Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard Hinnant's
// algorithms, public domain: http://howardhinnant.github.io/date_algorithms.html).
long days_from_civil(long y, long m, long d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long year_of_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long m = mp + (mp < 10 ? 3 : -9);
  return yoe + era * 400 + (m <= 2 ? 1 : 0);
}


// The ISO 8601 week ("2021-W06") of a YYYY-MM-DD date: weeks start on Monday and belong to
// the year of their Thursday.
std::string iso_week(long y, long m, long d) {
  const long days = days_from_civil(y, m, d);
  const long monday_based = ((days + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  const long thursday = days - monday_based + 3;
  const long week_year = year_of_days(thursday);
  const long week = (thursday - days_from_civil(week_year, 1, 1)) / 7 + 1;
  char text[48];
  std::snprintf(text, sizeof text, "%04ld-W%02ld", week_year, week);
  return text;
}

// A histogram spanning more periods than this (over 270 years of days) is left as counted.
constexpr long kMaxPeriodsFilled = 100'000;

// Every period between the first and the last counted gets a bucket, 0 when no article
// falls in it, so a chart shows the quiet days too. Steps a period at a time: a day, a week
// (seven days land in the next ISO week), a month, a year.
void fill_empty_periods(std::map<std::string, std::uint64_t>& periods, Period period, long first_day, long last_day) {
  using namespace std::chrono;
  if (first_day > last_day) return;
  const year_month_day first{sys_days{days{first_day}}};
  const year_month_day last{sys_days{days{last_day}}};
  const long years = static_cast<int>(last.year()) - static_cast<int>(first.year());
  const long span = period == Period::kDay    ? last_day - first_day + 1
                    : period == Period::kWeek  ? (last_day - first_day) / 7 + 2
                    : period == Period::kMonth ? years * 12 + static_cast<long>(static_cast<unsigned>(last.month())) -
                                                     static_cast<long>(static_cast<unsigned>(first.month())) + 1
                                               : years + 1;
  if (span > kMaxPeriodsFilled) return;
  char text[16];
  switch (period) {
    case Period::kDay:
    case Period::kWeek: {
      const long step = period == Period::kDay ? 1 : 7;
      for (long day = first_day; day <= last_day + step - 1; day += step) {
        const year_month_day date{sys_days{days{std::min(day, last_day)}}};
        std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                      static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
        periods.try_emplace(period_of(text, period), 0);
      }
      break;
    }
    case Period::kMonth:
      for (year_month month = first.year() / first.month(); month <= last.year() / last.month(); month += months{1}) {
        std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()), static_cast<unsigned>(month.month()));
        periods.try_emplace(text, 0);
      }
      break;
    case Period::kYear:
      for (year y = first.year(); y <= last.year(); ++y) {
        std::snprintf(text, sizeof text, "%04d", static_cast<int>(y));
        periods.try_emplace(text, 0);
      }
      break;
    case Period::kNone:
      break;
  }
}

}  // namespace

Result<std::vector<FacetField>> parse_facet_fields(std::string_view text) {
  std::vector<FacetField> fields;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    const std::string_view name = text.substr(0, comma);
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma + 1);
    const auto known = std::find_if(std::begin(kFieldNames), std::end(kFieldNames),
                                    [&](const auto& entry) { return entry.first == name; });
    if (known == std::end(kFieldNames)) {
      return Error{ErrorKind::kUsage, "", "", "--facets has no field '" + std::string(name) + "'",
                   "use source, year, author, topic or lang, separated by commas"};
    }
    if (std::find(fields.begin(), fields.end(), known->second) == fields.end()) fields.push_back(known->second);
  }
  return fields;
}

Result<Period> parse_period(std::string_view text) {
  if (text == "year") return Period::kYear;
  if (text == "month") return Period::kMonth;
  if (text == "week") return Period::kWeek;
  if (text == "day") return Period::kDay;
  return Error{ErrorKind::kUsage, "", "", "--histogram takes year, month, week or day", "see cs-search --help"};
}

std::string_view facet_name(FacetField field) {
  for (const auto& [name, value] : kFieldNames) {
    if (value == field) return name;
  }
  return "?";
}

std::string period_of(std::string_view date, Period period) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-' || !all_ascii_digits(date.substr(0, 4)) ||
      !all_ascii_digits(date.substr(5, 2)) || !all_ascii_digits(date.substr(8, 2))) {
    return {};
  }
  switch (period) {
    case Period::kYear: return std::string(date.substr(0, 4));
    case Period::kMonth: return std::string(date.substr(0, 7));
    case Period::kDay: return std::string(date.substr(0, 10));
    case Period::kWeek:
      return iso_week(std::stol(std::string(date.substr(0, 4))), std::stol(std::string(date.substr(5, 2))),
                      std::stol(std::string(date.substr(8, 2))));
    case Period::kNone: break;
  }
  return {};
}

Facets FacetCounter::result(std::size_t per_field) const {
  // The session's tally when the keys are numbered by its table, else one of this count's.
  const bool numbered = tally_ && counter_->tabled();
  FacetTally own;
  FacetTally& tally = numbered ? *tally_ : own;
  tally.clear();
  std::map<std::string, std::uint64_t> periods;
  std::uint64_t undated = 0;
  long first_day = std::numeric_limits<long>::max();
  long last_day = std::numeric_limits<long>::min();
  const auto add_period = [&](const std::string& key, std::uint64_t articles) {
    const std::string_view date = schema::view_facet_key(key).date;
    const std::string bucket = period_of(date, period_);
    if (bucket.empty()) {
      undated += articles;
      return;
    }
    periods[bucket] += articles;
    if (const auto day = schema::day_number(date)) {  // a bucket's date is a day
      first_day = std::min(first_day, static_cast<long>(*day));
      last_day = std::max(last_day, static_cast<long>(*day));
    }
  };
  // `sharing`: the articles that share the key.
  if (numbered) {
    counter_->for_each_numbered([&](std::uint32_t id, const std::string& key, Xapian::doccount sharing) {
      tally.add(id, key, sharing);
      if (period_ != Period::kNone) add_period(key, sharing);
    });
  } else {
    counter_->for_each([&](const std::string& key, Xapian::doccount sharing) {
      tally.add(key, sharing);
      if (period_ != Period::kNone) add_period(key, sharing);
    });
  }
  if (period_ != Period::kNone) fill_empty_periods(periods, period_, first_day, last_day);
  Facets facets;
  for (const FacetField field : fields_) facets.fields.emplace_back(field, tally.top(field, per_field));
  for (const auto& [bucket, articles] : periods) facets.histogram.push_back(FacetCount{bucket, articles});
  if (undated > 0) facets.histogram.push_back(FacetCount{std::string(kUndated), undated});
  return facets;
}

}  // namespace cs::searcher
