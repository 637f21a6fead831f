#include "indexer/analyse/spelling_counts.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support/analysed_words.hpp"

namespace cs::indexer {
namespace {

using Counts = std::map<std::string, std::uint32_t>;

Counts as_map(const std::vector<std::pair<std::string, std::uint32_t>>& counts) { return {counts.begin(), counts.end()}; }

TEST(SpellingCounter, CountsEachWordOnceAnArticleAndLeavesOutNumbersAndShortWords) {
  SpellingCounter counter;
  counter.add_article(test::analysed_words("Taiwan, Taiwan and the Strait: 2024 in 12 steps of Café"));
  counter.add_article(test::analysed_words("Taiwan's drills"));
  EXPECT_EQ(as_map(counter.take()),
            (Counts{{"and", 1}, {"cafe", 1}, {"drills", 1}, {"steps", 1}, {"strait", 1}, {"taiwan", 2}, {"the", 1}}));
  EXPECT_TRUE(counter.take().empty()) << "take() empties it";
}

TEST(SpellingCounter, DistinctWordsCountAsAnArticleTheirTokensDo) {
  SpellingCounter by_tokens;
  SpellingCounter by_words;
  by_tokens.add_article(test::analysed_words("Taiwan, Taiwan and the Strait in 12 steps"));
  by_tokens.add_article(test::analysed_words("Taiwan drills"));
  by_words.add_distinct_words({"taiwan", "and", "the", "strait", "in", "12", "steps"});
  by_words.add_distinct_words({"drills", "taiwan"});
  EXPECT_EQ(as_map(by_words.take()), as_map(by_tokens.take()));
}

TEST(SpellingCounter, AbsorbingAnotherThreadsCountsAddsThem) {
  SpellingCounter first;
  SpellingCounter second;
  first.add_article(test::analysed_words("Taiwan strait"));
  second.add_article(test::analysed_words("Taiwan drills"));
  second.add_article(test::analysed_words("Taiwan drills again"));
  first.absorb(second);
  EXPECT_TRUE(second.take().empty());
  first.add_article(test::analysed_words("strait"));  // a later article is still counted once
  EXPECT_EQ(as_map(first.take()), (Counts{{"again", 1}, {"drills", 2}, {"strait", 2}, {"taiwan", 3}}));
}

}  // namespace
}  // namespace cs::indexer
