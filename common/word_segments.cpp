#include "common/word_segments.hpp"

#include <unicode/ubrk.h>

#include <array>
#include <stdexcept>
#include <string>

#include "common/icu_segments.hpp"

namespace cs {

namespace {

// What an ASCII byte is to ICU's word rules (ICU 72's root word.txt over UAX #29's
// Word_Break property); every other ASCII byte ends a word and is none.
enum : std::uint8_t {
  kLetter = 1,      // ALetter: A-Z, a-z and, in ICU's rules, "@"
  kDigit = 2,       // Numeric
  kUnderscore = 4,  // ExtendNumLet: joins letters and digits on either side (WB13a, WB13b)
  kMidNumLet = 8,   // "." and "'": between two letters or two digits (WB6, WB7, WB11, WB12)
  kMidNum = 16,     // "," and ";": between two digits (WB11, WB12)
  kSpace = 32,      // space, tab, line breaks: no rule joins across them
};
constexpr std::uint8_t kJoining = kLetter | kDigit | kUnderscore;

constexpr std::array<std::uint8_t, 256> make_classes() {
  std::array<std::uint8_t, 256> classes{};
  for (std::size_t c = 'a'; c <= 'z'; ++c) classes[c] = kLetter;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) classes[c] = kLetter;
  for (std::size_t c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  classes['@'] = kLetter;
  classes['_'] = kUnderscore;
  classes['.'] = kMidNumLet;
  classes['\''] = kMidNumLet;
  classes[','] = kMidNum;
  classes[';'] = kMidNum;
  for (const char c : {' ', '\t', '\n', '\r', '\v', '\f'}) classes[static_cast<unsigned char>(c)] = kSpace;
  return classes;
}
constexpr std::array<std::uint8_t, 256> kClasses = make_classes();

std::uint8_t class_of(char c) { return kClasses[static_cast<unsigned char>(c)]; }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// ICU's rule status ranges for word segments that are words (letters, numbers, kana,
// ideographs) rather than spaces or punctuation: see ubrk.h, UWordBreak.
bool is_word_status(int32_t status) { return status >= UBRK_WORD_NONE_LIMIT; }

}  // namespace

void ascii_word_segments(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Span>& out) {
  std::uint32_t at = begin;
  while (at < end) {
    if ((class_of(text[at]) & kJoining) == 0) {
      ++at;
      continue;
    }
    const std::uint32_t start = at;
    bool letter_or_digit = false;
    for (;;) {
      const std::uint8_t current = class_of(text[at]);
      letter_or_digit |= (current & (kLetter | kDigit)) != 0;
      if (++at == end) break;
      const std::uint8_t next = class_of(text[at]);
      if ((next & kJoining) != 0) continue;
      if ((next & (kMidNumLet | kMidNum)) == 0 || at + 1 == end) break;
      const std::uint8_t after = class_of(text[at + 1]);
      const bool letters = (next & kMidNumLet) != 0 && (current & kLetter) != 0 && (after & kLetter) != 0;
      const bool digits = (current & kDigit) != 0 && (after & kDigit) != 0;
      if (!letters && !digits) break;
      ++at;  // over the joiner, to the letter or digit after it
    }
    // Underscores alone are a word from two on ("__"), as ICU's rule 13a says; "_" is none.
    if (letter_or_digit || at - start >= 2) out.push_back(Span{start, at});
  }
}

struct WordSegmenter::Icu {
  std::unique_ptr<icu::BreakIterator> words;

  Icu() {
    UErrorCode status = U_ZERO_ERROR;
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !words) {
      throw std::runtime_error(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    }
  }
};

WordSegmenter::WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;
WordSegmenter::~WordSegmenter() = default;

void WordSegmenter::segments(std::string_view text, std::vector<Span>& out) {
  const auto size = static_cast<std::uint32_t>(text.size());
  std::uint32_t at = 0;  // the text before `at` is cut
  while (at < size) {
    std::uint32_t high = at;
    while (high < size && !is_high(text[high])) ++high;
    if (high == size) {
      ascii_word_segments(text, at, size, out);
      return;
    }
    // ICU's stretch runs from the start of the word holding that byte to the end of the last
    // of the words in a row that hold one.
    std::uint32_t icu_begin = high;
    while (icu_begin > at && class_of(text[icu_begin - 1]) != kSpace) --icu_begin;
    ascii_word_segments(text, at, icu_begin, out);
    std::uint32_t icu_end = high;
    for (;;) {
      while (icu_end < size && class_of(text[icu_end]) != kSpace) ++icu_end;
      std::uint32_t next = icu_end;
      while (next < size && class_of(text[next]) == kSpace) ++next;
      bool holds_high = false;
      std::uint32_t next_end = next;
      for (; next_end < size && class_of(text[next_end]) != kSpace; ++next_end) holds_high |= is_high(text[next_end]);
      if (!holds_high) break;
      icu_end = next_end;
    }
    icu_segments(text, icu_begin, icu_end, out);
    at = icu_end;
  }
}

void WordSegmenter::icu_segments(std::string_view text, std::vector<Span>& out) {
  icu_segments(text, 0, static_cast<std::uint32_t>(text.size()), out);
}

void WordSegmenter::icu_segments(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Span>& out) {
  if (!icu_) icu_ = std::make_unique<Icu>();
  icu_segments::for_each(*icu_->words, text.substr(begin, end - begin),
                         [&](std::uint32_t first, std::uint32_t last, int32_t status) {
                           if (is_word_status(status)) out.push_back(Span{begin + first, begin + last});
                         });
}

}  // namespace cs
