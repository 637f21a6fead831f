#include "common/passage_terms.hpp"

#include <bit>
#include <cstring>

namespace cs {

namespace {

void put(std::string& out, std::uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

std::uint32_t get(std::string_view in, std::size_t at) {
  std::uint32_t value = 0;
  for (int byte = 0; byte < 4; ++byte) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + static_cast<std::size_t>(byte)])) << (8 * byte);
  }
  return value;
}

}  // namespace

std::string encode_article_terms(std::span<const std::uint32_t> title, std::span<const std::uint32_t> passage_starts,
                                 std::uint32_t word_count) {
  std::string out;
  out.reserve(4 * (3 + title.size() + passage_starts.size()));
  put(out, static_cast<std::uint32_t>(title.size()));
  put(out, static_cast<std::uint32_t>(passage_starts.size()));
  put(out, word_count);
  for (const std::uint32_t hash : title) put(out, hash);
  for (const std::uint32_t start : passage_starts) put(out, start);
  return out;
}

ArticleTermsRange decode_article_terms(std::string_view encoded, std::vector<std::uint32_t>& arena) {
  ArticleTermsRange range;
  constexpr std::size_t kHeaderWords = 3;
  if (encoded.size() < 4 * kHeaderWords || encoded.size() % 4 != 0) return range;
  const std::size_t words = encoded.size() / 4 - kHeaderWords;
  const std::uint32_t title_count = get(encoded, 0);
  const std::uint32_t passage_count = get(encoded, 4);
  const std::uint32_t word_count = get(encoded, 8);
  if (title_count > words || passage_count != words - title_count) return range;
  // Copied first, then checked where they are aligned words: reading each start twice byte
  // by byte to check it was 7,000 instructions an article of the speeches, 6% of a query.
  const std::size_t at = arena.size();
  arena.resize(at + words);
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(arena.data() + at, encoded.data() + 4 * kHeaderWords, 4 * words);
  } else {
    for (std::size_t i = 0; i < words; ++i) arena[at + i] = get(encoded, 4 * (i + kHeaderWords));
  }
  // Starts must rise from 0 within the words, or the passages' bounds would not hold.
  const std::uint32_t* starts = arena.data() + at + title_count;
  std::uint32_t previous = 0;
  bool rising = passage_count == 0 || starts[0] == 0;
  for (std::uint32_t k = 0; k < passage_count; ++k) {
    rising = rising && starts[k] >= previous && starts[k] <= word_count;
    previous = starts[k];
  }
  if (!rising) {
    arena.resize(at);
    return range;
  }
  range.title_begin = static_cast<std::uint32_t>(at);
  range.title_count = title_count;
  range.starts_begin = range.title_begin + title_count;
  range.passage_count = passage_count;
  range.word_count = word_count;
  return range;
}

}  // namespace cs
