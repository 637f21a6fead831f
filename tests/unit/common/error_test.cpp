#include "common/error.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

TEST(Error, FormatsOneLineWithEveryPart) {
  const Error error{ErrorKind::kInput, "corpus/a.json", "line 3", "invalid JSON", "record skipped"};
  EXPECT_EQ(format_error("cs-index", "warning", error), "cs-index: warning: corpus/a.json: line 3: invalid JSON; record skipped");
}

TEST(Error, FormatOmitsEmptyParts) {
  const Error error{ErrorKind::kUsage, "", "", "no query given", ""};
  EXPECT_EQ(format_error("cs-search", "error", error), "cs-search: error: no query given");
}

TEST(Error, ResultHoldsValueOrError) {
  Result<int> value = 7;
  Result<int> failed = Error{ErrorKind::kQuery, "", "", "bad", ""};
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().reason, "bad");
}

}  // namespace
}  // namespace cs
