// Runs the real cs-search --show over the bundled corpus: one article whole (its fields and
// every passage in order), named by its id, a passage's id or its file as cs-search prints it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class CsSearchShow : public IndexedOnce<BundledCorpus> {
 protected:
  // The first hit of `query`, as --format jsonl prints it.
  static nlohmann::json first_hit(const std::string& query) {
    const CliResult r = search({"--format", "jsonl", "-n", "1", query});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto hits = json_lines(r.out);
    return hits.empty() ? nlohmann::json::object() : hits[0];
  }
};

// Issue #22: --show prints the whole article a hit is one passage of.
TEST_F(CsSearchShow, JsonHoldsTheHitsFieldsAndEveryPassageInOrder) {
  const nlohmann::json hit = first_hit("\"phone call\"");
  ASSERT_TRUE(hit.contains("article_id"));
  const CliResult r = search({"--show", hit["article_id"], "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto article = nlohmann::json::parse(r.out);
  for (const char* field : {"article_id", "title", "source", "author", "date", "url", "path", "lang", "topics", "preview"}) {
    EXPECT_EQ(article[field], hit[field]) << field;
  }
  const auto& passages = article["passages"];
  ASSERT_GT(passages.size(), 1u) << "a long article has several passages";
  for (std::size_t i = 0; i < passages.size(); ++i) {
    EXPECT_EQ(passages[i]["passage_index"], i);
    EXPECT_EQ(passages[i]["passage_id"], hit["article_id"].get<std::string>() + "#" + std::to_string(i));
    EXPECT_FALSE(passages[i]["text"].get<std::string>().empty());
  }
  const std::size_t shown = hit["passage_index"];
  ASSERT_LT(shown, passages.size());
  EXPECT_EQ(passages[shown]["text"], hit["passage"]) << "the hit's passage is the article's passage of that index";
}

TEST_F(CsSearchShow, TheArticleIsNamedByItsIdAPassageIdOrItsFileAsShown) {
  const nlohmann::json hit = first_hit("\"phone call\"");
  ASSERT_TRUE(hit.contains("article_id"));
  const CliResult by_id = search({"--show", hit["article_id"], "--format", "jsonl"});
  ASSERT_EQ(by_id.exit_code, 0) << by_id.err;
  EXPECT_EQ(search({"--show", hit["passage_id"], "--format", "jsonl"}).out, by_id.out);
  EXPECT_EQ(search({"--show", hit["path"], "--format", "jsonl"}).out, by_id.out);
  EXPECT_EQ(json_lines(by_id.out).size(), 1u) << "jsonl: the article on one line";
}

TEST_F(CsSearchShow, TextShowsTheTitleFieldsAndEachPassageUnderItsNumber) {
  const nlohmann::json hit = first_hit("\"phone call\"");
  ASSERT_TRUE(hit.contains("article_id"));
  const CliResult r = search({"--show", hit["article_id"]});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith(hit["title"].get<std::string>() + "\n"));
  EXPECT_THAT(r.out, HasSubstr(hit["path"].get<std::string>()));
  EXPECT_THAT(r.out, HasSubstr("\n#0\n"));
  EXPECT_THAT(r.out, HasSubstr("\n#1\n"));
}

TEST_F(CsSearchShow, AnUnknownArticleOrAFormatWithoutArticlesSaysSo) {
  const CliResult missing = search({"--show", "no/such.txt"});
  EXPECT_EQ(missing.exit_code, 1) << "nothing to show, as a query that finds nothing";
  EXPECT_EQ(missing.out, "");
  EXPECT_THAT(missing.err, HasSubstr("no article or indexed file 'no/such.txt' in the database"));
  const CliResult tsv = search({"--show", "no/such.txt", "--format", "tsv"});
  EXPECT_EQ(tsv.exit_code, 2);
  EXPECT_EQ(tsv.out, "");
  EXPECT_THAT(tsv.err, HasSubstr("--show prints with --format text, json, jsonl"));
  EXPECT_EQ(search({"--show", "x", "taiwan"}).exit_code, 2) << "one of QUERY, --batch, --like or --show";
}

}  // namespace
}  // namespace cs::test
