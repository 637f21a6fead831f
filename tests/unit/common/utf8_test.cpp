#include "common/utf8.hpp"

#include <gtest/gtest.h>

namespace cs::utf8 {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_TRUE(is_valid("plain ASCII"));
  EXPECT_TRUE(is_valid("简体 繁體 — “quotes” 😀"));
}

TEST(Utf8, RejectsOverlongSurrogatesAndTruncation) {
  EXPECT_FALSE(is_valid("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid("\xED\xA0\x80"));      // UTF-16 surrogate
  EXPECT_FALSE(is_valid("\xF4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid("abc\xE2\x80"));       // truncated
  EXPECT_FALSE(is_valid("caf\xE9"));           // Latin-1
}

TEST(Utf8, RepairReplacesEachInvalidByte) {
  std::size_t replaced = 0;
  EXPECT_EQ(repair("caf\xE9 ok", &replaced), "caf\xEF\xBF\xBD ok");
  EXPECT_EQ(replaced, 1u);
  EXPECT_TRUE(is_valid(repair("\xFF\xFE\xC0\xAF" "abc\xE2\x80")));
}

}  // namespace
}  // namespace cs::utf8
