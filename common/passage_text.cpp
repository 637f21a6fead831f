#include "common/passage_text.hpp"

#include "common/compact_text.hpp"

namespace cs {

namespace {

constexpr char kStored = 0;
constexpr char kCompressed = 2;
// A passage holds at most 120 words, but a single long "word" (a URL, a run of CJK text) can
// stretch it; no text decodes to more than this.
constexpr std::size_t kMaxTextBytes = 16 * 1024 * 1024;

void put_varint(std::string& out, std::uint32_t value) {
  for (; value >= 0x80; value >>= 7) out.push_back(static_cast<char>((value & 0x7F) | 0x80));
  out.push_back(static_cast<char>(value));
}

bool get_varint(std::string_view& in, std::uint32_t& value) {
  value = 0;
  for (unsigned shift = 0; shift < 32 && !in.empty(); shift += 7) {
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

std::string pack_passage_text(std::string_view text, std::span<const Span> sentences) {
  std::string packed(1, kStored);
  put_varint(packed, static_cast<std::uint32_t>(sentences.size()));
  for (const Span& sentence : sentences) put_varint(packed, sentence.end - sentence.begin);
  std::optional<std::string> frame;
  if (text.size() <= kMaxTextBytes) frame = compact_text::compress(text);  // else unpacking would refuse it
  if (frame) {
    packed[0] = kCompressed;
    packed.append(*frame);
  } else {
    packed.append(text);
  }
  return packed;
}

std::optional<PassageText> unpack_passage_text(std::string_view packed) {
  if (packed.empty() || (packed[0] != kStored && packed[0] != kCompressed)) return std::nullopt;
  std::string_view rest = packed.substr(1);
  std::uint32_t count = 0;
  if (!get_varint(rest, count) || count > rest.size()) return std::nullopt;  // a byte a sentence at least
  PassageText passage;
  passage.sentences.reserve(count);
  std::uint32_t at = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t bytes = 0;
    if (!get_varint(rest, bytes) || bytes > kMaxTextBytes - at) return std::nullopt;
    passage.sentences.push_back(Span{at, at + bytes});
    at += bytes;
  }
  if (packed[0] == kStored) {
    passage.text.assign(rest);
  } else if (auto text = compact_text::decompress(rest, kMaxTextBytes)) {
    passage.text = std::move(*text);
  } else {
    return std::nullopt;
  }
  if (at != passage.text.size()) return std::nullopt;  // the sentences cover the text
  return passage;
}

}  // namespace cs
