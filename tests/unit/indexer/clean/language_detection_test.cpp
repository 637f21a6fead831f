#include "indexer/clean/language_detection.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(LanguageDetection, NamesTheLanguageOfNewsText) {
  EXPECT_EQ(detect_language("The United States and China agreed on Thursday to resume trade talks next month."), "en");
  EXPECT_EQ(detect_language("Les négociations commerciales entre la Chine et les États-Unis ont repris cette semaine."),
            "fr");
  EXPECT_EQ(detect_language("Die Verhandlungen zwischen China und den Vereinigten Staaten wurden in Wien fortgesetzt."),
            "de");
  EXPECT_EQ(detect_language("中华人民共和国主席习近平同美国总统拜登通电话。"), "zh");
  EXPECT_EQ(detect_language("台灣總統府表示，雙方通話內容涉及區域安全與經濟合作。"), "zh-Hant");
}

// CLD2 says "iw" for Hebrew, a code ISO 639 withdrew; pages and --lang say "he".
TEST(LanguageDetection, NamesHebrewByItsCurrentCode) {
  const std::string hebrew = "ראש הממשלה נפגש היום עם שר החוץ האמריקאי בירושלים ודן איתו במצב הביטחוני באזור "
                             "ובמאמצים להשיב את החטופים, כך נמסר מלשכתו בהודעה רשמית לעיתונות.";
  EXPECT_EQ(detect_language(hebrew), "he");
  const LanguageChoice choice = choose_language("he", hebrew);
  EXPECT_EQ(choice.lang, "he");
  EXPECT_FALSE(choice.overridden) << "the declaration agrees with the text";
}

TEST(LanguageDetection, SaysNothingWhenUnsure) {
  EXPECT_EQ(detect_language(""), "");
  EXPECT_EQ(detect_language("Taiwan"), "");
  EXPECT_EQ(detect_language("2021-02-11 12:00"), "");
}

TEST(LanguageDetection, LongTextIsSampledAtACharacterBoundary) {
  std::string text;
  while (text.size() < 40000) text += "美国国务院发言人对此表示欢迎，并重申一个中国政策没有改变。";
  EXPECT_EQ(detect_language(text), "zh");
}

// CLD2 reads pieces from the beginning, middle and end of a long text, not its opening
// alone: a Project Gutenberg header in English before a Japanese novel (one of chardet's
// test files) was English by its first 16 KB.
TEST(LanguageDetection, ALongTextIsJudgedByMoreThanItsOpening) {
  std::string text;
  while (text.size() < 17000) {
    text += "The Project Gutenberg Etext of this work is in the public domain in the United States. "
            "Please take a look at the important information in this header before posting these files. ";
  }
  while (text.size() < 60000) text += "下人は、既に、雨を冒して、京都の町へ強盗を働きに急いでいた。門の下を覗きこんだ。";
  EXPECT_EQ(detect_language(text), "ja");
  std::string english;
  while (english.size() < 40000) english += "The talks resumed in Geneva on Thursday, officials said. ";
  EXPECT_EQ(detect_language(english), "en");
}

// The choice between a declared language and a detected one. See issue #20.

constexpr std::string_view kEnglishReport =
    "Rescuers pulled the last of eleven trapped miners from a flooded coal mine in the north of the province "
    "on Thursday, four days after a tunnel wall gave way. The rescue teams drilled a narrow shaft through the "
    "rock and lowered food, water and a telephone line before widening it to lift the men out one at a time.";

// A detection as CLD2 would report it: `shares` from the largest, `bytes` letters scored.
Detection detection(std::vector<Detection::Share> shares, int bytes = 1000, bool reliable = true) {
  return Detection{std::move(shares), bytes, reliable};
}

TEST(LanguageChoice, ConfidentDetectionOverridesAWrongDeclaration) {
  const LanguageChoice choice = choose_language("zh-CN", kEnglishReport);
  EXPECT_EQ(choice.lang, "en");
  EXPECT_TRUE(choice.overridden);
  EXPECT_EQ(choose_language("zh-CN", detection({{"en", 97}})).lang, "en");
}

TEST(LanguageChoice, ADeclarationTheTextAgreesWithIsKeptAsWritten) {
  const LanguageChoice choice = choose_language("en-GB", kEnglishReport);
  EXPECT_EQ(choice.lang, "en-GB") << "the declared tag says more than the detected one";
  EXPECT_FALSE(choice.overridden);
}

TEST(LanguageChoice, NoDeclarationTakesAReliableDetection) {
  EXPECT_EQ(choose_language("", kEnglishReport).lang, "en");
  EXPECT_FALSE(choose_language("", kEnglishReport).overridden);
  EXPECT_EQ(choose_language("", detection({{"en", 99}}, 1000, false)).lang, "") << "unsure: word for word";
}

TEST(LanguageChoice, ShortTextKeepsTheDeclaration) {
  // Reliable by CLD2's measure, but a headline's worth of letters.
  EXPECT_EQ(choose_language("de", detection({{"en", 99}}, 120)).lang, "de");
  EXPECT_EQ(choose_language("de", "Berlin talks resume Monday.").lang, "de");
}

TEST(LanguageChoice, UnreliableDetectionKeepsTheDeclaration) {
  EXPECT_EQ(choose_language("fr", detection({{"en", 90}}, 1000, /*reliable=*/false)).lang, "fr");
}

