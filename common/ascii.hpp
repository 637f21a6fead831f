// ASCII-only text helpers, for markup, labels, charset names and numbers: places where
// Unicode case folding (Analyzer::fold) would be wrong or wasted, and where the C library's
// locale-dependent tolower must not decide.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

namespace cs {

// `text` with A-Z made a-z; every other byte (UTF-8 included) unchanged.
inline std::string ascii_lower(std::string_view text) {
  // Copied, then changed in place without a branch: a push_back a byte was 19 instructions a
  // byte (callgrind, cs-index on the speeches), 3% of indexing through Analyzer::fold and
  // the boilerplate tests that lower whole lines.
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c + ((static_cast<unsigned char>(c - 'A') < 26u) << 5));
  return out;
}

// `text` with a-z made A-Z; every other byte unchanged.
inline std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c - ((static_cast<unsigned char>(c - 'a') < 26u) << 5));
  return out;
}

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when `text` is one or more of 0-9.
inline bool all_ascii_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_digit);
}

// `text` without the spaces, tabs and line ends around it.
inline std::string_view ascii_trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace cs
