#include "common/analyzer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <bitset>
#include <random>

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

// Letters with a stroke and ligatures have no mark to drop: they are spelt out (a new
// user's trial: "lodz" did not find "Łódź").
TEST(Analyzer, SpellsOutLettersWithAStrokeAndLigatures) {
  EXPECT_THAT(words_of("Łódź Ærøskøbing Œuvre Đorđević Þór Sıla"),
              ElementsAre("lodz", "aeroskobing", "oeuvre", "dordevic", "thor", "sila"));
  Analyzer analyzer;
  EXPECT_EQ(analyzer.fold("Łask"), "lask");
}

// NFKC case folding makes Turkish's capital dotted I (U+0130) "i" and a combining dot above
// (U+0307), a mark like any accent: "istanbul" did not find "İstanbul" (a new user's trial).
TEST(Analyzer, FoldsTheDotOfTurkishsCapitalIAway) {
  EXPECT_THAT(words_of("İstanbul İZMİR Diyarbakır"), ElementsAre("istanbul", "izmir", "diyarbakir"));
  Analyzer analyzer;
  EXPECT_EQ(analyzer.fold("İstanbul"), "istanbul") << "field values fold the same way";
  EXPECT_EQ(analyzer.fold("i\u0307stanbul"), "istanbul") << "written decomposed";
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
  EXPECT_EQ(tokens[0].word, "xi") << "in every language, as the query cannot know the article's";
}

TEST(Analyzer, CutsFrenchAndItalianElisions) {
  EXPECT_THAT(words_of("l'Assemblée d’Élisabeth Borne qu'il jusqu’à dell'Unione gl'Italiani"),
              ElementsAre("assemblee", "elisabeth", "borne", "il", "a", "unione", "italiani"));
  EXPECT_THAT(words_of("O'Brien aujourd'hui quelqu'un don't rock n' roll"),
              ElementsAre("o'brien", "aujourd'hui", "quelqu'un", "don't", "rock", "n", "roll"))
      << "other apostrophes stay in their words";
  Analyzer analyzer;
  std::vector<Token> tokens;
  const std::string_view text = "vote à l’Assemblée";
  analyzer.tokenize(text, tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "Assemblée") << "a highlight marks the word alone";
}

// Turkish writes a proper noun's case suffix after an apostrophe ("İzmir'de", in Izmir): in
// Turkish the name is the word, so "izmir" finds it, and a query holding the suffix, read in
// no language, meets it by its Turkish stem. Elsewhere the apostrophe stays ("O'Brien").
TEST(Analyzer, TurkishNamesLoseTheCaseSuffixAfterTheirApostrophe) {
  Analyzer turkish("turkish");
  std::vector<Token> tokens;
  const std::string_view text = "İzmir'de Erdoğan’ın Ankara'daki";
  turkish.tokenize(text, tokens);
  std::vector<std::string> words;
  for (const Token& token : tokens) words.push_back(token.word);
  EXPECT_THAT(words, ElementsAre("izmir", "erdogan", "ankara"));
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "İzmir'de") << "highlighted whole";
  const std::string izmir = turkish.stem("izmir");
  EXPECT_EQ(turkish.stem("izmir'de"), izmir) << "a query word folded elsewhere stems as the indexed name";
  EXPECT_EQ(turkish.stem("erdogan'in"), turkish.stem("erdogan"));
  EXPECT_THAT(words_of("İzmir'de O'Brien don't"), ElementsAre("izmir'de", "o'brien", "don't")) << "in English";
  Analyzer english;
  EXPECT_EQ(english.stem("o'brien"), "o'brien");
}

