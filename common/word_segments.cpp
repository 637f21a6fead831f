#include "common/word_segments.hpp"

#include <unicode/ubrk.h>
#include <unicode/uversion.h>

#include <array>
#include <optional>
#include <string>

#include "common/icu_segments.hpp"

namespace cs {

namespace {

// What an ASCII byte is to ICU's word rules (UAX #29's Word_Break property as ICU's root
// word.txt tailors it); every other ASCII byte ends a word and is none.
enum : std::uint8_t {
  kLetter = 1,      // ALetter: A-Z, a-z (and "@" in ICU 72 to 73.1)
  kDigit = 2,       // Numeric
  kUnderscore = 4,  // ExtendNumLet: joins letters and digits on either side (WB13a, WB13b)
  kMidNumLet = 8,   // "." and "'": between two letters or two digits (WB6, WB7, WB11, WB12)
  kMidNum = 16,     // "," and ";": between two digits (WB11, WB12)
  kMidLetter = 32,  // ":" between two letters, before ICU 72 (WB6, WB7)
  kSpace = 64,      // space, tab, line breaks: no rule joins across them
};
constexpr std::uint8_t kJoining = kLetter | kDigit | kUnderscore;

// The classes of the ICU this process runs with, and whether cutting by them gives what it
// gives. ICU's tailoring of "@" and ":" changed between releases (72 made "@" a letter and
// ":" no joiner; 73.2 made "@" none again), so those two are asked of ICU itself, and a
// set of texts that exercises every rule is cut both ways: should any differ, every text
// goes to ICU. A release whose answers are known (known_ascii_rules) is not asked.
struct AsciiRules {
  std::array<std::uint8_t, 256> classes{};
  bool agree_with_icu = false;

  std::uint8_t class_of(char c) const { return classes[static_cast<unsigned char>(c)]; }
};

bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// ASCII between two words that ICU cuts goes to ICU with them when it is this short.
constexpr std::uint32_t kShortAsciiRun = 16;

// ICU's rule status ranges for word segments that are words (letters, numbers, kana,
// ideographs) rather than spaces or punctuation: see ubrk.h, UWordBreak.
bool is_word_status(int32_t status) { return status >= UBRK_WORD_NONE_LIMIT; }

void icu_word_spans(icu::BreakIterator& words, std::string_view text, std::uint32_t begin, std::uint32_t end,
                    std::vector<Span>& out) {
  icu_segments::for_each(words, text.substr(begin, end - begin),
                         [&](std::uint32_t first, std::uint32_t last, int32_t status) {
                           if (is_word_status(status)) out.push_back(Span{begin + first, begin + last});
                         });
}

void ascii_word_spans(const AsciiRules& rules, std::string_view text, std::uint32_t begin, std::uint32_t end,
                      std::vector<Span>& out) {
  std::uint32_t at = begin;
  while (at < end) {
    if ((rules.class_of(text[at]) & kJoining) == 0) {
      ++at;
      continue;
    }
    const std::uint32_t start = at;
    bool letter_or_digit = false;
    for (;;) {
      const std::uint8_t current = rules.class_of(text[at]);
      letter_or_digit |= (current & (kLetter | kDigit)) != 0;
      if (++at == end) break;
      const std::uint8_t next = rules.class_of(text[at]);
      if ((next & kJoining) != 0) continue;
      if ((next & (kMidNumLet | kMidNum | kMidLetter)) == 0 || at + 1 == end) break;
      const std::uint8_t after = rules.class_of(text[at + 1]);
      const bool letters = (next & (kMidNumLet | kMidLetter)) != 0 && (current & kLetter) != 0 && (after & kLetter) != 0;
      const bool digits = (next & (kMidNumLet | kMidNum)) != 0 && (current & kDigit) != 0 && (after & kDigit) != 0;
      if (!letters && !digits) break;
      ++at;  // over the joiner, to the letter or digit after it
    }
    // Underscores alone are a word from two on ("__"), as ICU's rule 13a says; "_" is none.
    if (letter_or_digit || at - start >= 2) out.push_back(Span{start, at});
  }
}

// Whether ICU keeps `text` as one word.
bool one_word(icu::BreakIterator& words, std::string_view text) {
  std::vector<Span> spans;
  icu_word_spans(words, text, 0, static_cast<std::uint32_t>(text.size()), spans);
  return spans.size() == 1 && spans[0] == Span{0, static_cast<std::uint32_t>(text.size())};
}

// The classes every ICU release gives ASCII.
AsciiRules common_classes() {
  AsciiRules rules;
  auto& classes = rules.classes;
  for (std::size_t c = 'a'; c <= 'z'; ++c) classes[c] = kLetter;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) classes[c] = kLetter;
  for (std::size_t c = '0'; c <= '9'; ++c) classes[c] = kDigit;
  classes['_'] = kUnderscore;
  classes['.'] = kMidNumLet;
  classes['\''] = kMidNumLet;
  classes[','] = kMidNum;
  classes[';'] = kMidNum;
  for (const char c : {' ', '\t', '\n', '\r', '\v', '\f'}) classes[static_cast<unsigned char>(c)] = kSpace;
  return rules;
}

// The classes as this process's ICU cuts, and whether the table then agrees with it.
AsciiRules probe_ascii_rules() {
  AsciiRules rules = common_classes();
  auto& classes = rules.classes;
  const std::unique_ptr<icu::BreakIterator> words = icu_segments::make_iterator(icu_segments::Breaks::kWords);
  if (one_word(*words, "a@b")) classes['@'] = kLetter;
  if (one_word(*words, "a:b")) classes[':'] = kMidLetter;
  static constexpr std::string_view kProbes[] = {
      "Xi and Trump speak. The U.S. and 1,000.5 or 3.14.15 don't", "a..b a.1 1.a x:y 1:2 a:1 a-b a/b a#b a&b",
      "press@example.com @a a@ a.@b 1@a a@1 a@b-c", "_ __ ___ a_b 1_ _1 _x a_.b 1_,2 a._b 1__2",
      "1,5 1;5 1'5 a'b a' 'a a,b a;b 1.5a a.b1 1a.b x.1.y", "\t\r\n\v\f\"q\" (p) [b] {c} <d> ~e^f|g\\h`i$j%k*l+m=n?o!p",
  };
  rules.agree_with_icu = true;
  for (const std::string_view probe : kProbes) {
    std::vector<Span> ours, icus;
    ascii_word_spans(rules, probe, 0, static_cast<std::uint32_t>(probe.size()), ours);
    icu_word_spans(*words, probe, 0, static_cast<std::uint32_t>(probe.size()), icus);
    rules.agree_with_icu = rules.agree_with_icu && ours == icus;
  }
  return rules;
}

// ICU 72.1 (Debian bookworm's) as the probe reads it: "@" a letter, ":" no joiner, and the
// table agreeing. A process running that release takes them without the probe, whose word
// iterator and cuts took 60 us of a 2.9 ms `cs-search QUERY` (two thirds of its query's
// parse); tests/unit/common/word_segments_test.cpp runs the probe and holds it to these.
// Another release is probed.
std::optional<AsciiRules> known_ascii_rules() {
  UVersionInfo running;
  u_getVersion(running);
  if (running[0] != 72 || running[1] != 1) return std::nullopt;
  AsciiRules rules = common_classes();
  rules.classes['@'] = kLetter;
  rules.agree_with_icu = true;
  return rules;
}

const AsciiRules& ascii_rules() {
  static const AsciiRules rules = [] {
    if (auto known = known_ascii_rules()) return *known;
    return probe_ascii_rules();
  }();
  return rules;
}

}  // namespace

