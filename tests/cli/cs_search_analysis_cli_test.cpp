// Runs the real cs-index and cs-search over articles written to test one analysis rule
// each, end to end: what the indexer made of the text is what the query finds.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

// Articles written to test one analysis rule each.
struct AnalysisCorpus {
  static std::filesystem::path make(const std::filesystem::path& scratch) {
    write_file(scratch / "in/analysis.jsonl",
               R"({"id": "dotted", "title": "Tariffs", "text": "The U.S. raised tariffs on steel."})"
               "\n"
               R"({"id": "undotted", "title": "Alliance", "text": "The US and NATO’s members met in Brussels."})"
               "\n"
               R"({"id": "pronoun", "title": "Letters", "text": "Readers wrote to us about the election."})"
               "\n"
               R"({"id": "hyphen", "title": "Taipei", "text": "President Tsai Ing-wen spoke in Taipei."})"
               "\n"
               R"({"id": "joined", "title": "Profile", "text": "Tsai Ingwen, as some papers spell it, studied law."})"
               "\n"
               // German without a declared language: detected, and stemmed as German.
               R"({"id": "german", "title": "Wien", "text": "Die Verhandlungen zwischen China und den Vereinigten Staaten wurden in Wien fortgesetzt."})"
               "\n"
               // Declared English, with a German word an English stemmer leaves alone.
               R"({"id": "english", "title": "Vienna", "text": "Reporters in Vienna learned the German word Verhandlung.", "lang": "en"})"
               "\n"
               R"({"id": "chinese", "title": "通话", "text": "中华人民共和国主席习近平同美国总统拜登通电话。", "lang": "zh-CN"})"
               "\n"
               R"({"id": "japanese", "title": "為替", "text": "外国為替市場で円安が進み、一時1ドル160円台をつけました。", "lang": "ja"})"
               "\n"
               R"({"id": "korean", "title": "총선 결과", "text": "이번 총선 투표율은 67.0%로 집계됐다. 더불어민주당이 과반을 차지했다.", "lang": "ko"})"
               "\n");
    return scratch / "in";
  }
};

class CsSearchAnalysis : public IndexedOnce<AnalysisCorpus> {
 protected:
  // The ids of the articles `query` finds.
  static std::set<std::string> found(const std::string& query, const std::vector<std::string>& options = {}) {
    const auto ids = search_article_ids(db(), query, options);
    return {ids.begin(), ids.end()};
  }
};

TEST_F(CsSearchAnalysis, AcronymsMatchWithOrWithoutDotsButNotTheCommonWord) {
  EXPECT_EQ(found("US"), (std::set<std::string>{"dotted", "undotted"}));
  EXPECT_EQ(found("U.S."), (std::set<std::string>{"dotted", "undotted"}));
  EXPECT_EQ(found("us"), (std::set<std::string>{"dotted", "undotted", "pronoun"})) << "lower case asks for the word";
  EXPECT_EQ(found("NATO"), (std::set<std::string>{"undotted"})) << "possessive acronym";
  EXPECT_EQ(found("\"US and NATO\""), (std::set<std::string>{"undotted"}));
}

TEST_F(CsSearchAnalysis, CapitalsNotIndexedAsAnAcronymFindTheWord) {
  EXPECT_EQ(found("TAIPEI"), (std::set<std::string>{"hyphen"}));
  EXPECT_EQ(found("LAW"), (std::set<std::string>{"joined"})) << "no LAW in capitals anywhere: read as the word";
}

TEST_F(CsSearchAnalysis, HyphenatedNamesMatchTheirPartsAndTheWhole) {
  EXPECT_EQ(found("Ing-wen"), (std::set<std::string>{"hyphen", "joined"}));
  EXPECT_EQ(found("Ingwen"), (std::set<std::string>{"hyphen", "joined"}));
  EXPECT_EQ(found("wen"), (std::set<std::string>{"hyphen"}));
  EXPECT_EQ(found("\"Tsai Ing-wen\""), (std::set<std::string>{"hyphen"}));
}

