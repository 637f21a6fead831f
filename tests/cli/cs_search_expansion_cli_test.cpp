// Runs the real cs-search over the bundled corpus with what reaches past the words typed:
// --like (articles on the same subject), --synonyms, and "Did you mean" suggestions drawn
// from the index's own words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CsSearchExpansion : public IndexedOnce<BundledCorpus> {};

TEST_F(CsSearchExpansion, LikeFindsOtherArticlesOnTheSameSubject) {
  const std::string self = "chinausfocus.com/2021-03-10-phone-call-diplomacy.txt";
  const CliResult r = search({"--like", self, "--format", "trec"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr(self))) << "the article itself is not like itself";
  EXPECT_THAT(r.out, HasSubstr("cfr.org/"));
  const CliResult missing = search({"--like", "no/such.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "cs-search: error: query: no article 'no/such.txt' in the database; give an article_id as "
                         "cs-search prints it (--format jsonl or trec)\n");
  EXPECT_EQ(search({"--like", self, "taiwan"}).exit_code, 2) << "one of QUERY, --batch or --like";
}

TEST_F(CsSearchExpansion, SynonymsExpandTheQuery) {
  TempDir rules;
  write_file(rules / "synonyms.txt", "# ours\nPOTUS => Biden\n");
  EXPECT_EQ(search({"potus"}).exit_code, 1);
  const CliResult r = search({"--synonyms", (rules / "synonyms.txt").string(), "potus", "--format", "trec"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cnn.com/"));
  write_file(rules / "bad.txt", "potus =>\n");
  const CliResult bad = search({"--synonyms", (rules / "bad.txt").string(), "potus"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.txt: line 1: an entry has no words"));
}

TEST_F(CsSearchExpansion, AMisspelledQuerySuggestsWordsFromTheIndex) {
  const CliResult r = search({"diplomcy AND phne"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("No results for \"diplomcy AND phne\". Did you mean \"diplomacy AND phone\"?"));
  const auto json = nlohmann::json::parse(search({"diplomcy", "--format", "json"}).out);
  EXPECT_EQ(json["suggestion"], "diplomacy");
  EXPECT_THAT(search({"zzyzxq"}).out, Not(HasSubstr("Did you mean"))) << "no suggestion when nothing is close";
}

}  // namespace
}  // namespace cs::test
