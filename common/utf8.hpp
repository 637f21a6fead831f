// UTF-8 validation and repair (RFC 3629), for text that arrives from untrusted files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cs::utf8 {

// Decodes the sequence at text[at] into `code_point`; returns its length in bytes, or 0 when
// it is not valid UTF-8 (truncated, overlong, a surrogate, or past U+10FFFF).
std::size_t decode(std::string_view text, std::size_t at, char32_t& code_point);

// True when all of `text` is valid UTF-8.
bool is_valid(std::string_view text);

// `text` with each invalid byte replaced by U+FFFD; `replaced` (if given) counts them.
std::string repair(std::string_view text, std::size_t* replaced = nullptr);

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

// Whether `byte` continues a sequence (10xxxxxx) rather than beginning a character.
inline bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Where to cut `text` at byte `at` without splitting a character: the nearest character
// boundary at or before it, or at or after it (text.size() at most).
inline std::size_t boundary_at_or_before(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && is_continuation(text[at])) --at;
  return at;
}
inline std::size_t boundary_at_or_after(std::string_view text, std::size_t at) {
  while (at < text.size() && is_continuation(text[at])) ++at;
  return at;
}

}  // namespace cs::utf8
