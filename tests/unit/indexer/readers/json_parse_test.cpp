#include "indexer/readers/json_parse.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(JsonParse, ParsesValidJson) {
  auto value = parse_json(R"({"title": "Xi", "tags": ["a", "b"]})");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->json["tags"].size(), 2u);
  EXPECT_FALSE(value->repaired.has_value());
}

TEST(JsonParse, LocatesSyntaxErrorsByLineAndColumn) {
  auto value = parse_json("{\n  \"title\": \"a\",\n  \"text\" \"b\"\n}");
  ASSERT_FALSE(value.ok());
  // nlohmann stops at the end of the unexpected token: "b" ends at column 12.
  EXPECT_EQ(value.error().location, "line 3, column 12");
  EXPECT_EQ(value.error().reason.rfind("invalid JSON (syntax error", 0), 0u) << value.error().reason;
}

TEST(JsonParse, NumbersLinesFromTheGivenFirstLine) {
  auto value = parse_json("{\"a\": }", 7);
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().location.rfind("line 7, column ", 0), 0u);
}

TEST(JsonParse, LeavesTheDocumentsTextOutOfMessages) {
  auto value = parse_json("{\"text\": \"\x1B]0;secret words");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().reason.find("secret"), std::string::npos) << value.error().reason;
}

TEST(JsonParse, RefusesNestingDeeperThanTheLimitWithoutCrashing) {
  const auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_TRUE(parse_json(nested(kMaxJsonDepth)).ok());
  const auto deeper = parse_json(nested(kMaxJsonDepth + 1));
  ASSERT_FALSE(deeper.ok());
  EXPECT_EQ(deeper.error().reason, "JSON nested deeper than 500 levels");
  EXPECT_FALSE(parse_json(nested(100000)).ok());
  EXPECT_FALSE(parse_json(std::string(100000, '{')).ok()) << "unclosed and deep";
}

// See issue #18: a record was lost for one lone surrogate escape.
TEST(JsonParse, ReplacesALoneHighSurrogateAndSaysWhere) {
  auto value = parse_json(R"({"text": "Tariffs \ud800 rose"})", 3);
  ASSERT_TRUE(value.ok()) << value.error().reason;
  EXPECT_EQ(value->json["text"], "Tariffs \xEF\xBF\xBD rose");  // U+FFFD
  ASSERT_TRUE(value->repaired.has_value());
  EXPECT_EQ(value->repaired->location, "line 3");
  EXPECT_EQ(value->repaired->reason, R"(invalid \u escape (lone surrogate U+D800) replaced with U+FFFD)");
}

TEST(JsonParse, ReplacesALowSurrogateWithoutAHighOne) {
  auto value = parse_json(R"({"text": "a\uDC00b"})");
  ASSERT_TRUE(value.ok()) << value.error().reason;
  EXPECT_EQ(value->json["text"], "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(value->repaired->reason, R"(invalid \u escape (lone surrogate U+DC00) replaced with U+FFFD)");
}

TEST(JsonParse, ReplacesAHighSurrogateNotFollowedByALowEscape) {
  // Followed by text, by another high surrogate (whose own pair then decodes), by "\n".
  auto value = parse_json(R"(["\ud83dx", "\ud83d\ud83d\ude00", "\ud83d\n"])");
  ASSERT_TRUE(value.ok()) << value.error().reason;
  EXPECT_EQ(value->json[0], "\xEF\xBF\xBDx");
  EXPECT_EQ(value->json[1], "\xEF\xBF\xBD\xF0\x9F\x98\x80");  // U+FFFD then U+1F600
  EXPECT_EQ(value->json[2], "\xEF\xBF\xBD\n");
  EXPECT_EQ(value->repaired->reason,
            R"(invalid \u escapes (3 lone surrogates, the first U+D83D) replaced with U+FFFD)");
}

TEST(JsonParse, LeavesPairsAndEscapedBackslashesAlone) {
  BadEscapes found;
  // "\\ud800" is a backslash and the text "ud800"; "\\\ud800" is a backslash, then an escape.
  const std::string text = R"({"a": "\ud83d\ude00", "b": "\\ud800", "c": "\\\\udc00", "d": "\u00e9\"\u005c"})";
  EXPECT_FALSE(repair_unicode_escapes(text, found).has_value());
  EXPECT_FALSE(found.any());
  auto value = parse_json(text);
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->json["b"], "\\ud800");
  EXPECT_FALSE(value->repaired.has_value());

  const auto odd = repair_unicode_escapes(R"(["\\\ud800"])", found);
  ASSERT_TRUE(odd.has_value());
  EXPECT_EQ(*odd, R"(["\\\ufffd"])");
}

TEST(JsonParse, DropsNulEscapesWithAWarning) {
  BadEscapes found;
  EXPECT_FALSE(repair_unicode_escapes(R"({"t": "a\u0000b"})", found).has_value()) << "nothing to rewrite";
  EXPECT_EQ(found.nuls, 1u);
  auto value = parse_json("{\"t\": \"a\\u0000b\",\n \"u\": \"\\u0000\"}", 5);
  ASSERT_TRUE(value.ok());
  ASSERT_TRUE(value->repaired.has_value());
  EXPECT_EQ(value->repaired->location, "line 5");
  EXPECT_EQ(value->repaired->reason, R"(invalid \u escapes (2 U+0000) dropped)");
}

TEST(JsonParse, NamesBothKindsInOneWarningAtTheFirstOnesLine) {
  auto value = parse_json("{\"t\": \"fine\",\n \"u\": \"\\u0000\",\n \"v\": \"\\udfff\"}");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(value->repaired->location, "line 2");
  EXPECT_EQ(value->repaired->reason,
            R"(invalid \u escapes (lone surrogate U+DFFF replaced with U+FFFD, U+0000 dropped))");
}

TEST(JsonParse, ASyntaxErrorAfterARepairIsStillLocatedInTheText) {
  auto value = parse_json("{\"t\": \"\\ud800\",\n  \"u\" 1}");
  ASSERT_FALSE(value.ok());
  EXPECT_EQ(value.error().location, "line 2, column 7");
  EXPECT_EQ(value.error().reason.rfind("invalid JSON (syntax error", 0), 0u) << value.error().reason;
  // Bad hex digits are the parser's to report, not the repair's.
  EXPECT_FALSE(parse_json(R"(["\ud8zz"])").ok());
  EXPECT_FALSE(parse_json(R"(["\ud8)").ok());
}

}  // namespace
}  // namespace cs::indexer
