// The compact form of a passage's words that the second-stage scoring loop reads: one 32-bit
// hash per stem, in text order (the index of a hash is the word's position), plus the
// title's. Written by the indexer into a value slot (schema::kPassageTermsSlot), read back
// by the searcher for the candidates it re-ranks, so that no text is analysed at query time.
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

// Little-endian: [passage index] [title count] [title hashes] [passage hashes]. The index
// rides along so the searcher reads one value per candidate.
std::string encode_passage_terms(std::uint32_t passage_index, std::span<const std::uint32_t> title,
                                 std::span<const std::uint32_t> text);

// Appends the hashes of `encoded` to `arena` and says where they lie in it. An empty or
// malformed value decodes as no words at all (the passage is then scored by BM25 alone).
struct PassageTermsRange {
  std::uint32_t passage_index = 0;
  std::uint32_t title_begin = 0;
  std::uint32_t title_count = 0;
  std::uint32_t text_begin = 0;
  std::uint32_t text_count = 0;
};
PassageTermsRange decode_passage_terms(std::string_view encoded, std::vector<std::uint32_t>& arena);

}  // namespace cs
