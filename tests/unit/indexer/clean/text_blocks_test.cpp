#include "indexer/clean/text_blocks.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cs::indexer {
namespace {

// Words of every length, so that across many texts a word, a space or a run of spaces falls
// on each side of count_words_up_to's 256-byte stretches.
std::string text_of(std::size_t seed, std::size_t words) {
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    text.append(1 + (seed * 7 + i * 13) % 17, static_cast<char>('a' + i % 26));
    text += (i + seed) % 5 == 0 ? "\n\t " : " ";
  }
  return text;
}

TEST(CountWords, CountsSpaceSeparatedWords) {
  EXPECT_EQ(count_words(""), 0u);
  EXPECT_EQ(count_words("  "), 0u);
  EXPECT_EQ(count_words("one"), 1u);
  EXPECT_EQ(count_words(" one\ttwo\n three "), 3u);
}

TEST(CountWords, UpToALimitAgreesAtOrBelowItAndExceedsItAbove) {
  for (std::size_t seed = 0; seed < 40; ++seed) {
    for (const std::size_t words : {0u, 1u, 30u, 31u, 120u, 400u}) {
      const std::string text = text_of(seed, words);
      const std::size_t all = count_words(text);
      ASSERT_EQ(all, words);
      for (const std::size_t limit : {0u, 4u, 30u, 119u, 120u, 1000u}) {
        const std::size_t counted = count_words_up_to(text, limit);
        if (all <= limit) {
          EXPECT_EQ(counted, all) << "seed " << seed << ", " << words << " words, limit " << limit;
        } else {
          EXPECT_GT(counted, limit) << "seed " << seed << ", " << words << " words, limit " << limit;
          EXPECT_LE(counted, all);
        }
      }
    }
  }
}

TEST(CountWords, AWordAcrossAStretchIsOneWord) {
  const std::string long_word(600, 'x');
  EXPECT_EQ(count_words_up_to(long_word, 5), 1u);
  EXPECT_EQ(count_words_up_to(long_word + " and " + long_word, 5), 3u);
}

}  // namespace
}  // namespace cs::indexer