// Highlighting reads only the words that may begin with a wanted byte: every word the full
// reading gives that begins so (or whose alternative does) comes out the same.
TEST(Analyzer, ReadingOnlySomeFirstBytesKeepsThoseWordsAsTheyAre) {
  const std::string text =
      "U.S. and NATO's allies met Tsai Ing-wen in Taipei; l'Assemblée voted 25 percent, O'Brien said. "
      "The co-operation (with the E.U.) ended—abruptly—after Xi Jinping's call on Jan. 5th; "
      "Zürich's café served 1.9 trillion âdonâtâ hyphenâated "
      "words, 'tis said, and 中华人民共和国 spoke.";
  Analyzer analyzer;
  std::vector<Token> all;
  analyzer.tokenize(text, all);
  for (const char* wanted : {"u", "n", "t", "a", "i", "c", "o", "x", "z", "1", "h", "w", "'", "ut", "aeiou"}) {
    std::bitset<256> bytes;
    for (const char* c = wanted; *c != '\0'; ++c) bytes.set(static_cast<unsigned char>(*c));
    std::vector<Token> some;
    analyzer.tokenize(text, some, bytes);
    for (const Token& token : all) {
      const bool asked = bytes[static_cast<unsigned char>(token.word[0])] ||
                         (!token.alternative.empty() && bytes[static_cast<unsigned char>(token.alternative[0])]);
      if (!asked) continue;
      const auto same = std::find_if(some.begin(), some.end(), [&](const Token& t) { return t.begin == token.begin; });
      ASSERT_NE(same, some.end()) << wanted << ": " << token.word;
      EXPECT_EQ(same->word, token.word) << wanted;
      EXPECT_EQ(same->end, token.end) << wanted;
      EXPECT_EQ(same->alternative, token.alternative) << wanted << ": " << token.word;
      EXPECT_EQ(same->alternative_end, token.alternative_end) << wanted << ": " << token.word;
    }
    EXPECT_LT(some.size(), all.size()) << wanted << ": words beginning otherwise are skipped";
  }
}

TEST(Analyzer, SegmentsChineseByDictionary) {
  const auto words = words_of("中华人民共和国主席习近平");
  EXPECT_GE(words.size(), 2u) << "ICU's dictionary should cut Chinese into several words";
  std::string joined;
  for (const auto& w : words) joined += w;
  EXPECT_EQ(joined, "中华人民共和国主席习近平");
}

TEST(Analyzer, FoldsTraditionalChineseToSimplified) {
  EXPECT_EQ(words_of("習近平"), words_of("习近平"));
  EXPECT_EQ(words_of("美國國務院發言人"), words_of("美国国务院发言人"));
  std::string joined;
  for (const auto& w : words_of("台灣總統府")) joined += w;
  EXPECT_EQ(joined, "台湾总统府");
  Analyzer analyzer;
  EXPECT_EQ(analyzer.fold("Café 臺灣"), "cafe 台湾") << "field values fold the same way";
}

// Japanese kanji are cut as written, then folded as Chinese is: simplified before cutting,
// "東京都は" was 东|京都|は, so "東京" found nothing and "京都" (Kyoto) found Tokyo.
TEST(Analyzer, CutsJapaneseAsWrittenThenFoldsEachWord) {
  const auto tokyo = words_of("東京都は3日、新たに100人の感染を確認した。");
  EXPECT_NE(std::find(tokyo.begin(), tokyo.end(), words_of("東京").front()), tokyo.end());
  EXPECT_EQ(std::find(tokyo.begin(), tokyo.end(), "京都"), tokyo.end());
  EXPECT_EQ(words_of("東京"), std::vector<std::string>{"东京"}) << "a query in kanji alone folds as Chinese does";
  const auto kyoto = words_of("京都市の観光客");
  EXPECT_EQ(kyoto.front(), "京都");
  // Halfwidth katakana mark Japanese too.
  const auto halfwidth = words_of("ｶﾀｶﾅ東京都");
  EXPECT_NE(std::find(halfwidth.begin(), halfwidth.end(), "东京"), halfwidth.end());
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

std::vector<std::string> alternatives_of(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::vector<std::string> alternatives;
  for (const auto& t : tokens) alternatives.push_back(t.alternative);
  return alternatives;
}

TEST(Analyzer, AcronymsAreOneTermThatNeverMeetsTheCommonWord) {
  const std::string text = "The U.S. and the US told us that NATO’s and the U.N.'s roles grew.";
  EXPECT_THAT(words_of(text), ElementsAre("the", "u.s", "and", "the", "u.s", "told", "us", "that", "n.a.t.o", "and",
                                          "the", "u.n", "roles", "grew"));
  EXPECT_THAT(alternatives_of(text), ElementsAre("", "us", "", "", "us", "", "", "", "nato", "", "", "un", "", ""));
}

TEST(Analyzer, ShoutedWordsAndMixedCaseAreNotAcronyms) {
  // Undotted capitals longer than an acronym, single capitals, "Ph.D." and lower-case
  // abbreviations stay words.
  EXPECT_THAT(words_of("TAIWAN STRAIT I Ph.D. e.g. Us"), ElementsAre("taiwan", "strait", "i", "ph.d", "e.g", "us"));
  EXPECT_THAT(alternatives_of("TAIWAN STRAIT I Ph.D. e.g. Us"), ElementsAre("", "", "", "", "", ""));
  EXPECT_THAT(words_of("ASEAN and the EU"), ElementsAre("a.s.e.a.n", "and", "the", "e.u"));
}

TEST(Analyzer, HyphenatedWordsAreIndexedApartAndJoined) {
  Analyzer analyzer;
  const std::string text = "President Tsai Ing-wen’s mother-in-law sent an e‑mail";  // U+2011 in e-mail
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::vector<std::string> words, alternatives;
  for (const auto& t : tokens) {
    words.push_back(t.word);
    alternatives.push_back(t.alternative);
  }
  EXPECT_THAT(words, ElementsAre("president", "tsai", "ing", "wen", "mother", "in", "law", "sent", "an", "e", "mail"));
  EXPECT_THAT(alternatives, ElementsAre("", "", "ingwen", "", "motherinlaw", "", "", "", "", "email", ""));
  ASSERT_EQ(tokens[2].alternative, "ingwen");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].alternative_end - tokens[2].begin), "Ing-wen’s");
}