TEST_F(CsSearchAnalysis, EachArticleIsStemmedInItsOwnLanguage) {
  EXPECT_EQ(found("Verhandlung"), (std::set<std::string>{"german", "english"}))
      << "German stems Verhandlungen to the stem of Verhandlung; English finds the word itself";
  EXPECT_EQ(found("Verhandlungen"), (std::set<std::string>{"german"})) << "English does not stem it to Verhandlung";
  EXPECT_EQ(found("\"Verhandlung\""), found("Verhandlung")) << "quoted, a word matches by its stems as unquoted";
  EXPECT_EQ(found("learn"), (std::set<std::string>{"english"}));
  EXPECT_EQ(found("习近平"), (std::set<std::string>{"chinese"}));
}

// Chinese and Japanese are typed without spaces: the words of such a run are found side by
// side as spaced words are, not as a phrase that must occur as typed (quotes ask for that);
// a character the dictionary leaves alone is searched with its neighbour, never alone.
TEST_F(CsSearchAnalysis, AnUnspacedChineseOrJapaneseQueryIsWordsNotAPhrase) {
  EXPECT_EQ(found("円安が進んだ"), (std::set<std::string>{"japanese"})) << "the article writes 円安が進み";
  EXPECT_EQ(found("\"円安が進んだ\""), (std::set<std::string>{}));
  EXPECT_EQ(found("\"円安が進み\""), (std::set<std::string>{"japanese"}));
  EXPECT_EQ(found("习近平说了什么"), (std::set<std::string>{"chinese"}));
  EXPECT_EQ(found("円高"), (std::set<std::string>{})) << "円 and 高, cut apart, are searched together: the article has 円 alone";
  EXPECT_EQ(found("Ing-wen"), (std::set<std::string>{"hyphen", "joined"})) << "a spaced script's hyphenated word stays one";
  EXPECT_EQ(found("Ing-wen通电话"), (std::set<std::string>{"hyphen", "chinese"}))
      << "and so it does beside Chinese: not \"wen\" alone";
  EXPECT_EQ(found("Tsai-wen通电话"), (std::set<std::string>{"chinese"})) << "no article has Tsai beside wen";
}

// Korean writes its particles onto the word before them: a noun is found with them.
TEST_F(CsSearchAnalysis, AKoreanNounIsFoundWithTheParticleItCarries) {
  EXPECT_EQ(found("투표율"), (std::set<std::string>{"korean"})) << "written 투표율은";
  EXPECT_EQ(found("더불어민주당"), (std::set<std::string>{"korean"})) << "written 더불어민주당이";
  EXPECT_EQ(found("더불어민주당은"), (std::set<std::string>{"korean"})) << "typed with another particle";
  const CliResult r = search({"--format", "json", "투표율"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(highlighted_texts(nlohmann::json::parse(r.out)["results"]), (std::set<std::string>{"투표율은"}));
}

TEST_F(CsSearchAnalysis, DetectedLanguagesFilterAndCountLikeDeclaredOnes) {
  EXPECT_EQ(found("China", {"--lang", "de"}), (std::set<std::string>{"german"}));
  EXPECT_EQ(found("习近平", {"--lang", "zh"}), (std::set<std::string>{"chinese"})) << "zh matches zh-CN";
  const CliResult r = search({"--format", "json", "--facets", "lang", "Wien OR Vienna"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json response = nlohmann::json::parse(r.out);
  EXPECT_EQ(response["results"].size(), 2u);
  EXPECT_THAT(response["facets"].dump(), ::testing::AllOf(::testing::HasSubstr("\"de\""), ::testing::HasSubstr("\"en\"")));
}

TEST_F(CsSearchAnalysis, HighlightsShowTheTextAsWritten) {
  const CliResult r = search({"--format", "json", "US"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json response = nlohmann::json::parse(r.out);
  EXPECT_EQ(highlighted_texts(response["results"]), (std::set<std::string>{"U.S", "US"}));
}

}  // namespace
}  // namespace cs::test
