#include "common/passage_terms.hpp"

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

std::string encode_passage_terms(std::uint32_t passage_index, std::span<const std::uint32_t> title,
                                 std::span<const std::uint32_t> text) {
  std::string out;
  out.reserve(4 * (2 + title.size() + text.size()));
  put(out, passage_index);
  put(out, static_cast<std::uint32_t>(title.size()));
  for (const std::uint32_t hash : title) put(out, hash);
  for (const std::uint32_t hash : text) put(out, hash);
  return out;
}

PassageTermsRange decode_passage_terms(std::string_view encoded, std::vector<std::uint32_t>& arena) {
  PassageTermsRange range;
  constexpr std::size_t kHeaderWords = 2;
  if (encoded.size() < 4 * kHeaderWords || encoded.size() % 4 != 0) return range;
  const std::size_t words = encoded.size() / 4 - kHeaderWords;
  const std::uint32_t title_count = get(encoded, 4);
  if (title_count > words) return range;
  range.passage_index = get(encoded, 0);
  range.title_begin = static_cast<std::uint32_t>(arena.size());
  range.title_count = title_count;
  range.text_begin = range.title_begin + title_count;
  range.text_count = static_cast<std::uint32_t>(words - title_count);
  for (std::size_t i = 0; i < words; ++i) arena.push_back(get(encoded, 4 * (i + kHeaderWords)));
  return range;
}

}  // namespace cs
