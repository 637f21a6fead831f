#include "indexer/analyse/stories.hpp"

#include <gtest/gtest.h>

#include <random>

#include "support/analysed_words.hpp"

namespace cs::indexer {
namespace {

// A wire-story-like text of `n` words from a fixed seed.
std::string story(unsigned seed, std::size_t n) {
  static const char* vocabulary[] = {"beijing", "washington", "talks", "tariffs", "officials", "said", "the", "on",
                                     "trade", "call", "leaders", "security", "taiwan", "market", "week", "agreed",
                                     "minister", "statement", "economy", "export", "chips", "summit", "a", "of"};
  std::mt19937 random(seed);
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += std::string(i ? " " : "") + vocabulary[random() % 24];
  return text + ".";
}

double agreement(const std::string& a, const std::string& b) {
  return signature_agreement(story_signature(test::analysed_words(a)), story_signature(test::analysed_words(b)));
}

TEST(Stories, TheSameStoryWithADifferentDatelineAndFooterAgrees) {
  const std::string body = story(1, 300);
  EXPECT_GE(agreement("WASHINGTON (Reuters) - " + body, "WASHINGTON (AP) - " + body + " Reporting by Jane Doe."),
            kMinStoryAgreement);
}

TEST(Stories, DifferentStoriesOnTheSameTopicsDoNot) {
  for (unsigned seed = 2; seed < 12; ++seed) {
    EXPECT_LT(agreement(story(1, 300), story(seed, 300)), 0.2) << seed;
  }
}

TEST(Stories, AStoryWithHalfItsTextRewrittenIsAnotherStory) {
  const std::string first = story(5, 150);
  EXPECT_LT(agreement(first + " " + story(6, 150), first + " " + story(7, 150)), kMinStoryAgreement);
}

TEST(Stories, ShortTextsJoinAStoryOnlyWithTheSameWords) {
  StoryIndex index;
  EXPECT_EQ(index.assign("feed-a#1", story_signature(test::analysed_words("Breaking: talks resume in Geneva."))), "feed-a#1");
  EXPECT_EQ(index.assign("feed-b#7", story_signature(test::analysed_words("BREAKING - Talks resume in Geneva"))), "feed-a#1");
  EXPECT_EQ(index.assign("feed-c#2", story_signature(test::analysed_words("Breaking: talks resume in Vienna."))), "feed-c#2");
  EXPECT_TRUE(story_signature({}).empty());
  EXPECT_EQ(signature_agreement("", ""), 0);
}

TEST(Stories, AssignsTheFirstArticlesIdToItsNearDuplicates) {
  StoryIndex index;
  const std::string body = story(3, 200);
  EXPECT_EQ(index.assign("reuters/a", story_signature(test::analysed_words(body))), "reuters/a");
  EXPECT_EQ(index.assign("cnn/b", story_signature(test::analysed_words(body + " Copyright CNN."))), "reuters/a");
  EXPECT_EQ(index.assign("other/c", story_signature(test::analysed_words(story(4, 200)))), "other/c");
  EXPECT_EQ(index.assign("empty/d", ""), "empty/d") << "no signature, no story to join";
}

}  // namespace
}  // namespace cs::indexer
