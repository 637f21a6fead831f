#include "searcher/query/synonyms.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "searcher/query/query.hpp"

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

Synonyms parse_rules(std::string_view text) {
  Analyzer analyzer;
  auto synonyms = Synonyms::parse(text, "synonyms.txt", analyzer);
  EXPECT_TRUE(synonyms.ok()) << synonyms.error().reason;
  return synonyms.ok() ? std::move(*synonyms) : Synonyms{};
}

TEST(Synonyms, ListsAreEquivalentAndArrowsGoOneWay) {
  const Synonyms synonyms = parse_rules("# comment\nChina, PRC, People's Republic of China\n\nPOTUS => president\n");
  ASSERT_NE(synonyms.alternatives({"prc"}), nullptr);
  EXPECT_THAT(*synonyms.alternatives({"prc"}),
              ElementsAre(Synonyms::Words{"china"}, Synonyms::Words{"people", "republic", "of", "china"}));
  ASSERT_NE(synonyms.alternatives({"potus"}), nullptr);
  EXPECT_EQ(synonyms.alternatives({"president"}), nullptr) << "=> is one way";
}

TEST(Synonyms, MalformedRulesAreErrorsWithTheirLine) {
  Analyzer analyzer;
  for (const char* bad : {"china\n", "a, , b\n", "=> president\n", "potus =>\n"}) {
    auto synonyms = Synonyms::parse(std::string("# ok\n") + bad, "synonyms.txt", analyzer);
    ASSERT_FALSE(synonyms.ok()) << bad;
    EXPECT_EQ(synonyms.error().path, "synonyms.txt");
    EXPECT_EQ(synonyms.error().location, "line 2") << bad;
  }
}

TEST(Synonyms, AMissingFileIsAUsageError) {
  Analyzer analyzer;
  auto synonyms = Synonyms::load("/no/such/synonyms.txt", analyzer);
  ASSERT_FALSE(synonyms.ok());
  EXPECT_EQ(synonyms.error().kind, ErrorKind::kUsage);
}

QueryContext with(const Synonyms& synonyms) {
  QueryContext context;
  context.synonyms = &synonyms;
  return context;
}

TEST(Synonyms, QueriesMatchTheAlternatives) {
  const Synonyms synonyms = parse_rules("china, prc, people's republic of china\n");
  Analyzer analyzer;
  auto parsed = parse_query("PRC trade", analyzer, with(synonyms));
  ASSERT_TRUE(parsed.ok());
  const std::string description = parsed->query.get_description();
  EXPECT_THAT(description, HasSubstr("Zchina"));
  EXPECT_THAT(description, HasSubstr("((Zpeopl OR ZSpeopl) PHRASE 4 (Zrepubl OR ZSrepubl) PHRASE 4 (Zof OR ZSof) PHRASE 4 (Zchina OR ZSchina))"));
  EXPECT_THAT(description, HasSubstr("Ztrade"));
}

TEST(Synonyms, AcronymsMatchRulesInAnyCase) {
  const Synonyms synonyms = parse_rules("PRC, china\n");
  Analyzer analyzer;
  for (const char* query : {"PRC", "prc", "P.R.C."}) {
    auto parsed = parse_query(query, analyzer, with(synonyms));
    ASSERT_TRUE(parsed.ok());
    EXPECT_THAT(parsed->query.get_description(), HasSubstr("Zchina")) << query;
  }
  auto parsed = parse_query("china", analyzer, with(synonyms));
  ASSERT_TRUE(parsed.ok());
  EXPECT_THAT(parsed->query.get_description(), HasSubstr("Zprc"));
}

// An entry of several words applies to those words typed side by side, not only quoted (a new
// user's trial: "north atlantic treaty organization" did not find NATO).
TEST(Synonyms, AnEntryOfSeveralWordsMatchesThemUnquoted) {
  const Synonyms synonyms = parse_rules("nato, north atlantic treaty organization\n");
  Analyzer analyzer;
  for (const char* query : {"north atlantic treaty organization", "the North Atlantic Treaty Organization summit",
                            "\"north atlantic treaty organization\""}) {
    auto parsed = parse_query(query, analyzer, with(synonyms));
    ASSERT_TRUE(parsed.ok());
    EXPECT_THAT(parsed->query.get_description(), HasSubstr("Znato")) << query;
  }
  for (const char* query : {"north atlantic", "north -atlantic treaty organization", "north OR atlantic treaty organization",
                            "north atlantic NEAR treaty organization", "north atlantic treaty NEAR pact organization"}) {
    auto parsed = parse_query(query, analyzer, with(synonyms));
    ASSERT_TRUE(parsed.ok());
    EXPECT_THAT(parsed->query.get_description(), Not(HasSubstr("Znato"))) << query << ": not the whole entry side by side";
  }
}

// One lexeme of several words ("covid-19") is expanded once, by its leaf.
TEST(Synonyms, OneLexemeIsExpandedOnce) {
  const Synonyms synonyms = parse_rules("covid-19, coronavirus\n");
  Analyzer analyzer;
  auto parsed = parse_query("covid-19 vaccines", analyzer, with(synonyms));
  ASSERT_TRUE(parsed.ok());
  const std::string description = parsed->query.get_description();
  std::size_t found = 0;
  for (std::size_t at = description.find("Zcoronavirus"); at != std::string::npos; at = description.find("Zcoronavirus", at + 1)) ++found;
  EXPECT_EQ(found, 1u) << description;
}

}  // namespace
}  // namespace cs::searcher
