#include "common/passage_terms.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cs {
namespace {

TEST(PassageTerms, DecodesWhatWasEncodedAfterWhatTheArenaHolds) {
  const std::vector<std::uint32_t> title = {7, 9};
  const std::vector<std::uint32_t> starts = {0, 4, 4, 10};
  std::vector<std::uint32_t> arena = {42};
  const ArticleTermsRange range = decode_article_terms(encode_article_terms(title, starts, 12), arena);
  EXPECT_EQ(range.title_begin, 1u);
  EXPECT_EQ(range.title_count, 2u);
  EXPECT_EQ(range.starts_begin, 3u);
  EXPECT_EQ(range.passage_count, 4u);
  EXPECT_EQ(range.word_count, 12u);
  EXPECT_EQ(arena, (std::vector<std::uint32_t>{42, 7, 9, 0, 4, 4, 10}));
}

TEST(PassageTerms, AStartMayBeTheWordCountAndAnArticleMayHaveNoPassage) {
  std::vector<std::uint32_t> arena;
  const ArticleTermsRange last = decode_article_terms(encode_article_terms({}, std::vector<std::uint32_t>{0, 12}, 12), arena);
  EXPECT_EQ(last.passage_count, 2u);
  const ArticleTermsRange none = decode_article_terms(encode_article_terms(std::vector<std::uint32_t>{7}, {}, 0), arena);
  EXPECT_EQ(none.passage_count, 0u);
  EXPECT_EQ(none.title_count, 1u);
  EXPECT_EQ(arena, (std::vector<std::uint32_t>{0, 12, 7}));
}

TEST(PassageTerms, RefusesStartsThatDoNotRiseFromZeroWithinTheWords) {
  const std::vector<std::uint32_t> title = {7};
  for (const std::vector<std::uint32_t>& starts : std::vector<std::vector<std::uint32_t>>{
           {1, 4}, {0, 5, 3}, {0, 13}, {0, 4, 12, 2}}) {
    std::vector<std::uint32_t> arena = {42};
    const ArticleTermsRange range = decode_article_terms(encode_article_terms(title, starts, 12), arena);
    EXPECT_EQ(range.passage_count, 0u);
    EXPECT_EQ(range.title_count, 0u);
    EXPECT_EQ(arena, std::vector<std::uint32_t>{42}) << "the arena keeps only what it held";
  }
}

TEST(PassageTerms, RefusesATruncatedOrMiscountedValue) {
  std::vector<std::uint32_t> arena;
  std::string encoded = encode_article_terms(std::vector<std::uint32_t>{7}, std::vector<std::uint32_t>{0, 3}, 5);
  EXPECT_EQ(decode_article_terms(encoded.substr(0, encoded.size() - 1), arena).passage_count, 0u);
  EXPECT_EQ(decode_article_terms(encoded.substr(0, encoded.size() - 4), arena).passage_count, 0u);
  EXPECT_EQ(decode_article_terms("", arena).passage_count, 0u);
  EXPECT_TRUE(arena.empty());
  EXPECT_EQ(decode_article_terms(encoded, arena).passage_count, 2u);
}

}  // namespace
}  // namespace cs
