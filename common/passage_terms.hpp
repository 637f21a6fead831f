// What the second stage needs of an article besides Xapian's positions: where each passage
// begins (the index of its first word; word i has position i + 1 in the article's
// positional stems) and the title's stem hashes. The searcher reads the positions of the
// query's stems for the articles it re-ranks, places them in passages by these starts, and
// scores the passages (passage_scoring.hpp), so that no text is analysed at query time and
// the work grows with the matches, not with the article's length. Written by the indexer
// into a value slot (schema::kArticleTermsSlot).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

// FNV-1a over the stem's bytes. Stable across builds and machines: it is stored.
constexpr std::uint32_t term_hash(std::string_view stem) {
  std::uint32_t hash = 2166136261u;
  for (const char c : stem) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

// Little-endian: [title count] [passage count] [word count] [title hashes] [passage
// starts]; passage K's words run from its start to the next passage's (or the word count).
std::string encode_article_terms(std::span<const std::uint32_t> title, std::span<const std::uint32_t> passage_starts,
                                 std::uint32_t word_count);

// Appends the title hashes and passage starts of `encoded` to `arena` and says where each
// lies in it. An empty or malformed value decodes as no title and no passages (the article
// is then scored by BM25 alone, and shows its first passage).
struct ArticleTermsRange {
  std::uint32_t title_begin = 0;
  std::uint32_t title_count = 0;
  std::uint32_t starts_begin = 0;
  std::uint32_t passage_count = 0;
  std::uint32_t word_count = 0;
};
ArticleTermsRange decode_article_terms(std::string_view encoded, std::vector<std::uint32_t>& arena);

}  // namespace cs
