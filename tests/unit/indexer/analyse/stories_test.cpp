#include "indexer/analyse/stories.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "common/schema.hpp"
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

// The signature's agreement estimates the Jaccard similarity of the shingle sets, for
// short articles too, where most of the 64 bins hold no shingle of their own and borrow
// (one-permutation MinHash, densified): averaged over 40 pairs, within 0.06 of the truth.
TEST(Stories, AgreementEstimatesTheShareOfSharedShingles) {
  const auto shingles = [](const std::string& text) {
    const std::vector<Token> words = test::analysed_words(text);
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < words.size(); ++i) out.insert(words[i].word + ' ' + words[i + 1].word + ' ' + words[i + 2].word);
    return out;
  };
  for (const std::size_t length : {std::size_t{45}, std::size_t{120}, std::size_t{600}}) {
    for (const std::size_t kept : {length / 2, length * 4 / 5}) {
      double estimated = 0;
      double actual = 0;
      for (unsigned seed = 0; seed < 40; ++seed) {
        const std::string head = story(100 + seed, kept);
        const std::string a = head + " " + story(200 + seed, length - kept);
        const std::string b = head + " " + story(300 + seed, length - kept);
        const std::set<std::string> in_a = shingles(a), in_b = shingles(b);
        std::size_t shared = 0;
        for (const std::string& shingle : in_a) shared += in_b.count(shingle);
        actual += static_cast<double>(shared) / static_cast<double>(in_a.size() + in_b.size() - shared);
        estimated += agreement(a, b);
      }
      EXPECT_NEAR(estimated / 40, actual / 40, 0.06) << length << " words, " << kept << " shared";
    }
  }
}

// The story an article of id `id` and text `text` begins alone.
std::string story_of(std::string_view id, const std::string& text) {
  return schema::story_key(id, story_signature(test::analysed_words(text)));
}

TEST(Stories, ShortTextsJoinAStoryOnlyWithTheSameWords) {
  StoryIndex index;
  EXPECT_EQ(index.assign("feed-a#1", story_signature(test::analysed_words("Breaking: talks resume in Geneva."))),
            story_of("feed-a#1", "Breaking: talks resume in Geneva."));
  EXPECT_EQ(index.assign("feed-b#7", story_signature(test::analysed_words("BREAKING - Talks resume in Geneva"))),
            story_of("feed-a#1", "Breaking: talks resume in Geneva."));
  EXPECT_EQ(index.assign("feed-c#2", story_signature(test::analysed_words("Breaking: talks resume in Vienna."))),
            story_of("feed-c#2", "Breaking: talks resume in Vienna."));
  EXPECT_TRUE(story_signature({}).empty());
  EXPECT_EQ(signature_agreement("", ""), 0);
}

TEST(Stories, AssignsTheFirstArticlesIdToItsNearDuplicates) {
  StoryIndex index;
  const std::string body = story(3, 200);
  EXPECT_EQ(index.assign("reuters/a", story_signature(test::analysed_words(body))), story_of("reuters/a", body));
  EXPECT_EQ(index.assign("cnn/b", story_signature(test::analysed_words(body + " Copyright CNN."))), story_of("reuters/a", body));
  EXPECT_EQ(index.assign("other/c", story_signature(test::analysed_words(story(4, 200)))), story_of("other/c", story(4, 200)));
  EXPECT_EQ(index.assign("empty/d", ""), schema::story_key("empty/d", "")) << "no signature, no story to join";
}

// An id may name another article in a later run (a news API's page saved over the last:
// "latest.json#1" is whatever came first): the story the new article begins is not the one
// the old article began under that id.
TEST(Stories, AnIdReusedByAnotherArticleBeginsAnotherStory) {
  StoryIndex index;
  const std::string tariffs = story(5, 150), basketball = story(6, 150);
  const std::string first = index.assign("latest.json#1", story_signature(test::analysed_words(tariffs)));
  const std::string second = index.assign("latest.json#1", story_signature(test::analysed_words(basketball)));
  EXPECT_NE(first, second);
  EXPECT_EQ(second, story_of("latest.json#1", basketball));
  EXPECT_EQ(index.assign("latest.json#1", story_signature(test::analysed_words(tariffs))), first)
      << "the same article again: the same story";
}

// The index grows its table as articles come (a bucket for every two bands): a story
// remembered before many others is still found after the table has grown several times.
TEST(Stories, NearDuplicatesAreFoundAmongManyStories) {
  StoryIndex index;
  for (unsigned seed = 10; seed < 410; ++seed) {
    const std::string id = "wire/" + std::to_string(seed);
    ASSERT_EQ(index.assign(id, story_signature(test::analysed_words(story(seed, 120)))), story_of(id, story(seed, 120)))
        << "distinct stories";
  }
  for (const unsigned seed : {10u, 11u, 137u, 409u}) {
    const std::string copy = story(seed, 120) + " Reporting by the desk; editing by the night editor.";
    EXPECT_EQ(index.assign("copy/" + std::to_string(seed), story_signature(test::analysed_words(copy))),
              story_of("wire/" + std::to_string(seed), story(seed, 120)));
  }
}

}  // namespace
}  // namespace cs::indexer
