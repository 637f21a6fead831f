#include "searcher/query/filters.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

using ::testing::HasSubstr;

TEST(Filters, SortOrders) {
  EXPECT_EQ(*parse_sort_order("relevance"), SortOrder::kRelevance);
  EXPECT_EQ(*parse_sort_order("date"), SortOrder::kOldestFirst);
  EXPECT_EQ(*parse_sort_order("-date"), SortOrder::kNewestFirst);
  EXPECT_FALSE(parse_sort_order("Date").ok());
}

TEST(Filters, NoFiltersAllowEverything) {
  Analyzer analyzer;
  auto query = filter_query({}, analyzer);
  ASSERT_TRUE(query.ok());
  EXPECT_TRUE(query->empty());
}

TEST(Filters, BuildsOneClausePerOption) {
  Analyzer analyzer;
  SearchFilters filters;
  filters.since = "2021";
  filters.sources = {"CNN", "Reuters"};
  filters.langs = {"EN"};
  auto query = filter_query(filters, analyzer);
  ASSERT_TRUE(query.ok());
  const std::string description = query->get_description();
  EXPECT_THAT(description, HasSubstr("VALUE_RANGE 1 2021"));
  EXPECT_THAT(description, HasSubstr("XScnn OR XSreuters"));
  EXPECT_THAT(description, HasSubstr("Len"));
}

TEST(Filters, RejectsDatesThatAreNotDates) {
  Analyzer analyzer;
  for (const char* bad : {"21", "2021-1", "2021-00", "2021-02-32", "2018-02-30", "2019-02-29", "2021-04-31", "2021/02/01", "2021-02-01T00:00", "soon"}) {
    SearchFilters filters;
    filters.until = bad;
    auto query = filter_query(filters, analyzer);
    ASSERT_FALSE(query.ok()) << bad;
    EXPECT_THAT(query.error().reason, HasSubstr("--until"));
  }
  SearchFilters leap;
  leap.since = "2020-02-29";
  EXPECT_TRUE(filter_query(leap, analyzer).ok()) << "a leap day is a day";
}

TEST(Filters, ARangeThatEndsBeforeItBeginsIsAnError) {
  Analyzer analyzer;
  for (const auto& [since, until] : std::vector<std::pair<const char*, const char*>>{
           {"2025", "2024"}, {"2024-06", "2024-01"}, {"2024-06-02", "2024-06-01"}, {"2025-01", "2024"}}) {
    SearchFilters filters;
    filters.since = since;
    filters.until = until;
    auto query = filter_query(filters, analyzer);
    ASSERT_FALSE(query.ok()) << since << ".." << until;
    EXPECT_THAT(query.error().reason, HasSubstr("is after --until"));
  }
  for (const auto& [since, until] : std::vector<std::pair<const char*, const char*>>{
           {"2024-06", "2024"}, {"2024", "2024-01"}, {"2024-06-01", "2024-06-01"}, {"2023-12-31", "2024"}}) {
    SearchFilters filters;
    filters.since = since;
    filters.until = until;
    EXPECT_TRUE(filter_query(filters, analyzer).ok()) << since << ".." << until << " overlap";
  }
}

}  // namespace
}  // namespace cs::searcher
