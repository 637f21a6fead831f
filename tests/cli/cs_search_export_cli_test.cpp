// --limit all and limits above a page (kExportPage, 1,000 hits): every match is written once,
// a page at a time, in every format, and what a page holds stays well-formed output: one
// JSON document, JSON lines with the counts last, TSV rows, TREC lines whose scores keep
// falling from page to page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

constexpr int kArticles = 2100;  // two full pages and part of a third

// One news-API JSON Lines file of short wire items, all holding "grid".
struct WireCorpus {
  static std::filesystem::path make(const std::filesystem::path& scratch) {
    std::string lines;
    for (int i = 0; i < kArticles; ++i) {
      const nlohmann::json item = {
          {"id", "wire-" + std::to_string(i)},
          {"title", "Grid demand report " + std::to_string(i)},
          {"publishedAt", "2024-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-01"},
          {"source", {{"name", "Wire " + std::to_string(i % 5)}}},
          {"content", "The grid operator said demand rose by " + std::to_string(i) + " megawatts in region " +
                          std::to_string(i % 40) + " as the heat wave went on; engineers expect relief next week."}};
      lines += item.dump() + "\n";
    }
    write_file(scratch / "wire/items.jsonl", lines);
    return scratch / "wire";
  }
};

class CsSearchExport : public IndexedOnce<WireCorpus> {};

TEST_F(CsSearchExport, EveryMatchIsWrittenOnceInEveryFormat) {
  ASSERT_THAT(index_run().out + index_run().err, ::testing::HasSubstr(" 0 warnings"));
  const CliResult jsonl = search({"-n", "all", "--rerank", "2000", "--format", "jsonl", "grid"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const auto hits = json_lines(jsonl.out);
  ASSERT_EQ(hits.size(), static_cast<std::size_t>(kArticles));
  std::set<std::string> ids;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    EXPECT_EQ(hits[i]["rank"], i + 1);
    ids.insert(hits[i]["article_id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), hits.size()) << "no article twice across pages";

  const CliResult json = search({"-n", "all", "--format", "json", "grid"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto document = nlohmann::json::parse(json.out);
  EXPECT_EQ(document["results"].size(), static_cast<std::size_t>(kArticles));
  EXPECT_EQ(document["matching_articles"], kArticles);

  EXPECT_EQ(lines(search({"-n", "all", "--format", "tsv", "grid"}).out).size(), static_cast<std::size_t>(kArticles) + 1);
  const auto trec = lines(search({"-n", "all", "--format", "trec", "grid"}).out);
  ASSERT_EQ(trec.size(), static_cast<std::size_t>(kArticles));
  double previous = 1e300;
  for (const std::string& line : trec) {
    std::istringstream fields(line);
    std::string qid, q0, docno, tag;
    int rank = 0;
    double score = 0;
    fields >> qid >> q0 >> docno >> rank >> score >> tag;
    ASSERT_LT(score, previous) << "trec_eval must keep this order: " << line;
    previous = score;
  }
  EXPECT_THAT(search({"-n", "all", "--color", "never", "grid"}).out, ::testing::HasSubstr("\n2100. "));
}

TEST_F(CsSearchExport, ALimitAboveAPageStopsThereAndLaterPagesFollowTheFirstStage) {
  const auto longer = search_article_ids(db(), "grid", {"-n", "1500", "--rerank", "2000"});
  const auto first_stage = search_article_ids(db(), "grid", {"-n", "1500", "--rerank", "0"});
  ASSERT_EQ(longer.size(), 1500u);
  ASSERT_EQ(first_stage.size(), 1500u);
  // The first page is re-ranked within itself (--rerank deeper than a page would move
  // articles between pages): the same articles as the first stage's first 1,000 ...
  EXPECT_TRUE(std::is_permutation(longer.begin(), longer.begin() + 1000, first_stage.begin()));
  // ... and the second page is the first stage's next 500, in its order.
  EXPECT_TRUE(std::equal(longer.begin() + 1000, longer.end(), first_stage.begin() + 1000));
}

TEST_F(CsSearchExport, ABatchOfExportsIsOneJsonDocumentWithCountsAfterTheHits) {
  const CliResult json = search({"--batch", "-", "-n", "all", "--format", "json"}, "a\tgrid\nb\tmegawatts region\n");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto queries = nlohmann::json::parse(json.out);
  ASSERT_EQ(queries.size(), 2u);
  EXPECT_EQ(queries[0]["results"].size(), static_cast<std::size_t>(kArticles));
  EXPECT_EQ(queries[1]["results"].size(), static_cast<std::size_t>(kArticles));

  const CliResult jsonl = search({"-n", "all", "--format", "jsonl", "--facets", "source", "grid"});
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  const auto objects = json_lines(jsonl.out);
  ASSERT_EQ(objects.size(), static_cast<std::size_t>(kArticles) + 1);
  EXPECT_TRUE(objects.back().contains("facets")) << "the counts line comes after the last page";
  EXPECT_EQ(objects.back()["facets"]["source"].size(), 5u);
}

}  // namespace
}  // namespace cs::test
