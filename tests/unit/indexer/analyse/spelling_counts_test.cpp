#include "indexer/analyse/spelling_counts.hpp"

#include <gtest/gtest.h>

#include <map>

namespace cs::indexer {
namespace {

using Counts = std::map<std::string, std::uint32_t>;

Counts as_map(const std::vector<std::pair<std::string, std::uint32_t>>& counts) { return {counts.begin(), counts.end()}; }

// Each article's words come once each (ArticleDocumentBuilder::spelling_words, whose test
// checks that a word used twice is listed once).
TEST(SpellingCounter, CountsTheArticlesHoldingEachWordAndLeavesOutNumbersAndShortWords) {
  SpellingCounter counter;
  counter.add_article({"taiwan", "and", "the", "strait", "2024", "in", "12", "steps", "of", "cafe", "u.s", "e", "covid19"});
  counter.add_article({"taiwan", "drills", "москва", "1,000"});
  EXPECT_EQ(as_map(counter.take()), (Counts{{"and", 1}, {"cafe", 1}, {"covid19", 1}, {"drills", 1}, {"steps", 1},
                                            {"strait", 1}, {"taiwan", 2}, {"the", 1}, {"u.s", 1}, {"москва", 1}}))
      << "words of any script with a letter, acronyms too";
  EXPECT_TRUE(counter.take().empty()) << "take() empties it";
}

TEST(SpellingCounter, AbsorbingAnotherThreadsCountsAddsThem) {
  SpellingCounter first;
  SpellingCounter second;
  first.add_article({"taiwan", "strait"});
  second.add_article({"taiwan", "drills"});
  second.add_article({"taiwan", "drills", "again"});
  first.absorb(second);
  EXPECT_TRUE(second.take().empty());
  first.add_article({"strait"});
  EXPECT_EQ(as_map(first.take()), (Counts{{"again", 1}, {"drills", 2}, {"strait", 2}, {"taiwan", 3}}));
}

}  // namespace
}  // namespace cs::indexer
