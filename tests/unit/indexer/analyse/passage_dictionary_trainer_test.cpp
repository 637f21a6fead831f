#include "indexer/analyse/passage_dictionary_trainer.hpp"

#include <gtest/gtest.h>

#include "support/prose_dictionary.hpp"

namespace cs::indexer {
namespace {

// Articles of `paragraphs` passages_like(seed), a blank line between paragraphs.
std::vector<Article> articles_of(unsigned seed, std::size_t count, std::size_t paragraphs) {
  const std::vector<std::string> passages = test::passages_like(seed, count * paragraphs);
  std::vector<Article> articles(count);
  for (std::size_t i = 0; i < passages.size(); ++i) articles[i / paragraphs].body += passages[i] + "\n\n";
  return articles;
}

TEST(PassageDictionaryTrainer, TrainsOnceItHasSeenEnoughTextAndOnlyOnce) {
  PassageDictionaryTrainer trainer;
  // 100 articles of 3 paragraphs of 600 bytes: about 180 KB a batch.
  EXPECT_EQ(trainer.offer(articles_of(1, 100, 3)), std::nullopt);
  EXPECT_EQ(trainer.offer(articles_of(2, 100, 3)), std::nullopt);
  const auto dictionary = trainer.offer(articles_of(3, 100, 3));
  ASSERT_TRUE(dictionary.has_value()) << "540 KB seen";
  EXPECT_LE(dictionary->bytes().size(), PassageDictionaryTrainer::kDictionaryBytes);
  const std::string text = test::passages_like(4, 1).front();
  EXPECT_LT(compact_text::compress(text, &*dictionary)->size(), compact_text::compress(text)->size());
  EXPECT_EQ(trainer.offer(articles_of(5, 300, 3)), std::nullopt) << "trained already";
}

TEST(PassageDictionaryTrainer, OneLongArticleIsCutIntoPassageSizedPieces) {
  // One article of 1,000 paragraphs: enough alone, in pieces ZDICT can learn from.
  PassageDictionaryTrainer trainer;
  EXPECT_TRUE(trainer.offer(articles_of(1, 1, 1000)).has_value());
  // A body without line breaks is cut at spaces.
  std::vector<Article> unbroken(1);
  for (const std::string& passage : test::passages_like(2, 1000)) unbroken[0].body += passage;
  EXPECT_TRUE(PassageDictionaryTrainer().offer(unbroken).has_value());
}

}  // namespace
}  // namespace cs::indexer
