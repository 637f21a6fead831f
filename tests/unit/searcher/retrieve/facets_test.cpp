#include "searcher/retrieve/facets.hpp"

#include <memory>

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
// counter, by Xapian's spy (which remote shards run) and from a session's table of keys,
// whose tally of decoded keys outlives the query.
enum class Counting { kHashCounts, kXapiansSpy, kTable };
class FacetsCounted : public ::testing::TestWithParam<Counting> {};

using Count = std::pair<std::string, std::uint64_t>;
std::vector<Count> counted(const std::vector<FacetCount>& counts) {
  std::vector<Count> out;
  for (const FacetCount& c : counts) out.emplace_back(c.value, c.articles);
  return out;
}

TEST_P(FacetsCounted, ArticlesThatShareAKeyAreEachCounted) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const auto add = [&](const schema::FacetKey& key, const std::string& word) {
    Xapian::Document document;
    document.add_term("word");
    document.add_term(word);
    document.add_value(schema::kFacetKeySlot, schema::encode_facet_key(key));
    db.add_document(document);
  };
  for (int i = 0; i < 3; ++i) add({"2025-01-17", "cfr.org", "", "en", {i == 0 ? "china" : "China"}}, "first");
  add({"2021-02-11", "CNN", "", "en", {"China", "Politics"}}, "second");
  add({"", "AP", "Jo Lee", "", {}}, "second");
  add({"2021-02-11", "BBC", "Jo Lee", "en-GB", {"Politics"}}, "second");
  {  // matched only by every article's query below
    Xapian::Document document;
    document.add_value(schema::kFacetKeySlot, schema::encode_facet_key({"2021-02-11", "FT", "Kana Inagaki, Jo Lee, Kana Inagaki", "en", {}}));
    db.add_document(document);
    document.add_value(schema::kFacetKeySlot, schema::encode_facet_key({"2021-02-11", "FT", "King, Jr.", "en", {}}));
    db.add_document(document);
  }
  std::shared_ptr<const ValueTable> keys;
  std::shared_ptr<FacetTally> tally;
  if (GetParam() == Counting::kTable) {
    keys = ValueTable::read(db, schema::kFacetKeySlot);
    tally = std::make_shared<FacetTally>();
  }
  const auto count = [&](const std::string& word, Period period) {
    FacetCounter counter({FacetField::kSource, FacetField::kTopic, FacetField::kYear, FacetField::kAuthor, FacetField::kLang},
                         period);
    counter.restart(GetParam() == Counting::kXapiansSpy, keys, tally);
    Xapian::Enquire enquire(db);
    enquire.set_query(word == "word" ? Xapian::Query(word) : Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word), Xapian::Query("word")));
    if (word == "every") enquire.set_query(Xapian::Query::MatchAll);
    enquire.add_matchspy(&counter.spy());
    enquire.get_mset(0, 10, db.get_doccount());
    return counter.result(10);
  };
  const Facets first = count("first", Period::kNone);
  ASSERT_EQ(first.fields.size(), 5u);
  EXPECT_THAT(counted(first.fields[0].second), ElementsAre(Count{"cfr.org", 3}));
  EXPECT_TRUE(first.histogram.empty());
  const Facets all = count("word", Period::kYear);
  EXPECT_THAT(counted(all.fields[0].second), ElementsAre(Count{"cfr.org", 3}, Count{"AP", 1}, Count{"BBC", 1}, Count{"CNN", 1}))
      << "most articles first, ties by value; the earlier query's counts are gone";
  EXPECT_THAT(counted(all.fields[1].second), ElementsAre(Count{"China", 4}, Count{"Politics", 2}))
      << "values that differ in case only are one, shown by the first in byte order";
  EXPECT_THAT(counted(all.fields[2].second), ElementsAre(Count{"2025", 3}, Count{"2021", 2}, Count{"undated", 1}));
  EXPECT_THAT(counted(all.fields[3].second), ElementsAre(Count{"Jo Lee", 2})) << "no author is not a value";
  EXPECT_THAT(counted(all.fields[4].second), ElementsAre(Count{"en", 4}, Count{"en-GB", 1}));
  EXPECT_THAT(counted(all.histogram), ElementsAre(Count{"2021", 2}, Count{"2022", 0}, Count{"2023", 0}, Count{"2024", 0},
                                                  Count{"2025", 3}, Count{"undated", 1}))
      << "empty years between are charted as 0";
  // Each of an article's authors is a value (a new user's trial saw "Leo Lewis, Kana Inagaki,
  // Ian Smith" counted as one), and a name listed twice counts the article once.
  const Facets every = count("every", Period::kNone);
  EXPECT_THAT(counted(every.fields[3].second), ElementsAre(Count{"Jo Lee", 3}, Count{"Kana Inagaki", 1}, Count{"King, Jr.", 1}))
      << "a name written \"Surname, Name\" or with a suffix is one person";
  const Facets second = count("second", Period::kNone);
  EXPECT_THAT(counted(second.fields[0].second), ElementsAre(Count{"AP", 1}, Count{"BBC", 1}, Count{"CNN", 1}));
  EXPECT_THAT(counted(second.fields[1].second), ElementsAre(Count{"Politics", 2}, Count{"China", 1}));
}

INSTANTIATE_TEST_SUITE_P(EachCounter, FacetsCounted,
                         ::testing::Values(Counting::kHashCounts, Counting::kXapiansSpy, Counting::kTable),
                         [](const ::testing::TestParamInfo<Counting>& counting) {
                           return counting.param == Counting::kHashCounts ? "HashCounts"
                                  : counting.param == Counting::kXapiansSpy ? "XapiansSpy"
                                                                             : "Table";
                         });

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
  EXPECT_THAT(counted(facets.histogram), ElementsAre(Count{"2024-02-28", 1}, Count{"2024-02-29", 0}, Count{"2024-03-01", 1}, Count{"undated", 2}));
  EXPECT_THAT(counted(facets.fields[0].second), ElementsAre(Count{"2024", 2}, Count{"undated", 2}));
}

}  // namespace
}  // namespace cs::searcher
