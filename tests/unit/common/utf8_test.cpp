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

// A cut never splits a character: "é" is two bytes, "中" three.
TEST(Utf8, CutsFallOnCharacterBoundaries) {
  const std::string_view text = "a\xC3\xA9\xE4\xB8\xAD!";  // a é 中 !
  EXPECT_EQ(utf8::boundary_at_or_before(text, 2), 1u);
  EXPECT_EQ(utf8::boundary_at_or_after(text, 2), 3u);
  EXPECT_EQ(utf8::boundary_at_or_before(text, 5), 3u);
  EXPECT_EQ(utf8::boundary_at_or_after(text, 4), 6u);
  EXPECT_EQ(utf8::boundary_at_or_before(text, 3), 3u) << "already a boundary";
  EXPECT_EQ(utf8::boundary_at_or_after(text, 7), 7u) << "the end is one";
  EXPECT_TRUE(utf8::is_continuation('\xA9'));
  EXPECT_FALSE(utf8::is_continuation('\xC3'));
}

}  // namespace
}  // namespace cs::utf8
