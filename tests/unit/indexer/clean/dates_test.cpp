#include "indexer/clean/dates.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(Dates, ReadsIso8601) {
  EXPECT_EQ(parse_date("2021-02-11"), "2021-02-11");
  EXPECT_EQ(parse_date("2021-02-11T02:39:57Z"), "2021-02-11T02:39:57Z");
  EXPECT_EQ(parse_date("2021-02-11T10:39:57+08:00"), "2021-02-11T02:39:57Z");
  EXPECT_EQ(parse_date("2021-02-11T02:39:57.123Z"), "2021-02-11T02:39:57Z");
  EXPECT_EQ(parse_date("2021-02-11 02:39:57"), "2021-02-11T02:39:57Z");
}

TEST(Dates, RefusesYearsOfFiveDigits) {  // found by fuzz_dates
  EXPECT_EQ(parse_date("20221-02-11T03:00:00+08:00"), std::nullopt);
  EXPECT_EQ(parse_date("20221-02-11"), std::nullopt);
  EXPECT_EQ(parse_date("2022-02-11T03:00:00+08:00"), "2022-02-10T19:00:00Z");
}

TEST(Dates, ReadsTheSeedsDatelines) {
  EXPECT_EQ(parse_date("Mar 10, 2021"), "2021-03-10");
  EXPECT_EQ(parse_date("January 17, 2025 4:06 pm (EST)"), "2025-01-17T21:06:00Z");
  EXPECT_EQ(parse_date("Feb. 12, 2025, 2:58 a.m. ET"), "2025-02-12T07:58:00Z");
}

TEST(Dates, ReadsOtherNewsroomForms) {
  EXPECT_EQ(parse_date("10 March 2021"), "2021-03-10");
  EXPECT_EQ(parse_date("Sept. 3, 2024"), "2024-09-03");
  EXPECT_EQ(parse_date("Wednesday, February 10, 2021"), "2021-02-10");
  EXPECT_EQ(parse_date("July 4, 2024 9:15 PM PDT"), "2024-07-05T04:15:00Z");
}

TEST(Dates, RejectsTextThatIsNotJustADate) {
  EXPECT_EQ(parse_date("true"), std::nullopt);
  EXPECT_EQ(parse_date("Phone Call Diplomacy"), std::nullopt);
  EXPECT_EQ(parse_date("On Friday, January 17, General Secretary Xi Jinping spoke"), std::nullopt);
  EXPECT_EQ(parse_date("2021-13-45"), std::nullopt);
  EXPECT_EQ(parse_date("25 percent"), std::nullopt);
  EXPECT_EQ(parse_date(""), std::nullopt);
}

TEST(Dates, RejectsImplausibleYears) {
  EXPECT_EQ(parse_date("0021-02-11"), std::nullopt);
  EXPECT_EQ(parse_date("9999-02-11"), std::nullopt);
}

}  // namespace
}  // namespace cs::indexer
