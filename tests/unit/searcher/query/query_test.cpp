#include "searcher/query/query.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

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

TEST(Query, QuotedPhraseMatchesItsWordsStemsInOrder) {
  EXPECT_EQ(describe("\"phone calls\""), "Query(((Zphone PHRASE 2 Zcall) OR (ZSphone PHRASE 2 ZScall)))");
}

TEST(Query, AQuotedWordMatchesAsWritten) {
  EXPECT_EQ(describe("\"calls\""), "Query((calls OR Scalls))");
}

TEST(Query, APhraseIsMatchedInEachLanguageByThatLanguagesStems) {
  Analyzer analyzer;
  const StemLanguages languages(std::vector<std::string>{"english", "german"});
  QueryContext context;
  context.stem_languages = &languages;
  auto parsed = parse_query("\"trade talks\"", analyzer, context);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->query.get_description(),
            "Query((((Ztrade PHRASE 2 Ztalk) OR (Ztrad PHRASE 2 Ztalk)) OR ((ZStrade PHRASE 2 ZStalk) OR "
            "(ZStrad PHRASE 2 ZStalk))))");
}

TEST(Query, RequiredAndExcludedWords) {
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_MAYBE"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("AND_NOT"));
  EXPECT_THAT(describe("+taiwan trade -tariffs"), HasSubstr("Ztariff"));
}

TEST(Query, SplitWordsBecomePhrases) {
  EXPECT_EQ(describe("China-U.S."), "Query(((Zchina PHRASE 2 Zu.s) OR (ZSchina PHRASE 2 ZSu.s)))");
}

TEST(Query, CapitalsAreAcronymsNotTheCommonWord) {
  EXPECT_EQ(describe("US"), "Query((Zu.s OR ZSu.s))");
  EXPECT_EQ(describe("U.S."), describe("US"));
  EXPECT_EQ(describe("u.s."), describe("US")) << "typing the dots finds the acronym in any case";
  EXPECT_EQ(describe("us"), "Query((Zus OR ZSus))") << "lower case finds the word and the acronym's letters";
  EXPECT_EQ(describe("\"US economy\""), "Query(((Zu.s PHRASE 2 Zeconomi) OR (ZSu.s PHRASE 2 ZSeconomi)))");
}

TEST(Query, CapitalsTheIndexDoesNotHoldAsAnAcronymAreWords) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document document;
  document.add_posting("u.s", 1);  // the index has "U.S." but no "IRAN" in capitals
  document.add_posting("iran", 2);
  db.add_document(document);
  Analyzer analyzer;
  QueryContext context;
  context.vocabulary = &db;
  auto acronym = parse_query("US", analyzer, context);
  auto shouted = parse_query("IRAN", analyzer, context);
  ASSERT_TRUE(acronym.ok() && shouted.ok());
  EXPECT_EQ(acronym->query.get_description(), "Query((Zu.s OR ZSu.s))");
  EXPECT_EQ(shouted->query.get_description(), "Query((Ziran OR ZSiran))");
}

