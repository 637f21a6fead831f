#include "common/passage_text.hpp"

#include "common/compact_text.hpp"

namespace cs {

namespace {

constexpr char kStored = 0;
constexpr char kCompressed = 2;
// A passage holds at most 120 words, but a single long "word" (a URL, a run of CJK text) can
// stretch it; no text decodes to more than this.
constexpr std::size_t kMaxTextBytes = 16 * 1024 * 1024;

}  // namespace

std::string pack_passage_text(std::string_view text) {
  std::string packed;
  std::optional<std::string> frame;
  if (text.size() <= kMaxTextBytes) frame = compact_text::compress(text);  // else unpacking would refuse it
  if (frame) {
    packed.reserve(1 + frame->size());
    packed.push_back(kCompressed);
    packed.append(*frame);
  } else {
    packed.reserve(1 + text.size());
    packed.push_back(kStored);
    packed.append(text);
  }
  return packed;
}

std::optional<std::string> unpack_passage_text(std::string_view packed) {
  if (packed.empty()) return std::nullopt;
  const std::string_view body = packed.substr(1);
  if (packed[0] == kStored) return std::string(body);
  if (packed[0] != kCompressed) return std::nullopt;
  return compact_text::decompress(body, kMaxTextBytes);
}

}  // namespace cs
