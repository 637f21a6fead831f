#include "indexer/json_parse.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(JsonParse, ParsesValidJson) {
  auto value = parse_json(R"({"title": "Xi", "tags": ["a", "b"]})");
  ASSERT_TRUE(value.ok());
  EXPECT_EQ((*value)["tags"].size(), 2u);
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

}  // namespace
}  // namespace cs::indexer
