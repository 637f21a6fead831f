// Runs the real cs-index and cs-search over feeds as they come (see issue #20): text before
// the XML declaration, RFC 822 dates with zone names, descriptions that are HTML with or
// without tags, and empty entries, from the reader fixtures in tests/fixtures/readers/feed/.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

class FeedsAsTheyCome : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"podcast-pst.rss", "news-briefing.rss", "bom-and-blank-lines.xml",
                             "leading-blank-line.atom", "empty-entry-only.atom"}) {
      fs::create_directories(dir_ / "in");
      fs::copy_file(fixtures_dir() / "readers/feed" / name, dir_ / "in" / name);
    }
    indexed_ = run_cli(cs_index_binary(), {"--db", db(), (dir_ / "in").string()});
    ASSERT_EQ(indexed_.exit_code, 0) << indexed_.err;
  }
  std::string db() const { return (dir_ / "db").string(); }
  // The hits for `query` as JSON Lines objects.
  std::vector<nlohmann::json> hits(const std::vector<std::string>& query) {
    std::vector<std::string> args = {"--db", db(), "--format", "jsonl"};
    args.insert(args.end(), query.begin(), query.end());
    return json_lines(run_cli(cs_search_binary(), args).out);
  }

  TempDir dir_;
  CliResult indexed_;
};

TEST_F(FeedsAsTheyCome, EveryFeedIsReadAndAnEmptyEntryIsOneSkippedRecord) {
  EXPECT_THAT(indexed_.out, HasSubstr("5 files: 5 read, 0 unchanged, 0 skipped (bad input)"));
  const auto warnings = lines(indexed_.err);
  ASSERT_EQ(warnings.size(), 2u) << indexed_.err;
  EXPECT_THAT(indexed_.err, HasSubstr("empty-entry-only.atom: item 1: record has no title or text; record skipped"));
  EXPECT_THAT(indexed_.err, HasSubstr("news-briefing.rss: item 6: record has no title or text; record skipped"));
}

TEST_F(FeedsAsTheyCome, PstIsMinusEightHoursAllYear) {
  const auto found = hits({"--sort", "date", "--source", "Harbor Lights Radio Hour", "episode"});
  std::vector<std::string> dates;
  for (const auto& hit : found) dates.push_back(hit["date"]);
  EXPECT_THAT(dates, ElementsAre("2015-06-02T08:00:00-08:00", "2015-07-14T08:00:00-08:00", "2015-08-04T08:00:00-07:00",
                                 "2015-12-01T08:00:00-08:00", "2016-01-05T08:00:00-08:00"));
}

TEST_F(FeedsAsTheyCome, DescriptionsShowAsTextWithoutEntitiesOrMarkup) {
  const auto kazooie = hits({"Kazooie"});
  ASSERT_EQ(kazooie.size(), 1u);
  EXPECT_EQ(kazooie[0]["title"], "Banjo & Kazooie return in a remastered collection");
  const std::string text = kazooie[0].dump();
  EXPECT_THAT(text, Not(HasSubstr("&amp;")));
  EXPECT_THAT(text, Not(HasSubstr("<img")));
  EXPECT_THAT(text, HasSubstr("\\\"a few surprises\\\""));
  EXPECT_EQ(hits({"Transfererlös"}).size(), 1u) << "one word, not transfererl + ouml + s";
  EXPECT_TRUE(hits({"ouml"}).empty());
  EXPECT_TRUE(hits({"pixel"}).empty()) << "the tracking pixel's address is not text";
}

TEST_F(FeedsAsTheyCome, ABulletListOpeningADescriptionIsSearchable) {
  EXPECT_EQ(hits({"\"transit fares frozen\""}).size(), 1u);
  EXPECT_EQ(hits({"\"bike lanes open\""}).size(), 1u) << "a description that is only a list";
}

}  // namespace
}  // namespace cs::test