struct WordSegmenter::Icu {
  std::unique_ptr<icu::BreakIterator> words = icu_segments::make_iterator(icu_segments::Breaks::kWords);
};

WordSegmenter::WordSegmenter() = default;
WordSegmenter::WordSegmenter(WordSegmenter&&) noexcept = default;
WordSegmenter& WordSegmenter::operator=(WordSegmenter&&) noexcept = default;
WordSegmenter::~WordSegmenter() = default;

void WordSegmenter::segments(std::string_view text, std::vector<Span>& out) {
  const AsciiRules& rules = ascii_rules();
  const auto size = static_cast<std::uint32_t>(text.size());
  if (!rules.agree_with_icu) {
    icu_words(text, 0, size, out);
    return;
  }
  const auto is_space = [&](std::uint32_t at) { return rules.class_of(text[at]) == kSpace; };
  std::uint32_t at = 0;  // the text before `at` is cut
  while (at < size) {
    std::uint32_t high = at;
    while (high < size && !is_high(text[high])) ++high;
    if (high == size) {
      ascii_word_spans(rules, text, at, size, out);
      return;
    }
    // ICU's stretch runs from the start of the word holding that byte to the end of the last
    // word holding one that follows within kShortAsciiRun bytes of the one before: an ICU
    // call for every other word ("café de café") would cost more than cutting the ASCII
    // between them here saves.
    std::uint32_t icu_begin = high;
    while (icu_begin > at && !is_space(icu_begin - 1)) --icu_begin;
    ascii_word_spans(rules, text, at, icu_begin, out);
    std::uint32_t icu_end = high;
    for (;;) {
      while (icu_end < size && !is_space(icu_end)) ++icu_end;
      std::uint32_t next_high = icu_end;
      while (next_high < size && next_high - icu_end <= kShortAsciiRun && !is_high(text[next_high])) ++next_high;
      if (next_high == size || next_high - icu_end > kShortAsciiRun) break;
      icu_end = next_high;
    }
    icu_words(text, icu_begin, icu_end, out);
    at = icu_end;
  }
}

void WordSegmenter::icu_words(std::string_view text, std::vector<Span>& out) {
  icu_words(text, 0, static_cast<std::uint32_t>(text.size()), out);
}

void WordSegmenter::icu_words(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Span>& out) {
  if (!icu_) icu_ = std::make_unique<Icu>();
  icu_word_spans(*icu_->words, text, begin, end, out);
}

bool WordSegmenter::ascii_agrees_with_icu() { return ascii_rules().agree_with_icu; }

bool WordSegmenter::ascii_rules_known() { return known_ascii_rules().has_value(); }

bool WordSegmenter::known_ascii_rules_are_icus() {
  const std::optional<AsciiRules> known = known_ascii_rules();
  const AsciiRules probed = probe_ascii_rules();
  return known && known->classes == probed.classes && known->agree_with_icu == probed.agree_with_icu;
}

}  // namespace cs
