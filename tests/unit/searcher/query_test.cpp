#include "searcher/query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string describe(std::string_view text) {
  Analyzer analyzer;
  auto parsed = parse_query(text, analyzer);
  return parsed ? parsed->query.get_description() : "error: " + parsed.error().location + ": " + parsed.error().reason;
}

TEST(Query, WordsMatchByStemInTextAndTitle) {
  EXPECT_EQ(describe("calls"), "Query((Zcall OR ZScall))");
}

TEST(Query, SeveralWordsAreOptionalAndRankedByBm25) {
  EXPECT_EQ(describe("phone calls"), "Query(((Zphone OR ZSphone) OR (Zcall OR ZScall)))");
}

TEST(Query, QuotedPhraseMatchesWordForWord) {
  EXPECT_EQ(describe("\"phone calls\""), "Query(((phone PHRASE 2 calls) OR (Sphone PHRASE 2 Scalls)))");
}

TEST(Query, RequiredAndExcludedWords) {
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_MAYBE"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_NOT"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("Ztariff"));
}

TEST(Query, SplitWordsBecomePhrases) {
  EXPECT_EQ(describe("China-U.S."), "Query(((china PHRASE 2 u.s) OR (Schina PHRASE 2 Su.s)))");
}

TEST(Query, FoldsAccentsAsTheIndexDoes) {
  EXPECT_EQ(describe("Brzeziński"), describe("brzezinski"));
}

TEST(Query, UsesTheSameNormalisationAsTheIndex) {
  EXPECT_EQ(describe("ＴＡＩＷＡＮ"), describe("taiwan"));
}

TEST(Query, UnbalancedQuoteIsAnErrorAtItsColumn) {
  EXPECT_EQ(describe("phone \"call"), "error: column 7: unbalanced quote");
}

TEST(Query, QueriesWithoutWordsAreErrors) {
  EXPECT_EQ(describe("   "), "error: column 1: query has no searchable words");
  EXPECT_EQ(describe("!!! ..."), "error: column 1: query has no searchable words");
  EXPECT_EQ(describe("-trump"), "error: column 1: query only excludes words");
}

TEST(Query, OversizedQueriesAreRefusedQuickly) {
  std::string many;
  for (int i = 0; i < 2000; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_THAT(describe(many), HasSubstr("more than 1024 words"));
  EXPECT_THAT(describe(std::string(20000, 'a')), HasSubstr("longer than 16 KB"));
}

TEST(Query, HighlightsWhatTheUserTyped) {
  Analyzer analyzer;
  auto parsed = parse_query("Phone calls -trump \"Xi Jinping\"", analyzer);
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->highlight_words, ElementsAre("calls", "jinping", "phone", "xi"));
  EXPECT_THAT(parsed->highlight_stems, ElementsAre("call", "phone"));
}

}  // namespace
}  // namespace cs::searcher
