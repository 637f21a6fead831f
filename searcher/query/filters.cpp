#include "searcher/query/filters.hpp"

#include <chrono>

#include "common/ascii.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace {


// YYYY, YYYY-MM or YYYY-MM-DD of a real month and day (2018-02-30 and 2019-02-29 are not).
bool is_partial_date(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!all_ascii_digits(s.substr(0, 4))) return false;
  if (s.size() >= 7) {
    if (s[4] != '-' || !all_ascii_digits(s.substr(5, 2))) return false;
    const int month = std::stoi(std::string(s.substr(5, 2)));
    if (month < 1 || month > 12) return false;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !all_ascii_digits(s.substr(8, 2))) return false;
    const std::chrono::year_month_day date{std::chrono::year{std::stoi(std::string(s.substr(0, 4)))},
                                           std::chrono::month{static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))))},
                                           std::chrono::day{static_cast<unsigned>(std::stoi(std::string(s.substr(8, 2))))}};
    if (!date.ok()) return false;
  }
  return true;
}

Error bad_date(std::string_view option, std::string_view value) {
  return Error{ErrorKind::kUsage, "", "", std::string(option) + " '" + std::string(value) + "' is not a date",
               "give YYYY, YYYY-MM or YYYY-MM-DD"};
}

// OR of the boolean terms for `values` under `prefix`, folded as the indexer folds them.
Xapian::Query any_of(std::string_view prefix, const std::vector<std::string>& values, const Analyzer& analyzer) {
  std::vector<Xapian::Query> terms;
  for (const auto& value : values) terms.emplace_back(schema::boolean_term(prefix, analyzer.fold(value)));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

Result<SortOrder> parse_sort_order(std::string_view text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kOldestFirst;
  if (text == "-date") return SortOrder::kNewestFirst;
  return Error{ErrorKind::kUsage, "", "", "--sort takes relevance, date or -date", "see cs-search --help"};
}

Result<Xapian::Query> date_range_query(std::string_view since, std::string_view until, std::string_view since_name,
                                       std::string_view until_name) {
  if (!since.empty() && !is_partial_date(since)) return bad_date(since_name, since);
  if (!until.empty() && !is_partial_date(until)) return bad_date(until_name, until);
  // Dates are stored as ISO 8601 text, which sorts as time does; "\xFF" after a partial
  // date reaches past every stored date that starts with it.
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                       since.empty() ? std::string("0") : std::string(since),
                       until.empty() ? std::string("\xFF") : std::string(until) + "\xFF");
}

Result<Xapian::Query> filter_query(const SearchFilters& filters, const Analyzer& analyzer) {
  std::vector<Xapian::Query> required;
  if (!filters.since.empty() || !filters.until.empty()) {
    auto dates = date_range_query(filters.since, filters.until, "--since", "--until");
    if (!dates) return dates.error();
    required.push_back(*dates);
  }
  if (!filters.sources.empty()) required.push_back(any_of(schema::kSourcePrefix, filters.sources, analyzer));
  if (!filters.authors.empty()) required.push_back(any_of(schema::kAuthorPrefix, filters.authors, analyzer));
  if (!filters.topics.empty()) required.push_back(any_of(schema::kTopicPrefix, filters.topics, analyzer));
  if (!filters.langs.empty()) required.push_back(any_of(schema::kLanguagePrefix, filters.langs, analyzer));
  if (required.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

Status check_filters(const SearchFilters& filters, const Analyzer& analyzer) {
  auto query = filter_query(filters, analyzer);
  if (!query) return query.error();
  return ok_status();
}

}  // namespace cs::searcher
