// Runs the real cs-index and cs-search over articles dated in the 1790s (see issue #20):
// their dates are read, stored and searched like any other, by every date option.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct FoundingEra {
  static std::filesystem::path make(const std::filesystem::path& scratch) {
    write_file(scratch / "in/farewell.md",
               "---\ntitle: Farewell Address\ndate: 1796-01-01\n---\n\nThe President's address on the union.\n");
    write_file(scratch / "in/militia.md",
               "---\ntitle: Militia letter\ndate: 1794-10-21T12:00:00Z\n---\n\nA letter on the union's militia.\n");
    write_file(scratch / "in/history.txt",
               "A history of the union\n\nMarch 1, 1802\n\nIn 1799 the union had a navy of its own again.\n");
    write_file(scratch / "in/modern.json",
               R"({"id": "modern", "title": "The union today", "text": "Union members voted.", "date": "2021-02-11"})");
    return scratch / "in";
  }
};

class HistoricalDates : public IndexedOnce<FoundingEra> {
 protected:
  // The ids cs-search finds for `query` with `options`, in no order.
  static std::set<std::string> found(const std::vector<std::string>& options, const std::string& query = "union") {
    const auto ids = search_article_ids(db(), query, options);
    return {ids.begin(), ids.end()};
  }
};

TEST_F(HistoricalDates, TheDatesAreStoredAsWritten) {
  const CliResult r = run_cli(cs_search_binary(), {"--db", db(), "--format", "jsonl", "--sort", "date", "union"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> dates;
  for (const std::string& line : lines(r.out)) dates.push_back(nlohmann::json::parse(line)["date"]);
  EXPECT_THAT(dates, ElementsAre("1794-10-21T12:00:00Z", "1796-01-01", "1802-03-01", "2021-02-11"))
      << "1799 in the history's text is not its date";
}

TEST_F(HistoricalDates, SinceUntilAndTheDateFieldFindThem) {
  EXPECT_EQ(found({"--since", "1790", "--until", "1799"}), (std::set<std::string>{"farewell.md", "militia.md"}));
  EXPECT_EQ(found({"--until", "1796-01-01"}), (std::set<std::string>{"farewell.md", "militia.md"}));
  EXPECT_EQ(found({"--since", "1796-01"}), (std::set<std::string>{"farewell.md", "history.txt", "modern"}));
  EXPECT_EQ(found({}, "union date:1796"), (std::set<std::string>{"farewell.md"}));
  EXPECT_EQ(found({}, "union date:1790..1799"), (std::set<std::string>{"farewell.md", "militia.md"}));
}

TEST_F(HistoricalDates, SortingAndFacetsByYearCountThem) {
  EXPECT_THAT(search_article_ids(db(), "union", {"--sort", "-date"}), ElementsAre("modern", "history.txt", "farewell.md", "militia.md"));
  const CliResult r = run_cli(cs_search_binary(), {"--db", db(), "--format", "json", "--facets", "year", "union"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> years;
  const nlohmann::json out = nlohmann::json::parse(r.out);
  for (const auto& year : out["facets"]["year"]) years.insert(year["value"]);
  EXPECT_EQ(years, (std::set<std::string>{"1794", "1796", "1802", "2021"}));
  const CliResult text = run_cli(cs_search_binary(), {"--db", db(), "union", "date:1796"});
  EXPECT_THAT(text.out, HasSubstr("1796-01-01"));
}

// A time keeps the offset it was published at: the day shown and searched is the one the
// place of publication saw (a new user's trial: NHK's 7:05 on April 30th in Tokyo was
// shown as April 29th, and --since 2024-04-30 left it out).
struct ZonedMoments {
  static std::filesystem::path make(const std::filesystem::path& scratch) {
    write_file(scratch / "in/tokyo.json",
               R"({"id": "tokyo", "title": "Yen intervention", "text": "The yen jumped on suspected intervention.",)"
               R"( "date": "2024-04-30T07:05:13+09:00"})");
    write_file(scratch / "in/new-york.html",
               "<html><head><title>Yen slides in late trading</title></head><body><article><h1>Yen slides in late "
               "trading</h1><p>April 29, 2024 9:15 PM EDT</p><p>The yen slid again in late New York trading as "
               "traders weighed the chances of another intervention by Tokyo.</p></article></body></html>");
    return scratch / "in";
  }
};

class LocalDays : public IndexedOnce<ZonedMoments> {};

TEST_F(LocalDays, ATimeKeepsItsOffsetAndItsLocalDayIsTheOneSearched) {
  const CliResult r = run_cli(cs_search_binary(), {"--db", db(), "--format", "jsonl", "--sort", "date", "yen"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<std::string> dates;
  for (const std::string& line : lines(r.out)) dates.push_back(nlohmann::json::parse(line)["date"]);
  // Sorted by the moment: Tokyo's 07:05 on the 30th is 22:05 UTC on the 29th, before New
  // York's 21:15 on the 29th (01:15 UTC on the 30th).
  EXPECT_THAT(dates, ElementsAre("2024-04-30T07:05:13+09:00", "2024-04-29T21:15:00-04:00"));
  EXPECT_THAT(search_article_ids(db(), "yen", {"--since", "2024-04-30"}), ElementsAre("tokyo"));
  EXPECT_THAT(search_article_ids(db(), "yen", {"--until", "2024-04-29"}), ElementsAre("new-york.html"));
  EXPECT_THAT(search_article_ids(db(), "yen date:2024-04-30"), ElementsAre("tokyo"));
  const CliResult text = run_cli(cs_search_binary(), {"--db", db(), "suspected"});
  EXPECT_THAT(text.out, HasSubstr("\n    2024-04-30 | en |"));
}

}  // namespace
}  // namespace cs::test
