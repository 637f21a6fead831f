#include "common/passage_text.hpp"

#include <cstdint>

#include "common/compact_text.hpp"

namespace cs {

namespace {

constexpr char kStored = 0;
constexpr char kCompressed = 2;
// A passage holds at most 120 words, but a single long "word" (a URL, a run of CJK text) can
// stretch it; no compressed text decodes to more than this (a longer one is stored as is).
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
    if (shift == 28 && byte > 0x0F) return false;  // past 32 bits
    value |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

// Whether `sentences` cover `text` from its first byte to its last, in order.
bool cover(std::span<const Span> sentences, std::string_view text) {
  std::uint32_t at = 0;
  for (const Span& sentence : sentences) {
    if (sentence.begin != at || sentence.end < sentence.begin) return false;
    at = sentence.end;
  }
  return at == text.size();
}

}  // namespace

std::string pack_passage_text(std::string_view text, std::span<const Span> sentences,
                              const compact_text::Dictionary* dictionary) {
  // Sentences that do not cover the text (ICU failed to cut it) would make the passage
  // unreadable: the text is then one sentence.
  const Span whole{0, static_cast<std::uint32_t>(text.size())};
  if (!cover(sentences, text)) sentences = text.empty() ? std::span<const Span>() : std::span<const Span>(&whole, 1);
  std::string packed(1, kStored);
  put_varint(packed, static_cast<std::uint32_t>(sentences.size()));
  for (const Span& sentence : sentences) put_varint(packed, sentence.end - sentence.begin);
  std::optional<std::string> frame;
  if (text.size() <= kMaxTextBytes) frame = compact_text::compress(text, dictionary);  // else unpacking would refuse the frame
  if (frame) {
    packed[0] = kCompressed;
    packed.append(*frame);
  } else {
    packed.append(text);
  }
  return packed;
}

std::optional<PassageText> unpack_passage_text(std::string_view packed, const compact_text::DictionaryLookup& dictionaries) {
  if (packed.empty() || (packed[0] != kStored && packed[0] != kCompressed)) return std::nullopt;
  std::string_view rest = packed.substr(1);
  std::uint32_t count = 0;
  if (!get_varint(rest, count) || count > rest.size()) return std::nullopt;  // a byte a sentence at least
  PassageText passage;
  passage.sentences.reserve(count);
  std::uint64_t at = 0;
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t bytes = 0;
    if (!get_varint(rest, bytes) || at + bytes > UINT32_MAX) return std::nullopt;
    passage.sentences.push_back(Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + bytes)});
    at += bytes;
  }
  if (packed[0] == kStored) {
    passage.text.assign(rest);
  } else if (auto text = compact_text::decompress(rest, kMaxTextBytes, dictionaries)) {
    passage.text = std::move(*text);
  } else {
    return std::nullopt;
  }
  if (at != passage.text.size()) return std::nullopt;  // the sentences cover the text
  return passage;
}

}  // namespace cs
