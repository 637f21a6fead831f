#include "indexer/analyse/known_words.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace cs::indexer {
namespace {

TEST(KnownWords, AWordIsAddedOnceAndFoundAgain) {
  KnownWords known;
  const auto [taiwan, added] = known.find_or_add("taiwan");
  EXPECT_TRUE(added);
  known[taiwan].stem_term = "Ztaiwan";
  const auto [again, added_again] = known.find_or_add("taiwan");
  EXPECT_FALSE(added_again);
  EXPECT_EQ(again, taiwan);
  EXPECT_EQ(known[again].stem_term, "Ztaiwan");
  EXPECT_EQ(known.find("taiwan"), taiwan);
  EXPECT_EQ(known.find("taipei"), KnownWords::kNone);
  EXPECT_EQ(known.size(), 1u);
}

// Past the first table's 512 words the table grows and rehashes; every word keeps its
// entry, words differing by a byte or a prefix ("T" + word for a title's) are apart.
TEST(KnownWords, ManyWordsKeepTheirEntriesAsTheTableGrows) {
  KnownWords known;
  std::set<KnownWords::Index> indexes;
  for (int k = 0; k < 20000; ++k) {
    const std::string word = "w" + std::to_string(k);
    const auto [index, added] = known.find_or_add(word);
    ASSERT_TRUE(added) << word;
    known[index].stem_hash = static_cast<std::uint32_t>(k);
    indexes.insert(index);
    const auto [title, title_added] = known.find_or_add("T" + word);
    ASSERT_TRUE(title_added) << word;
    indexes.insert(title);
  }
  EXPECT_EQ(indexes.size(), 40000u);
  EXPECT_EQ(known.size(), 40000u);
  for (int k = 0; k < 20000; ++k) {
    const KnownWords::Index index = known.find("w" + std::to_string(k));
    ASSERT_NE(index, KnownWords::kNone) << k;
    EXPECT_EQ(known[index].word, "w" + std::to_string(k));
    EXPECT_EQ(known[index].stem_hash, static_cast<std::uint32_t>(k));
  }
  EXPECT_EQ(known.find("w20000"), KnownWords::kNone);
  EXPECT_EQ(known.find(""), KnownWords::kNone);
}

TEST(KnownWords, ClearForgetsEveryWord) {
  KnownWords known;
  for (int k = 0; k < 3000; ++k) known.find_or_add(std::to_string(k));
  known.clear();
  EXPECT_EQ(known.size(), 0u);
  EXPECT_EQ(known.find("7"), KnownWords::kNone);
  const auto [index, added] = known.find_or_add("7");
  EXPECT_TRUE(added);
  EXPECT_EQ(index, 0u);
  EXPECT_EQ(known.find("7"), 0u);
}

}  // namespace
}  // namespace cs::indexer
