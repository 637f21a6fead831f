#include "indexer/readers/json_parse.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "support/test_support.hpp"

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

// Text that ends inside a string or a value is cut short, a file or a JSON Lines line (a new
// user's trial: a download cut mid-string was reported as "control character U+000A must
// be escaped").
TEST(JsonParse, SaysAFileEndsInsideItsJson) {
  for (const char* cut : {"{\"title\": \"A\", \"text\": \"rates for the\n", "[{\"title\": \"A\"}, {\"title\": ", "{\"a\": [1, 2"}) {
    auto value = parse_json(cut);
    ASSERT_FALSE(value.ok()) << cut;
    EXPECT_EQ(value.error().reason, "JSON cut short: the text ends inside a string or value") << cut;
  }
  for (const char* wrong_at_the_end : {"[{\"title\": \"A\"},]", "{\"date\": tru}"}) {  // a review's
    auto value = parse_json(wrong_at_the_end);
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.error().reason.rfind("invalid JSON (", 0), 0u) << value.error().reason;
  }
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

// The same value and the same types as nlohmann's own parse, number kinds included.
void expect_same(const nlohmann::json& got, const nlohmann::json& expected, const std::string& where) {
  ASSERT_EQ(got.type(), expected.type()) << where << ": " << got.dump() << " / " << expected.dump();
  if (expected.is_object()) {
    ASSERT_EQ(got.size(), expected.size()) << where;
    for (const auto& [key, value] : expected.items()) {
      ASSERT_TRUE(got.contains(key)) << where << " ." << key;
      expect_same(got[key], value, where + "." + key);
    }
  } else if (expected.is_array()) {
    ASSERT_EQ(got.size(), expected.size()) << where;
    for (std::size_t i = 0; i < expected.size(); ++i) expect_same(got[i], expected[i], where + "[" + std::to_string(i) + "]");
  } else if (expected.is_number_float()) {
    ASSERT_EQ(std::signbit(got.get<double>()), std::signbit(expected.get<double>())) << where;
    ASSERT_EQ(got, expected) << where;
  } else {
    ASSERT_EQ(got, expected) << where;
  }
}

// parse_json reads with simdjson where it can: every document comes back as nlohmann's
// parser makes it, the real ones of the corpus and fixtures and hand-made corners.
TEST(JsonParse, GivesWhatNlohmannsParserGives) {
  std::vector<std::string> documents = {
      "0", "-0", "-0.0", "1.0", "1e2", "-5", "18446744073709551615", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "1.7976931348623157e308", "4.9e-324", "0.1", "123456789012345678901234567890",
      R"("caf\u00e9 \ud83d\ude00 \/ \\ \n \t tab")", "true", "false", "null", " [ ] ", "{}",
      R"({"a": 1, "a": [2, {"b": null}], "c": {"d": -1.5e-3, "e": "x"}})", "\xEF\xBB\xBF{\"bom\": 1}",
      R"([1, 2.5, "three", [true, [false, [null]]]])", "  \n\t{\"k\": \"\u00e9t\u00e9\"}\n"};
  for (const auto& [path, text] : test::corpus_and_fixture_files()) {
    const std::string name = path.filename().string();
    if (name.ends_with(".json")) documents.push_back(text);
    if (name.ends_with(".jsonl")) {
      std::istringstream lines(text);
      for (std::string line; std::getline(lines, line);) documents.push_back(line);
    }
  }
  std::size_t parsed = 0, by_simdjson = 0;
  for (const std::string& document : documents) {
    BadEscapes found;
    const std::optional<std::string> repaired = repair_unicode_escapes(document, found);  // as parse_json does
    nlohmann::json expected;
    try {
      expected = nlohmann::json::parse(repaired ? *repaired : document);
    } catch (const nlohmann::json::exception&) {
      EXPECT_FALSE(parse_json(document).ok()) << document.substr(0, 80);
      continue;
    }
    auto got = parse_json(document);
    ASSERT_TRUE(got.ok()) << document.substr(0, 80);
    ASSERT_NO_FATAL_FAILURE(expect_same(got->json, expected, document.substr(0, 80)));
    ++parsed;
    if (auto fast = parse_json_with_simdjson(repaired ? *repaired : document)) {
      ASSERT_NO_FATAL_FAILURE(expect_same(*fast, expected, "simdjson: " + document.substr(0, 80)));
      ++by_simdjson;
    }
  }
  EXPECT_GT(parsed, 40u);
  // simdjson leaves to nlohmann only -0, the 30-digit number and what it cannot read.
  EXPECT_GE(by_simdjson + 3, parsed);
  EXPECT_FALSE(parse_json_with_simdjson("-0"));
  EXPECT_FALSE(parse_json_with_simdjson("123456789012345678901234567890"));
  EXPECT_FALSE(parse_json_with_simdjson(std::string(kMaxSimdjsonBytes, ' ') + "1")) << "too large for simdjson";
}

}  // namespace
}  // namespace cs::indexer
