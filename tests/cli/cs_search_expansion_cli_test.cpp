// Runs the real cs-search over the bundled corpus with what reaches past the words typed:
// --like (articles on the same subject), --synonyms, and "Did you mean" suggestions drawn
// from the index's own words.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <vector>

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
  EXPECT_EQ(missing.err, "cs-search: error: query: no article or indexed file 'no/such.txt' in the database; give an "
                         "article_id or a file's path as cs-search prints them\n");
  EXPECT_EQ(search({"--like", self, "taiwan"}).exit_code, 2) << "one of QUERY, --batch or --like";
}

// --like ranks by the article's terms in Xapian's order: they are no words to find in a
// passage, so the second stage's signals were all 0 and the articles' length ranked them,
// long pieces on other subjects above the short ones on the same (a new user's trial).
TEST(CsSearchLike, ArticlesLikeOneKeepTheFirstStagesOrder) {
  TempDir dir;
  std::string items;
  const auto add = [&items](const std::string& id, const std::string& text) {
    items += nlohmann::json{{"id", id}, {"title", id}, {"text", text}}.dump() + "\n";
  };
  const std::string wire =
      "The European Central Bank cut its deposit rate by a quarter point to 3.5 percent on Thursday, its second cut "
      "this year, as eurozone inflation eased toward its two percent target. Policymakers gave no commitment on further "
      "moves, saying decisions would depend on the data meeting by meeting, and the bank lowered its growth forecasts "
      "for this year and next as manufacturing in Germany and Italy continued to contract.";
  add("seed", wire);
  // The same story saved from another outlet: the article again, not one like it.
  add("seed-copy", "FRANKFURT (Wire) - " + wire + " Reporting by the Frankfurt bureau.");
  add("ecb-ft", "The ECB lowered the deposit rate to 3.5 percent as eurozone inflation eased.");
  add("ecb-bloomberg", "Eurozone inflation eased again, the central bank cut its deposit rate and lowered its growth "
                       "forecasts, and policymakers gave no commitment on further moves.");
  // Long reports on another subject, each of its own words, that mention a rate cut once.
  for (const auto& [place, tree, land, craft] : std::vector<std::array<std::string, 4>>{
           {"Attica", "pine", "ridge", "helicopters"}, {"Evia", "olive", "valley", "tankers"}, {"Rhodes", "cypress", "coast", "ferries"}}) {
    std::string text = "A long report from " + place + " on the wildfire season. ";
    for (int k = 0; k < 40; ++k) {
      text += "In the " + land + " " + tree + " near " + place + " number " + std::to_string(k) + ", " + craft +
              " crews cut firebreaks through the " + tree + " as winds rose. ";
    }
    add("fire-" + place, text + "Elsewhere the central bank cut its rate.");
  }
  write_file(dir / "in" / "items.jsonl", items);
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()}).exit_code, 0);
  const auto ranked = [&](const std::vector<std::string>& options) {
    std::vector<std::string> args = {"--db", db, "--like", "seed", "--format", "jsonl"};
    args.insert(args.end(), options.begin(), options.end());
    const CliResult r = run_cli(cs_search_binary(), args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    for (const auto& hit : json_lines(r.out)) {
      ids.push_back(hit["article_id"]);
      for (const auto& member : hit["also_in"]) ids.push_back("also in " + member["article_id"].get<std::string>());
    }
    return ids;
  };
  const std::vector<std::string> like = ranked({});
  ASSERT_GE(like.size(), 2u);
  EXPECT_EQ(like, ranked({"--rerank", "0"}));
  EXPECT_THAT(std::vector<std::string>(like.begin(), like.begin() + 2), ::testing::UnorderedElementsAre("ecb-ft", "ecb-bloomberg"));
  EXPECT_THAT(like, Not(::testing::Contains(::testing::HasSubstr("seed")))) << "the article's story is not like it";
}

// Issue #21: --like takes what the text output shows, the file's path, as well as the id.
TEST_F(CsSearchExpansion, LikeTakesTheFilesPathAsShown) {
  const std::string self = "chinausfocus.com/2021-03-10-phone-call-diplomacy.txt";
  const CliResult shown = search({"--format", "jsonl", "\"phone call diplomacy\""});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto hits = json_lines(shown.out);
  ASSERT_FALSE(hits.empty());
  ASSERT_EQ(hits[0]["article_id"], self);
  const std::string path = hits[0]["path"];
  ASSERT_NE(path, self) << "the path shown is the indexed folder joined with the file's";
  const CliResult by_id = search({"--like", self, "--format", "trec"});
  const CliResult by_path = search({"--like", path, "--format", "trec"});
  EXPECT_EQ(by_path.exit_code, 0) << by_path.err;
  EXPECT_EQ(by_path.out, by_id.out);
  const std::string elsewhere = "/no/such/folder/" + self;
  EXPECT_EQ(search({"--like", elsewhere}).exit_code, 2) << "the same file name under another folder is another file";
}

