// The ranking cases a trial on real news named, on a small corpus of news articles and a feed
// (tests/fixtures/ranking/): the second stage keeps the query's words together before their
// proximity, rewards a title that holds them, does not let a one-sentence feed item beat a
// real article on BM25's length normalisation, and its bm25 signal follows the raw passage
// BM25 that --explain prints beside it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

struct RankingCorpus {
  static std::filesystem::path make(const std::filesystem::path&) { return fixtures_dir() / "ranking"; }
};

class CsSearchRanking : public IndexedOnce<RankingCorpus> {
 protected:
  static std::vector<std::string> ranked(const std::string& query) { return search_article_ids(db(), query); }
  static std::size_t rank_of(const std::vector<std::string>& ids, const std::string& id) {
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
  }
};

TEST_F(CsSearchRanking, AnArticleHoldingBothWordsBeatsOnesHoldingOne) {
  // The lawsuit holds "iPod" and "battery" paragraphs apart; the others hold one of them,
  // the sales story "iPod" many times, the recycling story "battery" in a short text.
  const auto ids = ranked("iPod battery");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "techdesk.example/ipod-battery-lawsuit.md");
}

TEST_F(CsSearchRanking, TheArticleTitledWithTheQueryWordsComesFirst) {
  const auto ids = ranked("Mutu sack");
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids[0], "bbc.co.uk/chelsea-sack-mutu.txt");
}

TEST_F(CsSearchRanking, AHeadlineHoldingTheQueryBeatsWordsScatteredInABody) {
  // The brief's headline is the query; its one sentence holds neither word. The streaming
  // story has "wave" and "heat" in its body, apart and in other senses.
  const auto ids = ranked("heat wave");
  ASSERT_FALSE(ids.empty());
  EXPECT_EQ(ids[0], "feeds/wire.xml#1");
}

TEST_F(CsSearchRanking, AOneSentenceFeedItemDoesNotBeatRealArticles) {
  const auto ids = ranked("earthquake");
  const std::size_t item = rank_of(ids, "feeds/garden.xml#1");
  ASSERT_LT(item, ids.size()) << "the item matches";
  EXPECT_GT(item, rank_of(ids, "reuters.com/quake-insurance.txt"));
  EXPECT_GT(item, rank_of(ids, "reuters.com/quake-mountain-province.txt"));
}

TEST_F(CsSearchRanking, TheBm25SignalFollowsThePassagesOwnBm25) {
  for (const char* query : {"iPod battery", "Mutu sack", "earthquake insurance", "battery"}) {
    const CliResult r = search({"--format", "json", "--explain", query});
    ASSERT_EQ(r.exit_code, 0) << query << ": " << r.err;
    const auto hits = nlohmann::json::parse(r.out)["results"];
    ASSERT_FALSE(hits.empty()) << query;
    // One scale for every hit: the signal is the raw passage BM25 over the best candidate's.
    ASSERT_GT(hits[0]["explain"]["passage_bm25"].get<double>(), 0) << query << ": the top hit's passage holds a word";
    const double scale = hits[0]["explain"]["components"]["bm25"]["value"].get<double>() /
                         hits[0]["explain"]["passage_bm25"].get<double>();
    for (const auto& hit : hits) {
      const auto& explain = hit["explain"];
      EXPECT_NEAR(explain["components"]["bm25"]["value"].get<double>(), explain["passage_bm25"].get<double>() * scale, 1e-4)
          << query << ": " << hit["article_id"];
    }
  }
}

}  // namespace
}  // namespace cs::test