TEST(Analyzer, NumbersDashesAndAcronymsAreNotJoined) {
  EXPECT_THAT(alternatives_of("2021-2022 war — peace U.S.-China EU-China"), ElementsAre("", "", "", "", "us", "", "eu", ""));
}

TEST(Analyzer, StemsEnglishWords) {
  Analyzer analyzer;
  EXPECT_EQ(analyzer.stem("calls"), "call");
  EXPECT_EQ(analyzer.stem("called"), "call");
  EXPECT_EQ(analyzer.stem("relations"), "relat");
  EXPECT_EQ(analyzer.stem("xi's"), "xi");
  EXPECT_EQ(analyzer.stem("2021"), "2021");
  EXPECT_EQ(analyzer.stem("u.s"), "u.s") << "acronyms and abbreviations are not stemmed";
}

TEST(Analyzer, WithoutLanguageDoesNotStem) {
  Analyzer analyzer("none");
  EXPECT_EQ(analyzer.stem("calls"), "calls");
}

// highlight_spans skips stemming words whose first byte no wanted stem has, where the
// analyzer says stems keep it: English's exceptions and endings of every kind, and words of
// random letters (which reach rules real words seldom do), all keep it.
TEST(Analyzer, EnglishStemsBeginWithTheirWordsFirstByte) {
  for (const char* language : {"english", "porter", "none"}) {
    Analyzer analyzer(language);
    ASSERT_TRUE(analyzer.stems_keep_first_byte()) << language;
    std::vector<std::string> words = {"dying", "lying", "tying", "skies", "yelling", "ies", "d's", "says",
                                      "generously", "ioannis", "abeyance", "eed", "ying", "yy", "ys"};
    std::mt19937 random(7);
    const std::string letters = "abcdefghijklmnopqrstuvwxyzaeiouyys'";
    for (int i = 0; i < 200000; ++i) {
      std::string word(1, letters[random() % 26]);  // a word begins with a letter
      for (std::size_t length = random() % 12; length > 0; --length) word += letters[random() % letters.size()];
      words.push_back(word);
    }
    for (const std::string& word : words) {
      const std::string& stem = analyzer.stem(word);
      ASSERT_TRUE(stem.empty() || stem[0] == word[0]) << language << ": " << word << " -> " << stem;
    }
  }
  EXPECT_FALSE(Analyzer("indonesian").stems_keep_first_byte()) << "it strips prefixes: meN-, ber-, di-";
  EXPECT_FALSE(Analyzer("german").stems_keep_first_byte()) << "not shown to keep it";
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
  EXPECT_THAT(words_of("Die Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung gilt"),
              ElementsAre("die", "grundstucksverkehrsgenehmigungszustandigkeitsubertragungsverordnung", "gilt"))
      << "German's longest compounds are words";
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