// British and American spellings are one word in English articles, quoted or not (a new
// user's trial: "defense spending" in quotes found nothing where the article said "defence
// spending", which the words unquoted found).
TEST(CsSearchSpellings, APhraseFindsEitherSpelling) {
  TempDir dir;
  write_file(dir / "feed" / "items.jsonl",
             R"({"id": "uk", "title": "Budget", "lang": "en", "text": "Ministers agreed to raise defence spending to three per cent of output by the end of the decade, the Treasury said."})"
             "\n"
             R"({"id": "us", "title": "Senate", "lang": "en", "text": "The Senate passed a bill on spending for roads, and a separate defense bill, after a long night."})"
             "\n");
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "feed").string()}).exit_code, 0);
  for (const char* query : {"\"defense spending\"", "\"defence spending\""}) {
    const CliResult r = run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "--format", "trec", query});
    ASSERT_EQ(r.exit_code, 0) << query << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr(" uk ")) << query;
    EXPECT_THAT(r.out, Not(HasSubstr(" us "))) << query << ": the words apart are no phrase";
  }
}

TEST(CsSearchLike, AFileOfSeveralArticlesAsksForOne) {
  TempDir dir;
  write_file(dir / "feed" / "items.jsonl",
             R"({"id": "one", "title": "Harbour strike", "text": "Dock workers walked out over pay at the harbour."})"
             "\n"
             R"({"id": "two", "title": "Harbour deal", "text": "Dock workers accepted the pay offer at the harbour."})"
             "\n");
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "feed").string()}).exit_code, 0);
  const CliResult r = run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "--like", (dir / "feed" / "items.jsonl").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("holds 2 articles (one, two); give one article_id"));
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


// Issue #21: suggestions prefer what the index holds often and what sounds alike, correct
// every word, and come when a typo finds a little where its correction finds far more.
TEST(CsSearchSpelling, SuggestionsThatHelp) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 60; ++i) {
    // Different enough not to be one story: each names its own people, places and days.
    const std::string n = std::to_string(i);
    feed += R"({"id": "b)" + n + R"(", "title": "Blair speech )" + n + R"(", "text": "Blair discussed the government )" +
            R"(budget with minister m)" + n + " in town t" + n + " on day d" + n + ", aide a" + n + " told reporters last week they receive q" +
            n + R"(."})" + "\n";
  }
  feed += R"({"id": "m1", "title": "Who to blame", "text": "They blame the weather."})" "\n";
  feed += R"({"id": "m2", "title": "No one to blame", "text": "Nobody took the blame."})" "\n";
  feed += R"({"id": "t1", "title": "A typo", "text": "The goverment met the governess."})" "\n";
  feed += R"({"id": "r1", "title": "A runner", "text": "Naomi Lagat ran the last race of her career."})" "\n";
  feed += R"({"id": "s1", "title": "A slip", "text": "Ministers recieve the budget."})" "\n";
  write_file(dir / "in/feed.jsonl", feed);
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--quiet", "--db", db, (dir / "in").string()}).exit_code, 0);
  const auto suggestion = [&](const std::string& query) {
    const CliResult r = run_cli(cs_search_binary(), {"--db", db, "--format", "json", query});
    return nlohmann::json::parse(r.out)["suggestion"];
  };
  EXPECT_EQ(suggestion("Blare"), "blair") << "the name the index holds often, and sounds alike";
  EXPECT_EQ(suggestion("goverment budjet"), "government budget") << "each word, though 'goverment' is held once";
  EXPECT_EQ(suggestion("Blair budget"), nullptr);
  EXPECT_EQ(suggestion("bye"), nullptr) << "two edits from 'the', and nothing alike: a short word is no typo of it";
  EXPECT_EQ(suggestion("Blaer"), "blair") << "a short word's two edits that sound alike";
  EXPECT_EQ(suggestion("Lagat"), nullptr) << "a name the index holds, two edits from 'last' (a new user's trial)";
  EXPECT_EQ(suggestion("recieve"), "receive") << "held once, two letters swapped from a common word (a review)";
  const CliResult shown = run_cli(cs_search_binary(), {"--db", db, "goverment"});
  EXPECT_THAT(shown.out, HasSubstr("Did you mean \"government\"?")) << "a hit, and a far better query";
}

// The spelling table keeps the words of deleted articles (Xapian only adds to its counts): a
// correction that would find nothing is not offered (a new user's trial).
TEST(CsSearchSpelling, NoSuggestionOfAWordOnlyDeletedArticlesHeld) {
  TempDir dir;
  write_file(dir / "in/caputo.txt", "Milei and Caputo\n\nEconomy minister Luis Caputo devalued the peso on Tuesday.\n");
  write_file(dir / "in/weather.txt", "Weather\n\nThe weather was fine on Tuesday and the markets were calm.\n");
  const std::string db = (dir / "db").string();
  const auto index = [&] { return run_cli(cs_index_binary(), {"--quiet", "--db", db, (dir / "in").string()}).exit_code; };
  const auto suggestion = [&](const std::string& query) {
    return nlohmann::json::parse(run_cli(cs_search_binary(), {"--db", db, "--format", "json", query}).out)["suggestion"];
  };
  ASSERT_EQ(index(), 0);
  EXPECT_EQ(suggestion("Caputto"), "caputo");
  std::filesystem::remove(dir / "in/caputo.txt");
  ASSERT_EQ(index(), 0);
  EXPECT_EQ(suggestion("Caputto"), nullptr) << "its only article is gone";
  EXPECT_EQ(suggestion("wether"), "weather") << "words still held are still offered";
}

}  // namespace
}  // namespace cs::test
