#include "quality/shingle_score.hpp"

#include <gtest/gtest.h>

namespace cs::quality {
namespace {

TEST(ShingleScore, SameTextScoresOne) {
  const auto words = shingle_words("The council voted on Tuesday to close two schools.");
  const ShingleScore score = score_shingles(words, words);
  EXPECT_DOUBLE_EQ(score.precision, 1);
  EXPECT_DOUBLE_EQ(score.recall, 1);
}

TEST(ShingleScore, ExtraTextCostsPrecisionMissingTextCostsRecall) {
  const auto story = shingle_words("one two three four five six seven eight");
  const auto with_chrome = shingle_words("one two three four five six seven eight share on facebook now");
  const ShingleScore extra = score_shingles(with_chrome, story);
  EXPECT_DOUBLE_EQ(extra.recall, 1);
  EXPECT_DOUBLE_EQ(extra.precision, 5.0 / 9.0);
  const ShingleScore missing = score_shingles(shingle_words("one two three four five"), story);
  EXPECT_DOUBLE_EQ(missing.precision, 1);
  EXPECT_DOUBLE_EQ(missing.recall, 2.0 / 5.0);
}

TEST(ShingleScore, APassageTwiceIsNotTwiceRight) {
  const auto once = shingle_words("alpha beta gamma delta");
  const auto twice = shingle_words("alpha beta gamma delta alpha beta gamma delta");
  EXPECT_LT(score_shingles(twice, once).precision, 1);
}

TEST(ShingleScore, EmptyPagesFollowTheirConvention) {
  const auto story = shingle_words("one two three four five");
  EXPECT_DOUBLE_EQ(score_shingles({}, {}).f1(), 1);
  EXPECT_DOUBLE_EQ(score_shingles({}, story).recall, 0);
  EXPECT_DOUBLE_EQ(score_shingles(story, {}).precision, 0);
}

TEST(ShingleScore, ChineseIsCutIntoWords) {
  EXPECT_GT(shingle_words("国家主席习近平同美国总统拜登通电话").size(), 4u);
}

TEST(ShingleScore, TheSetsFigureIsTheF1OfTheMeans) {
  const ShingleScore mean = mean_score({{1.0, 0.5}, {0.5, 1.0}});
  EXPECT_DOUBLE_EQ(mean.precision, 0.75);
  EXPECT_DOUBLE_EQ(mean.f1(), 0.75);
}

}  // namespace
}  // namespace cs::quality
