#include "indexer/clean/text_blocks.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace cs::indexer {

namespace {

// Horizontal white space, including the no-break space web pages are full of.
std::size_t leading_space(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') {
      ++i;
    } else if (s.substr(i).starts_with("\xC2\xA0")) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

std::string_view trim(std::string_view s) {
  s.remove_prefix(leading_space(s));
  while (!s.empty()) {
    const char c = s.back();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

// "- ", "* ", "+ ", "• " (U+2022), "· " (U+00B7) at the start of a line.
std::size_t bullet_length(std::string_view s) {
  static constexpr std::string_view kBullets[] = {"- ", "* ", "+ ", "\xE2\x80\xA2 ", "\xC2\xB7 "};
  for (const auto bullet : kBullets) {
    if (s.starts_with(bullet)) return bullet.size();
  }
  return 0;
}

}  // namespace

std::vector<TextBlock> plain_text_blocks(std::string_view text) {
  std::vector<TextBlock> blocks;
  bool blank_before = false;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view raw = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    std::string_view line = trim(raw);
    if (line.empty()) {
      blank_before = true;
      continue;
    }
    TextBlock block;
    block.after_blank = blank_before;
    block.indented = leading_space(raw) > 0;
    if (const std::size_t bullet = bullet_length(line); bullet > 0) {
      block.list_item = true;
      line = trim(line.substr(bullet));
    }
    block.text.assign(line);
    blank_before = false;
    if (!block.text.empty()) blocks.push_back(std::move(block));
  }
  return blocks;
}

namespace {

// The words that begin in `text`: where a byte other than a space, tab or line end follows
// one of them, or begins the text after one (`after_space`, left saying whether `text` ends
// in one). Without a branch a byte: called on every block and passage, the branchy loop was
// 2% of indexing (perf, speeches 10x).
std::size_t words_beginning(std::string_view text, unsigned& after_space) {
  std::size_t words = 0;
  for (const char c : text) {
    const unsigned space = static_cast<unsigned>(c == ' ') | static_cast<unsigned>(c == '\t') | static_cast<unsigned>(c == '\n');
    words += after_space & (space ^ 1u);
    after_space = space;
  }
  return words;
}

}  // namespace

std::size_t count_words(std::string_view text) {
  unsigned after_space = 1;
  return words_beginning(text, after_space);
}

std::size_t count_words_up_to(std::string_view text, std::size_t limit) {
  // A stretch at a time: the tests of short lines ran over whole speeches, one line each
  // (4% of indexing them).
  constexpr std::size_t kStretch = 256;
  unsigned after_space = 1;
  std::size_t words = 0;
  for (std::size_t at = 0; at < text.size() && words <= limit; at += kStretch) {
    words += words_beginning(text.substr(at, kStretch), after_space);
  }
  return words;
}

std::size_t reading_words(std::string_view text) {
  std::size_t ideographs = 0;  // U+3000 to U+9FFF: UTF-8 lead bytes 0xE3 to 0xE9
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0xE3 && byte <= 0xE9) ++ideographs;
  }
  return count_words(text) + ideographs / 2;
}

bool ends_sentence(std::string_view text) {
  while (true) {
    if (!text.empty() && (text.back() == '"' || text.back() == ')' || text.back() == ' ')) {
      text.remove_suffix(1);
    } else if (text.ends_with("\xE2\x80\x9D") || text.ends_with("\xE3\x80\x8D")) {  // ” and 」
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text.ends_with('.') || text.ends_with('!') || text.ends_with('?') || text.ends_with("\xE3\x80\x82");
}

std::vector<std::string> plain_words(std::string_view text) {
  std::vector<std::string> words(1);
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t at = 0; at < length;) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), at, length, c);
    const auto type = c < 0 ? 0 : u_charType(c);
    if (c >= 0 && (u_isalnum(c) || type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK)) {
      icu::UnicodeString(u_tolower(c)).toUTF8String(words.back());
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

}  // namespace cs::indexer
