#include "searcher/facets.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;

TEST(Facets, PeriodsOfADate) {
  EXPECT_EQ(period_of("2021-02-11T02:39:57Z", Period::kYear), "2021");
  EXPECT_EQ(period_of("2021-02-11T02:39:57Z", Period::kMonth), "2021-02");
  EXPECT_EQ(period_of("2021-02-11", Period::kDay), "2021-02-11");
  EXPECT_EQ(period_of("2021-02", Period::kYear), "") << "partial dates are not counted";
  EXPECT_EQ(period_of("", Period::kYear), "");
}

TEST(Facets, IsoWeeksBelongToTheYearOfTheirThursday) {
  EXPECT_EQ(period_of("2021-02-11", Period::kWeek), "2021-W06");
  EXPECT_EQ(period_of("2021-01-03", Period::kWeek), "2020-W53");
  EXPECT_EQ(period_of("2021-01-04", Period::kWeek), "2021-W01");
  EXPECT_EQ(period_of("2024-12-30", Period::kWeek), "2025-W01");
  EXPECT_EQ(period_of("2026-11-22", Period::kWeek), "2026-W47");
}

TEST(Facets, ParsesFieldListsAndRejectsUnknownNames) {
  auto fields = parse_facet_fields("source,year,source");
  ASSERT_TRUE(fields.ok());
  EXPECT_THAT(*fields, ElementsAre(FacetField::kSource, FacetField::kYear));
  EXPECT_FALSE(parse_facet_fields("source,,year").ok());
  EXPECT_FALSE(parse_facet_fields("colour").ok());
  EXPECT_FALSE(parse_period("decade").ok());
}

}  // namespace
}  // namespace cs::searcher
