#include "common/analyzer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> words_of(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::vector<std::string> words;
  for (const auto& t : tokens) words.push_back(t.word);
  return words;
}

TEST(Analyzer, SplitsWordsAndDropsPunctuation) {
  EXPECT_THAT(words_of("Xi and Trump Speak Via Phone."), ElementsAre("xi", "and", "trump", "speak", "via", "phone"));
}

TEST(Analyzer, CaseFoldsAndAppliesNfkc) {
  // Fullwidth letters, the "fi" ligature and German sharp s fold to what users type.
  EXPECT_THAT(words_of("ＴＡＩＷＡＮ ﬁnance Straße"), ElementsAre("taiwan", "finance", "strasse"));
}

TEST(Analyzer, FoldsAccentsOnLatinGreekAndCyrillicLetters) {
  EXPECT_THAT(words_of("Brzeziński’s café in Kraków"), ElementsAre("brzezinski", "cafe", "in", "krakow"));
  EXPECT_THAT(words_of("Ελλάδα Ёлка"), ElementsAre("ελλαδα", "елка"));
}

TEST(Analyzer, KeepsMarksThatCarryMeaningInOtherScripts) {
  // Devanagari vowel signs and the Japanese dakuten are not accents.
  EXPECT_THAT(words_of("हिंदी"), ElementsAre("हिंदी"));
  EXPECT_THAT(words_of("ガ"), ElementsAre("ガ"));
}

TEST(Analyzer, KeepsNumbersWhole) {
  EXPECT_THAT(words_of("a $1.9 trillion package, 25 percent"), ElementsAre("a", "1.9", "trillion", "package", "25", "percent"));
}

TEST(Analyzer, StraightensTypographicApostrophes) {
  EXPECT_THAT(words_of("aides don’t know"), ElementsAre("aides", "don't", "know"));
}

TEST(Analyzer, DropsEnglishPossessives) {
  EXPECT_THAT(words_of("Biden’s and Xi's aides"), ElementsAre("biden", "and", "xi", "aides"));
  Analyzer unstemmed("none");
  std::vector<Token> tokens;
  unstemmed.tokenize("Xi's", tokens);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].word, "xi's") << "possessives are English; other languages keep the word whole";
}

TEST(Analyzer, SegmentsChineseByDictionary) {
  const auto words = words_of("中华人民共和国主席习近平");
  EXPECT_GE(words.size(), 2u) << "ICU's dictionary should cut Chinese into several words";
  std::string joined;
  for (const auto& w : words) joined += w;
  EXPECT_EQ(joined, "中华人民共和国主席习近平");
}

TEST(Analyzer, TokenOffsetsPointIntoTheOriginalText) {
  Analyzer analyzer;
  const std::string text = "Language : English 简体 繁體 — Phone Call Diplomacy";
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  ASSERT_FALSE(tokens.empty());
  for (const auto& token : tokens) {
    ASSERT_LT(token.begin, token.end);
    ASSERT_LE(token.end, text.size());
    EXPECT_EQ(analyzer.fold(text.substr(token.begin, token.end - token.begin)), token.word);
  }
  EXPECT_EQ(tokens.back().word, "diplomacy");
}

TEST(Analyzer, StemsEnglishWords) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.stem("calls"), "call");
  EXPECT_EQ(analyzer.stem("called"), "call");
  EXPECT_EQ(analyzer.stem("relations"), "relat");
  EXPECT_EQ(analyzer.stem("xi's"), "xi");
  EXPECT_EQ(analyzer.stem("2021"), "2021");
}

TEST(Analyzer, WithoutLanguageDoesNotStem) {
  Analyzer analyzer("none");
  EXPECT_EQ(analyzer.stem("calls"), "calls");
}

TEST(Analyzer, SplitsSentencesCoveringTheText) {
  Analyzer analyzer;
  const std::string text = "Xi noted the importance of healthy ties. Cooperation is the only right choice! Is it?";
  std::vector<Span> sentences;
  analyzer.sentences(text, sentences);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences.front().begin, 0u);
  EXPECT_EQ(sentences.back().end, text.size());
  for (std::size_t i = 1; i < sentences.size(); ++i) EXPECT_EQ(sentences[i].begin, sentences[i - 1].end);
}

TEST(Analyzer, DropsOverlongWords) {
  const std::string long_word(Analyzer::kMaxWordBytes + 1, 'a');
  EXPECT_THAT(words_of("short " + long_word + " end"), ElementsAre("short", "end"));
}

TEST(Analyzer, CopiesAnalyseIndependently) {
  Analyzer first;
  Analyzer second(first);
  std::vector<Token> a, b;
  first.tokenize("one two", a);
  second.tokenize("three", b);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(b.size(), 1u);
}

}  // namespace
}  // namespace cs