TEST(LanguageChoice, MixedPagesKeepTheDeclaration) {
  // A bilingual page: no language holds most of the text.
  EXPECT_EQ(choose_language("fr", detection({{"en", 60}, {"fr", 40}})).lang, "fr");
  // Mostly English, but the declared French holds a real part of it.
  EXPECT_EQ(choose_language("fr", detection({{"en", 75}, {"fr", 25}})).lang, "fr");
  // A French trace (a name, a quote) in an English text does not hold the declaration up.
  EXPECT_EQ(choose_language("fr", detection({{"en", 92}, {"fr", 8}})).lang, "en");
}

TEST(LanguageChoice, RelatedLanguagesAgree) {
  EXPECT_EQ(choose_language("pt-BR", detection({{"gl", 95}})).lang, "pt-BR");
  EXPECT_EQ(choose_language("pt-BR", detection({{"es", 95}})).lang, "pt-BR");
  EXPECT_EQ(choose_language("nb", detection({{"da", 95}})).lang, "nb");
  EXPECT_EQ(choose_language("no", detection({{"nn", 95}})).lang, "no");
  EXPECT_EQ(choose_language("hr", detection({{"sr", 95}})).lang, "hr");
  EXPECT_EQ(choose_language("zh-TW", detection({{"zh", 99}})).lang, "zh-TW") << "one language, two scripts";
  EXPECT_EQ(choose_language("zh-CN", detection({{"zh-Hant", 99}})).lang, "zh-CN");
  EXPECT_EQ(choose_language("pt-BR", detection({{"en", 95}})).lang, "en") << "related means close, not any";
}

TEST(LanguageChoice, RealGalicianTextDeclaredPortugueseStaysPortuguese) {
  const std::string galician =
      "O goberno galego anunciou onte que as axudas para os labregos afectados pola seca chegarán antes do "
      "verán. A conselleira explicou que a Xunta destinará once millóns de euros ás explotacións máis "
      "prexudicadas e que os pagamentos faranse en dúas fases ao longo dos próximos meses.";
  EXPECT_EQ(choose_language("pt-BR", galician).lang, "pt-BR");
  EXPECT_FALSE(choose_language("pt-BR", galician).overridden);
}

TEST(LanguageChoice, SameLanguageComparesPrimarySubtagsAndCloseLanguages) {
  EXPECT_TRUE(same_language("en-US", "EN"));
  EXPECT_TRUE(same_language("zh-Hant", "zh_CN"));
  EXPECT_TRUE(same_language("da", "nb"));
  EXPECT_FALSE(same_language("de", "nl"));
  EXPECT_FALSE(same_language("en", ""));
}

// Exports declare languages as names (GDELT: "English") and three-letter codes (Event
// Registry: "eng", "deu"): both were stored as given, so "lang:en" missed them and a German
// article's hint to CLD2 was lost.
TEST(LanguageDetection, DeclaredNamesAndCodesBecomeTags) {
  EXPECT_EQ(language_tag("eng"), "en");
  EXPECT_EQ(language_tag("deu"), "de");
  EXPECT_EQ(language_tag("fre"), "fr");
  EXPECT_EQ(language_tag("English"), "en");
  EXPECT_EQ(language_tag("FRENCH"), "fr");
  EXPECT_EQ(language_tag("en_US"), "en-US");
  EXPECT_EQ(language_tag("Japanese"), "ja");  // CLD2 names some languages in capitals, some not
  EXPECT_EQ(language_tag("Chinese"), "zh");
  EXPECT_EQ(language_tag("Korean"), "ko");
  EXPECT_EQ(language_tag("tl"), "tl") << "CLD2's code, which ICU would make fil";
  EXPECT_EQ(language_tag("tgl"), "tl");
  EXPECT_EQ(language_tag("iw"), "he") << "Hebrew by its current code, as detection names it";
  EXPECT_EQ(language_tag("EN"), "en");
  EXPECT_EQ(language_tag("en-us"), "en-US") << "one facet value for en-US, however it was written";
  EXPECT_EQ(language_tag("zh-Hant"), "zh-Hant");
  EXPECT_EQ(language_tag("pt-BR"), "pt-BR");
  EXPECT_EQ(language_tag(""), "");
  EXPECT_EQ(language_tag("japanese"), "ja") << "newsdata.io writes names in lower case";
  EXPECT_EQ(language_tag("korean"), "ko");
  EXPECT_EQ(language_tag("chinese"), "zh");
  EXPECT_EQ(language_tag("english"), "en");
  EXPECT_EQ(language_tag("turkish"), "tr");
  EXPECT_EQ(language_tag("Klingonese"), "Klingonese");  // no language CLD2 knows: as given
}

TEST(LanguageDetection, ADeclaredCodeIsKeptAsItsTag) {
  const LanguageChoice choice =
      choose_language("deu", "Der neue taiwanische Präsident hat China bei seiner Amtseinführung aufgefordert, die "
                             "militärischen Drohungen gegen die Insel einzustellen, und bot Gespräche an.");
  EXPECT_EQ(choice.lang, "de");
  EXPECT_FALSE(choice.overridden);
}

}  // namespace
}  // namespace cs::indexer
