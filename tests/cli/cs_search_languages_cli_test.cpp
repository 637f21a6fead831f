// Runs the real cs-index and cs-search over a small multilingual corpus (tests/fixtures/
// languages: English, German, Portuguese, Spanish and French news, and an English page that
// declares zh-CN): each article is indexed in the language its text is in, and a query word
// matches by stem only in the articles of the language that gave the stem. See issue #20.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

struct LanguagesCorpus {
  static std::filesystem::path make(const std::filesystem::path&) { return fixtures_dir() / "languages"; }
  static std::vector<DatabaseSpec> databases() { return {{"db", {"--verbose"}}}; }
};

class CsSearchLanguages : public IndexedOnce<LanguagesCorpus> {
 protected:
  static std::set<std::string> found(const std::string& query, const std::vector<std::string>& options = {}) {
    const auto ids = search_article_ids(db(), query, options);
    return {ids.begin(), ids.end()};
  }
};

TEST_F(CsSearchLanguages, AStemOfOneLanguageDoesNotFindAnotherLanguagesWord) {
  // Portuguese stems "notícias" to "notic", English stems "notices" to "notic" too.
  EXPECT_EQ(found("Notícias"), (std::set<std::string>{"portuguese-noticias"}));
  EXPECT_EQ(found("notícia"), (std::set<std::string>{"portuguese-noticias"})) << "a form no article holds";
  // The other way round nothing in the word says it is English, and Portuguese stems
  // "notices" and "notice" to "notic" too: --lang says so.
  EXPECT_EQ(found("notices", {"--lang", "en"}), (std::set<std::string>{"english-notices"}));
}

TEST_F(CsSearchLanguages, AWordStillFindsItsOwnLanguagesForms) {
  EXPECT_EQ(found("Verhandlung"), (std::set<std::string>{"german-verhandlungen"}));
  EXPECT_EQ(found("pescador"), (std::set<std::string>{"spanish-negociaciones"}));
  EXPECT_EQ(found("secouriste"), (std::set<std::string>{"french-secouristes"}));
  EXPECT_EQ(found("\"Die Verhandlung\""), (std::set<std::string>{"german-verhandlungen"})) << "a phrase, by German stems";
  EXPECT_EQ(found("Haushalt NEAR/5 Verhandlung"), (std::set<std::string>{"german-verhandlungen"}));
}

TEST_F(CsSearchLanguages, LangOptionPicksTheStemmerToo) {
  EXPECT_EQ(found("Notícias", {"--lang", "pt"}), (std::set<std::string>{"portuguese-noticias"}));
  EXPECT_EQ(found("Notícias", {"--lang", "en"}), (std::set<std::string>{}));
}

TEST_F(CsSearchLanguages, AnEnglishPageDeclaringChineseIsIndexedAsEnglish) {
  EXPECT_EQ(found("rescuer"), (std::set<std::string>{"rescue.html"})) << "stemmed as English: rescuers";
  EXPECT_EQ(found("miners", {"--lang", "en"}), (std::set<std::string>{"rescue.html"}));
  EXPECT_EQ(found("miners", {"--lang", "zh"}), (std::set<std::string>{}));
  EXPECT_THAT(index_run().out, ::testing::HasSubstr("cs-index: rescue.html: declares zh-CN, text is en: indexed as en\n"));
}

TEST_F(CsSearchLanguages, ADeclarationDetectionIsUnsureOfStands) {
  EXPECT_EQ(found("talks", {"--lang", "de"}), (std::set<std::string>{"german-short"})) << "four English words";
  EXPECT_THAT(index_run().out, ::testing::Not(::testing::HasSubstr("declares de")));
}

TEST_F(CsSearchLanguages, OnlyTheArticlesOwnLanguagesStemsAreHighlighted) {
  // The English article is found by "council"; Portuguese "notic" is no word of it.
  const CliResult r = search({"--format", "json", "Notícias council"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json response = nlohmann::json::parse(r.out);
  EXPECT_EQ(highlighted_texts(response["results"]), (std::set<std::string>{"council", "notícias"}));
}

// A new user's trial: "istanbul" did not find "İstanbul" (its capital dotted I folded to i
// and a combining dot), and a Turkish article's "İzmir'de" (in Izmir) and "Erdoğan'ın" were
// found by no name. The query may hold the suffix too.
TEST_F(CsSearchLanguages, TurkishNamesAreFoundWithoutTheirDotOrTheirCaseSuffix) {
  const std::set<std::string> turkish = {"turkish-secim"};
  EXPECT_EQ(found("istanbul"), turkish);
  EXPECT_EQ(found("izmir"), turkish);
  EXPECT_EQ(found("İzmir"), turkish);
  EXPECT_EQ(found("ankara"), turkish);
  EXPECT_EQ(found("Erdogan"), turkish);
  EXPECT_EQ(found("İzmir'de"), turkish) << "the suffix typed";
  EXPECT_EQ(found("\"Ankara'da Mansur\""), turkish) << "a phrase";
  const CliResult r = search({"--format", "json", "izmir istanbul"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(highlighted_texts(nlohmann::json::parse(r.out)["results"]), (std::set<std::string>{"İstanbul", "İzmir'de"}));
}

}  // namespace
}  // namespace cs::test
