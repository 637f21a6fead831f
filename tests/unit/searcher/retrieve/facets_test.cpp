#include "searcher/retrieve/facets.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;

TEST(Facets, PeriodsOfADate) {
  EXPECT_EQ(period_of("2021-02-11T02:39:57Z", Period::kYear), "2021");
  EXPECT_EQ(period_of("2021-02-11T02:39:57Z", Period::kMonth), "2021-02");
  EXPECT_EQ(period_of("2021-02-11", Period::kDay), "2021-02-11");
  EXPECT_EQ(period_of("2021-02", Period::kYear), "") << "partial dates are not counted";
  EXPECT_EQ(period_of("", Period::kYear), "");
}

TEST(Facets, IsoWeeksBelongToTheYearOfTheirThursday) {
  EXPECT_EQ(period_of("2021-02-11", Period::kWeek), "2021-W06");
  EXPECT_EQ(period_of("2021-01-03", Period::kWeek), "2020-W53");
  EXPECT_EQ(period_of("2021-01-04", Period::kWeek), "2021-W01");
  EXPECT_EQ(period_of("2024-12-30", Period::kWeek), "2025-W01");
  EXPECT_EQ(period_of("2026-11-22", Period::kWeek), "2026-W47");
}

TEST(Facets, ParsesFieldListsAndRejectsUnknownNames) {
  auto fields = parse_facet_fields("source,year,source");
  ASSERT_TRUE(fields.ok());
  EXPECT_THAT(*fields, ElementsAre(FacetField::kSource, FacetField::kYear));
  EXPECT_FALSE(parse_facet_fields("source,,year").ok());
  EXPECT_FALSE(parse_facet_fields("colour").ok());
  EXPECT_FALSE(parse_period("decade").ok());
}

TEST(Facets, TheFacetKeyKeepsTheDayAndRoundTrips) {
  const std::string key = schema::encode_facet_key({"2021-02-11T02:39:57Z", "CNN", "Kevin Liptak", "en", {"China", "Trade"}});
  const schema::FacetKey back = schema::decode_facet_key(key);
  EXPECT_EQ(back.date, "2021-02-11");
  EXPECT_EQ(back.source, "CNN");
  EXPECT_EQ(back.author, "Kevin Liptak");
  EXPECT_EQ(back.lang, "en");
  EXPECT_THAT(back.topics, ElementsAre("China", "Trade"));
  EXPECT_EQ(key, schema::encode_facet_key({"2021-02-11T18:00:00Z", "CNN", "Kevin Liptak", "en", {"China", "Trade"}}))
      << "two articles of one day, source, author, language and topics share a key";
}

// Articles that share a key are one value to the spy; each is still counted, by the local
// counter as by Xapian's spy (which remote shards run).
class FacetsCounted : public ::testing::TestWithParam<bool> {};

TEST_P(FacetsCounted, ArticlesThatShareAKeyAreEachCounted) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](const schema::FacetKey& key) {
    Xapian::Document document;
    document.add_term("word");
    document.add_value(schema::kFacetKeySlot, schema::encode_facet_key(key));
    db.add_document(document);
  };
  for (int i = 0; i < 3; ++i) add({"2025-01-17", "cfr.org", "", "en", {"China"}});
  add({"2021-02-11", "CNN", "", "en", {"China", "Politics"}});
  FacetCounter counter({FacetField::kSource, FacetField::kTopic, FacetField::kYear}, Period::kYear);
  counter.restart(GetParam());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&counter.spy());
  enquire.get_mset(0, 10, db.get_doccount());
  const Facets facets = counter.result(10);
  ASSERT_EQ(facets.fields.size(), 3u);
  const auto counted = [](const std::vector<FacetCount>& counts) {
    std::vector<std::pair<std::string, std::uint64_t>> out;
    for (const FacetCount& c : counts) out.emplace_back(c.value, c.articles);
    return out;
  };
  using Count = std::pair<std::string, std::uint64_t>;
  EXPECT_THAT(counted(facets.fields[0].second), ElementsAre(Count{"cfr.org", 3}, Count{"CNN", 1}));
  EXPECT_THAT(counted(facets.fields[1].second), ElementsAre(Count{"China", 4}, Count{"Politics", 1}));
  EXPECT_THAT(counted(facets.fields[2].second), ElementsAre(Count{"2025", 3}, Count{"2021", 1}));
  EXPECT_THAT(counted(facets.histogram),
              ElementsAre(Count{"2021", 1}, Count{"2022", 0}, Count{"2023", 0}, Count{"2024", 0}, Count{"2025", 3}))
      << "empty years between are charted as 0";
}

INSTANTIATE_TEST_SUITE_P(LocalAndRemote, FacetsCounted, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& counter) { return counter.param ? "XapiansSpy" : "HashCounts"; });

// Issue #21: every matching article is counted somewhere, the undated ones as "undated".
TEST(Facets, UndatedArticlesAreCountedAndEmptyDaysShown) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](std::string date) {
    Xapian::Document document;
    document.add_term("word");
    document.add_value(schema::kFacetKeySlot, schema::encode_facet_key({date, "CNN", "", "en", {}}));
    db.add_document(document);
  };
  add("2024-02-28");
  add("2024-03-01");
  add("");
  add("");
  FacetCounter counter({FacetField::kYear}, Period::kDay);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&counter.spy());
  enquire.get_mset(0, 10, db.get_doccount());
  const Facets facets = counter.result(10);
  std::vector<std::pair<std::string, std::uint64_t>> days;
  for (const FacetCount& c : facets.histogram) days.emplace_back(c.value, c.articles);
  using Count = std::pair<std::string, std::uint64_t>;
  EXPECT_THAT(days, ElementsAre(Count{"2024-02-28", 1}, Count{"2024-02-29", 0}, Count{"2024-03-01", 1}, Count{"undated", 2}));
  std::vector<std::pair<std::string, std::uint64_t>> years;
  for (const FacetCount& c : facets.fields[0].second) years.emplace_back(c.value, c.articles);
  EXPECT_THAT(years, ElementsAre(Count{"2024", 2}, Count{"undated", 2}));
}

}  // namespace
}  // namespace cs::searcher
