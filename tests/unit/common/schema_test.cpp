#include "common/schema.hpp"

#include <gtest/gtest.h>

namespace cs::schema {
namespace {

// A story's key names it in every database and run written with this schema, so it may not
// change with the library or the build: the known answer pins XXH3-64 and the byte order.
TEST(Schema, StoryKeysAreEightStableBytesAndTheirTermIsHex) {
  const std::string key = story_key("wire/a.txt", "");
  ASSERT_EQ(key.size(), 8u);
  EXPECT_EQ(key, story_key("wire/a.txt", ""));
  EXPECT_NE(key, story_key("wire/b.txt", ""));
  EXPECT_NE(key, story_key("wire/a.txt", "another text's signature")) << "an id reused by another article";
  EXPECT_EQ(story_term(key).size(), kStoryPrefix.size() + 16);
  EXPECT_EQ(story_term(key).substr(0, kStoryPrefix.size()), kStoryPrefix);
  EXPECT_EQ(story_term(std::string("\x01\x23\x45\x67\x89\xab\xcd\xef", 8)), std::string(kStoryPrefix) + "0123456789abcdef");
  EXPECT_EQ(story_term(story_key("", "")), std::string(kStoryPrefix) + "2d06800538d394c2") << "XXH3-64 of nothing, big-endian";
}

TEST(Schema, BooleanTermKeepsShortValues) {
  EXPECT_EQ(boolean_term(kArticleIdPrefix, "cfr.org/a.txt"), "XAcfr.org/a.txt");
}

TEST(Schema, BooleanTermShortensLongValuesUniquely) {
  const std::string long_a(400, 'a');
  std::string long_b = long_a;
  long_b.back() = 'b';
  const std::string term_a = boolean_term(kArticleIdPrefix, long_a);
  const std::string term_b = boolean_term(kArticleIdPrefix, long_b);
  EXPECT_LE(term_a.size(), 245u);
  EXPECT_NE(term_a, term_b);
  EXPECT_EQ(term_a, boolean_term(kArticleIdPrefix, long_a));
}

TEST(Schema, BooleanTermDoesNotCutUtf8Sequences) {
  std::string value;
  for (int i = 0; i < 200; ++i) value += "简";
  const std::string term = boolean_term(kPathPrefix, value);
  const std::string kept = term.substr(0, term.find('#'));
  EXPECT_EQ((kept.size() - kPathPrefix.size()) % 3, 0u);
}

TEST(Schema, StemmedTermsFollowXapianConvention) {
  EXPECT_EQ(stemmed_term("", "call"), "Zcall");
  EXPECT_EQ(stemmed_term(kTitlePrefix, "call"), "ZScall");
}

TEST(Schema, ListsJoinAndSplitBack) {
  const std::vector<std::string> items = {"Trade", "U.S. Foreign Policy", "中国"};
  EXPECT_EQ(split_list(join_list(items)), items);
  EXPECT_EQ(join_list({"a", "", "b"}), std::string("a") + kListSeparator + "b") << "empty items are dropped";
  EXPECT_TRUE(split_list("").empty());
  EXPECT_EQ(split_list(std::string(1, kListSeparator) + "x"), (std::vector<std::string>{"x"}));
}

// A stored date's moment in UTC, which --sort orders by: the local clock and its offset.
TEST(Schema, AStoredTimesMomentInUtc) {
  EXPECT_EQ(utc_instant("2024-04-30T07:05:13+09:00"), "2024-04-29T22:05:13Z");
  EXPECT_EQ(utc_instant("2024-04-29T20:00:00-07:00"), "2024-04-30T03:00:00Z");
  EXPECT_EQ(utc_instant("2024-12-31T23:30:00-05:30"), "2025-01-01T05:00:00Z");
  EXPECT_EQ(utc_instant("1969-12-31T23:00:00-02:00"), "1970-01-01T01:00:00Z");
  EXPECT_EQ(utc_instant("1790-01-01T00:10:00+00:20"), "1789-12-31T23:50:00Z");
  EXPECT_EQ(utc_instant("2024-04-29T22:05:13Z"), "2024-04-29T22:05:13Z");
  EXPECT_EQ(utc_instant("2024-04-29"), "2024-04-29");
  EXPECT_EQ(utc_instant("2024-04-29Tab:cd:ef+09:00"), "2024-04-29Tab:cd:ef+09:00") << "no time: as it is";
}

}  // namespace
}  // namespace cs::schema
