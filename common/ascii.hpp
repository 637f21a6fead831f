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
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return out;
}

// `text` with a-z made A-Z; every other byte unchanged.
inline std::string ascii_upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  return out;
}

// True when `text` is one or more of 0-9.
inline bool all_ascii_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `text` without the spaces, tabs and line ends around it.
inline std::string_view ascii_trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace cs