TEST(Query, HyphenatedWordsMatchTheirPartsAndTheWhole) {
  EXPECT_EQ(describe("Ing-wen"), "Query((((Zing PHRASE 2 Zwen) OR (ZSing PHRASE 2 ZSwen)) OR (Zingwen OR ZSingwen)))");
  EXPECT_EQ(describe("ingwen"), "Query((Zingwen OR ZSingwen))");
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

TEST(Query, AndRequiresBothOrEitherAndBindsTighterThanOr) {
  EXPECT_EQ(describe("taiwan AND trade"), "Query(((Ztaiwan OR ZStaiwan) AND (Ztrade OR ZStrade)))");
  EXPECT_EQ(describe("taiwan OR trade"), "Query(((Ztaiwan OR ZStaiwan) OR (Ztrade OR ZStrade)))");
  EXPECT_EQ(describe("a AND b OR c"), describe("(a AND b) OR c"));
  EXPECT_NE(describe("a AND b OR c"), describe("a AND (b OR c)"));
}

TEST(Query, NotExcludesLikeAMinus) {
  EXPECT_EQ(describe("taiwan NOT trade"), describe("taiwan -trade"));
  EXPECT_EQ(describe("taiwan AND NOT trade"), "Query(((Ztaiwan OR ZStaiwan) AND_NOT (Ztrade OR ZStrade)))");
  EXPECT_THAT(describe("xi -(trump OR biden)"), HasSubstr("AND_NOT"));
}

TEST(Query, LowerCaseOperatorsAreWords) {
  EXPECT_EQ(describe("war or peace"), "Query(((Zwar OR ZSwar) OR (Zor OR ZSor) OR (Zpeac OR ZSpeac)))");
}

TEST(Query, NearFindsWordsWithinAWindow) {
  EXPECT_EQ(describe("xi NEAR trump"), "Query(((Zxi NEAR 10 Ztrump) OR (ZSxi NEAR 10 ZStrump)))");
  EXPECT_EQ(describe("xi NEAR/3 trump"), "Query(((Zxi NEAR 3 Ztrump) OR (ZSxi NEAR 3 ZStrump)))");
}

TEST(Query, TrailingStarExpandsAWordStart) {
  EXPECT_THAT(describe("tariff*"), HasSubstr("WILDCARD"));
  EXPECT_THAT(describe("tariff*"), HasSubstr("tariff"));
}

TEST(Query, FieldsSearchTitleOrFilter) {
  EXPECT_EQ(describe("title:calls"), "Query(ZScall)");
  EXPECT_EQ(describe("title:\"phone call\""), "Query((ZSphone PHRASE 2 ZScall))");
  EXPECT_EQ(describe("taiwan source:CNN"), "Query(((Ztaiwan OR ZStaiwan) FILTER 0 * XScnn))");
  EXPECT_EQ(describe("source:CNN"), "Query(0 * XScnn)") << "filters alone browse what they allow";
  EXPECT_THAT(describe("taiwan (source:CNN OR source:Reuters)"), HasSubstr("FILTER (0 * XScnn OR 0 * XSreuters)"));
  EXPECT_THAT(describe("taiwan -source:CNN"), HasSubstr("AND_NOT"));
  EXPECT_THAT(describe("+taiwan +author:\"Jane Doe\""), HasSubstr("Ajane doe"));
  EXPECT_THAT(describe("topic:Trade lang:EN"), HasSubstr("Ktrade"));
  EXPECT_THAT(describe("topic:Trade lang:EN"), HasSubstr("Len"));
}

TEST(Query, DateRanges) {
  EXPECT_THAT(describe("taiwan date:2021"), HasSubstr("FILTER"));
  EXPECT_THAT(describe("taiwan date:2021"), HasSubstr("VALUE_RANGE 1 2021 2021\\xff"));
  EXPECT_THAT(describe("taiwan date:2021-02..2021-06"), HasSubstr("VALUE_RANGE 1 2021-02 2021-06\\xff"));
  EXPECT_THAT(describe("taiwan date:2021.."), HasSubstr("VALUE_RANGE 1 2021 \\xff"));
}

TEST(Query, EveryMistakeIsAnErrorAtItsColumn) {
  EXPECT_EQ(describe("(xi trump"), "error: column 1: unbalanced parenthesis");
  EXPECT_EQ(describe("xi trump)"), "error: column 9: unbalanced parenthesis");
  EXPECT_EQ(describe("xi ()"), "error: column 5: empty parentheses");
  EXPECT_EQ(describe("xi AND"), "error: column 7: a word is missing at the end");
  EXPECT_EQ(describe("OR xi"), "error: column 1: OR needs a word before it");
  EXPECT_EQ(describe("xi NOT"), "error: column 4: NOT needs a word after it");
  EXPECT_EQ(describe("NEAR xi"), "error: column 1: NEAR needs a word before it");
  EXPECT_EQ(describe("xi NEAR \"a b\""), "error: column 4: NEAR needs a plain word after it");
  EXPECT_EQ(describe("xi OR -trump"), "error: column 4: OR cannot join an excluded word");
  EXPECT_EQ(describe("colour:red"), "error: column 1: unknown field 'colour:'");
  EXPECT_EQ(describe("xi title: call"), "error: column 4: field 'title:' has no value");
  EXPECT_EQ(describe("xi date:2021-13"), "error: column 4: date: '2021-13' is not a date");
  EXPECT_EQ(describe("xi date:.."), "error: column 4: date: needs a date");
  EXPECT_EQ(describe("xi *"), describe("xi")) << "a lone * is punctuation";
  EXPECT_EQ(describe("NOT xi"), "error: column 1: query only excludes words");
}

TEST(Query, DeepNestingIsRefusedNotRecursedInto) {
  EXPECT_THAT(describe(std::string(5000, '(') + "xi" + std::string(5000, ')')), HasSubstr("nest deeper than 32"));
  EXPECT_EQ(describe(std::string(30, '(') + "xi" + std::string(30, ')')), describe("xi"));
}

TEST(Query, RandomQueriesParseOrFailCleanly) {
  // Fragments of the query language, shuffled: every result is a query or a located error.
  static const char* pieces[] = {"xi", "Trump", "AND", "OR", "NOT", "NEAR", "NEAR/2", "(", ")", "\"", "+", "-",
                                 "*", "title:", "source:cnn", "date:", "date:2021..", "..", ":", "台湾", "U.S.", " "};
  Analyzer analyzer;
  std::mt19937 random(42);
  for (int i = 0; i < 5000; ++i) {
    std::string text;
    const std::size_t length = random() % 12;
    for (std::size_t k = 0; k < length; ++k) text += std::string(pieces[random() % std::size(pieces)]) + (random() % 2 ? " " : "");
    auto parsed = parse_query(text, analyzer);
    if (!parsed) {
      EXPECT_EQ(parsed.error().kind, ErrorKind::kQuery) << text;
      EXPECT_EQ(parsed.error().location.rfind("column ", 0), 0u) << text;
    } else {
      EXPECT_FALSE(parsed->query.empty()) << text;
    }
  }
}

TEST(Query, HighlightsWhatTheUserTyped) {
  Analyzer analyzer;
  auto parsed = parse_query("Phone calls -trump \"Xi Jinping\" NOT (biden OR harris) source:cnn", analyzer);
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->highlight_words, ElementsAre("calls", "jinping", "phone", "xi"));
  EXPECT_THAT(parsed->highlight_stems, ElementsAre("call", "jinp", "phone", "xi")) << "a phrase's words by stem too";
}

}  // namespace
}  // namespace cs::searcher
