#include "searcher/query/filters.hpp"

#include <algorithm>
#include <chrono>

#include "common/ascii.hpp"
#include "common/language.hpp"
#include "common/schema.hpp"
#include "searcher/query/field_values.hpp"

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

// The note for a value that names nothing: "--source 'guardain' names no source; the closest: The Guardian".
std::string names_nothing_note(const Xapian::Database& db, std::string_view option, std::string_view field,
                               std::string_view prefix, std::string_view value, const Analyzer& analyzer) {
  constexpr std::size_t kClosestShown = 3;
  std::string note = std::string(option) + " '" + std::string(value) + "' names no " + std::string(field);
  const std::vector<std::string> closest = closest_values(db, prefix, analyzer.fold(value), kClosestShown);
  for (std::size_t i = 0; i < closest.size(); ++i) note += (i == 0 ? "; the closest: " : ", ") + closest[i];
  return note;
}

// The same as any_of by words: each value stands for every indexed value that holds its words.
Xapian::Query any_named(const Xapian::Database& db, std::string_view option, std::string_view field,
                        std::string_view prefix, const std::vector<std::string>& values, const Analyzer& analyzer,
                        std::vector<std::string>* notes) {
  std::vector<Xapian::Query> any;
  for (const auto& value : values) any.push_back(named_value_query(db, option, field, prefix, value, analyzer, notes));
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

std::string joined_values(std::string_view option, const std::vector<std::string>& values) {
  std::string label;
  for (const std::string& value : values) label += (label.empty() ? "" : " ") + std::string(option) + " " + value;
  return label;
}

}  // namespace

Xapian::Query language_query(std::string_view value, const Analyzer& analyzer) {
  const std::string lang = analyzer.fold(language_tag(value));
  const std::size_t dash = lang.find_first_of("-_");
  const Xapian::Query exact(schema::boolean_term(schema::kLanguagePrefix, lang));
  if (dash == std::string::npos || dash == 0) return exact;
  const std::string primary = schema::boolean_term(schema::kLanguagePrefix, lang.substr(0, dash));
  const Xapian::Query any_region(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_WILDCARD, primary + "-"),
                                 Xapian::Query(Xapian::Query::OP_WILDCARD, primary + "_"));
  return Xapian::Query(Xapian::Query::OP_OR, exact,
                       Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(primary), any_region));
}

Result<SortOrder> parse_sort_order(std::string_view text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kOldestFirst;
  if (text == "-date") return SortOrder::kNewestFirst;
  return Error{ErrorKind::kUsage, "", "", "--sort takes relevance, date or -date, not '" + std::string(text) + "'", ""};
}

Result<Xapian::Query> date_range_query(std::string_view since, std::string_view until, std::string_view since_name,
                                       std::string_view until_name) {
  if (!since.empty() && !is_partial_date(since)) return bad_date(since_name, since);
  if (!until.empty() && !is_partial_date(until)) return bad_date(until_name, until);
  // A range that ends before it begins would match nothing, or (to Xapian) everything: an
  // error. "2024-06" to "2024" is a range: the partial until reaches the end of its year.
  if (!since.empty() && !until.empty() && since.substr(0, std::min(since.size(), until.size())) > until) {
    return Error{ErrorKind::kUsage, "", "",
                 std::string(since_name) + " " + std::string(since) + " is after " +
                     (until_name == since_name ? "" : std::string(until_name) + " ") + std::string(until),
                 "give the earlier date first"};
  }
  // Dates are stored as ISO 8601 text, which sorts as time does; "\xFF" after a partial
  // date reaches past every stored date that starts with it.
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot,
                       since.empty() ? std::string("0") : std::string(since),
                       until.empty() ? std::string("\xFF") : std::string(until) + "\xFF");
}

Xapian::Query named_value_query(const Xapian::Database& db, std::string_view option, std::string_view field,
                                std::string_view prefix, std::string_view value, const Analyzer& analyzer,
                                std::vector<std::string>* notes) {
  const std::string folded = analyzer.fold(value);
  const std::vector<std::string> named = terms_naming(db, prefix, folded);
  if (named.empty() && notes != nullptr) notes->push_back(names_nothing_note(db, option, field, prefix, value, analyzer));
  std::vector<Xapian::Query> terms = {Xapian::Query(schema::boolean_term(prefix, folded))};  // matches nothing alone
  for (const std::string& term : named) terms.emplace_back(term);
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::vector<LoosenedFilter> loosened_filters(const SearchFilters& filters) {
  std::vector<LoosenedFilter> loosened;
  if (!filters.since.empty() || !filters.until.empty()) {
    LoosenedFilter without{"", filters};
    without.filters.since.clear();
    without.filters.until.clear();
    without.label = joined_values("--since", filters.since.empty() ? std::vector<std::string>{} : std::vector{filters.since});
    const std::string until = joined_values("--until", filters.until.empty() ? std::vector<std::string>{} : std::vector{filters.until});
    without.label += (without.label.empty() || until.empty() ? "" : " ") + until;
    loosened.push_back(std::move(without));
  }
  const auto without_list = [&](std::string_view option, std::vector<std::string> SearchFilters::*list) {
    if ((filters.*list).empty()) return;
    LoosenedFilter without{joined_values(option, filters.*list), filters};
    (without.filters.*list).clear();
    loosened.push_back(std::move(without));
  };
  without_list("--source", &SearchFilters::sources);
  without_list("--author", &SearchFilters::authors);
  without_list("--topic", &SearchFilters::topics);
  without_list("--lang", &SearchFilters::langs);
  if (loosened.size() > 1) loosened.push_back({"any filter", SearchFilters{}});
  return loosened;
}

Result<Xapian::Query> filter_query(const SearchFilters& filters, const Analyzer& analyzer,
                                   const Xapian::Database* vocabulary, std::vector<std::string>* notes) {
  std::vector<Xapian::Query> required;
  if (!filters.since.empty() || !filters.until.empty()) {
    auto dates = date_range_query(filters.since, filters.until, "--since", "--until");
    if (!dates) return dates.error();
    required.push_back(*dates);
  }
  if (!filters.sources.empty()) {
    required.push_back(vocabulary != nullptr
                           ? any_named(*vocabulary, "--source", "source", schema::kSourcePrefix, filters.sources, analyzer, notes)
                           : any_of(schema::kSourcePrefix, filters.sources, analyzer));
  }
  if (!filters.authors.empty()) {
    required.push_back(vocabulary != nullptr
                           ? any_named(*vocabulary, "--author", "author", schema::kAuthorPrefix, filters.authors, analyzer, notes)
                           : any_of(schema::kAuthorPrefix, filters.authors, analyzer));
  }
  if (!filters.topics.empty()) required.push_back(any_of(schema::kTopicPrefix, filters.topics, analyzer));
  if (!filters.langs.empty()) {
    std::vector<Xapian::Query> langs;
    for (const std::string& lang : filters.langs) langs.push_back(language_query(lang, analyzer));
    required.emplace_back(Xapian::Query::OP_OR, langs.begin(), langs.end());
  }
  if (required.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
}

Status check_filters(const SearchFilters& filters, const Analyzer& analyzer) {
  auto query = filter_query(filters, analyzer);
  if (!query) return query.error();
  return ok_status();
}

}  // namespace cs::searcher
