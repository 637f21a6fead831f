#include "common/sentence_segments.hpp"

#include <unicode/uchar.h>

#include <array>
#include <cstdint>

#include "common/icu_segments.hpp"
#include "common/utf8.hpp"

namespace cs {

namespace {

// UAX #29's Sentence_Break values, Extend and Format as one (SB5 treats them alike).
enum Kind : std::uint8_t {
  kOther, kCR, kLF, kSep, kSp, kLower, kUpper, kOLetter, kNumeric, kATerm, kSTerm, kSContinue, kClose, kExtend
};

// The ASCII characters' values (SentenceBreakProperty.txt): none is Sep, OLetter or Extend.
constexpr std::array<Kind, 128> ascii_kinds() {
  std::array<Kind, 128> kinds{};
  kinds['\r'] = kCR;
  kinds['\n'] = kLF;
  for (const char c : {'\t', '\v', '\f', ' '}) kinds[static_cast<unsigned char>(c)] = kSp;
  for (char c = 'a'; c <= 'z'; ++c) kinds[static_cast<unsigned char>(c)] = kLower;
  for (char c = 'A'; c <= 'Z'; ++c) kinds[static_cast<unsigned char>(c)] = kUpper;
  for (char c = '0'; c <= '9'; ++c) kinds[static_cast<unsigned char>(c)] = kNumeric;
  kinds['.'] = kATerm;
  for (const char c : {'!', '?'}) kinds[static_cast<unsigned char>(c)] = kSTerm;
  for (const char c : {',', '-', ':'}) kinds[static_cast<unsigned char>(c)] = kSContinue;  // not ';'
  // Opening and closing punctuation, and the quotation marks (Line_Break QU).
  for (const char c : {'"', '\'', '(', ')', '[', ']', '{', '}'}) kinds[static_cast<unsigned char>(c)] = kClose;
  return kinds;
}
constexpr std::array<Kind, 128> kAsciiKinds = ascii_kinds();

Kind kind_of(char32_t c) {
  if (c < 0x80) return kAsciiKinds[c];
  switch (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK)) {
    case U_SB_CR: return kCR;
    case U_SB_LF: return kLF;
    case U_SB_SEP: return kSep;
    case U_SB_SP: return kSp;
    case U_SB_LOWER: return kLower;
    case U_SB_UPPER: return kUpper;
    case U_SB_OLETTER: return kOLetter;
    case U_SB_NUMERIC: return kNumeric;
    case U_SB_ATERM: return kATerm;
    case U_SB_STERM: return kSTerm;
    case U_SB_SCONTINUE: return kSContinue;
    case U_SB_CLOSE: return kClose;
    case U_SB_EXTEND:
    case U_SB_FORMAT: return kExtend;
    default: return kOther;
  }
}

bool is_para_sep(Kind k) { return k == kCR || k == kLF || k == kSep; }
bool is_terminal(Kind k) { return k == kATerm || k == kSTerm; }

// A character as the rules see it: its value and where it begins and ends, the Extend and
// Format characters after it included (SB5: they go with the character before them, unless
// that one ends a paragraph). False at a byte that is not valid UTF-8.
struct Unit {
  Kind kind = kOther;
  std::size_t begin = 0;
  std::size_t end = 0;
};

bool read_unit(std::string_view text, std::size_t at, Unit& unit) {
  const auto read_char = [&](std::size_t from, Kind& kind) -> std::size_t {
    const auto byte = static_cast<unsigned char>(text[from]);
    if (byte < 0x80) {
      kind = kAsciiKinds[byte];
      return 1;
    }
    char32_t c = 0;
    const std::size_t length = utf8::decode(text, from, c);
    kind = length == 0 ? kOther : kind_of(c);
    return length;
  };
  unit.begin = at;
  const std::size_t length = read_char(at, unit.kind);
  if (length == 0) return false;
  unit.end = at + length;
  if (is_para_sep(unit.kind)) return true;
  while (unit.end < text.size() && static_cast<unsigned char>(text[unit.end]) >= 0x80) {
    Kind next = kOther;
    const std::size_t more = read_char(unit.end, next);
    if (more == 0) return false;
    if (next != kExtend) break;
    unit.end += more;
  }
  return true;
}

// What the text before a position ends with, for SB8 to SB11: a terminal, then Close*,
// then Sp* (`terminal` kOther: it ends otherwise).
struct Ending {
  Kind terminal = kOther;
  bool spaces = false;

  void add(Kind k) {
    if (is_terminal(k)) {
      terminal = k;
      spaces = false;
    } else if (terminal != kOther && k == kClose && !spaces) {
      // Close* after the terminal: still its ending
    } else if (terminal != kOther && k == kSp) {
      spaces = true;
    } else {
      terminal = kOther;
    }
  }
};

// SB8's look-ahead: the first unit at or after a position that is a letter, a paragraph
// separator or a terminal, and whether it is a lower-case letter. Every position up to it
// finds the same one, so a run of spaces or brackets after a full stop is read once, not
// once a position (a review's "a." and a million ")" took quadratic time).
struct LookAhead {
  bool read = false;
  std::size_t stop = 0;  // where the unit found begins; the text's size when none was
  bool lower = false;

  bool finds_lower(const Unit& from, std::string_view text) {
    if (read && from.begin <= stop) return lower;
    Unit ahead = from;
    const auto stops = [](Kind k) {
      return k == kUpper || k == kLower || k == kOLetter || is_para_sep(k) || is_terminal(k);
    };
    while (!stops(ahead.kind) && ahead.end < text.size() && read_unit(text, ahead.end, ahead)) {
    }
    read = true;
    lower = ahead.kind == kLower;
    stop = stops(ahead.kind) ? ahead.begin : text.size();
    return lower;
  }
};

// Whether UAX #29 breaks between `before` (after `before_that`) and the unit `after` of
// `text`, the text before ending as `ending` says; its rules in order.
bool breaks_between(Kind before_that, Kind before, const Unit& after, const Ending& ending, std::string_view text,
                    LookAhead& look_ahead) {
  const Kind next = after.kind;
  if (before == kCR && next == kLF) return false;                                   // SB3
  if (is_para_sep(before)) return true;                                              // SB4
  if (before == kATerm && next == kNumeric) return false;                           // SB6
  if (before == kATerm && next == kUpper && (before_that == kUpper || before_that == kLower)) return false;  // SB7
  if (ending.terminal == kOther) return false;                                       // SB998
  if (ending.terminal == kATerm && look_ahead.finds_lower(after, text)) return false;  // SB8
  if (next == kSContinue || is_terminal(next)) return false;                        // SB8a
  if (!ending.spaces && (next == kClose || next == kSp || is_para_sep(next))) return false;  // SB9
  if (next == kSp || is_para_sep(next)) return false;                               // SB10
  return true;                                                                       // SB11
}

// Appends the sentences of `text` by the rules above, in one pass; false (and nothing
// appended) when it is not valid UTF-8, which ICU reads its own way.
bool rule_spans(std::string_view text, std::vector<Span>& out) {
  if (text.empty()) return true;
  const std::size_t first = out.size();
  Unit unit;
  if (!read_unit(text, 0, unit)) return false;
  Kind before_that = kOther;
  Kind before = unit.kind;
  Ending ending;
  ending.add(before);
  LookAhead look_ahead;
  std::size_t sentence = 0;
  while (unit.end < text.size()) {
    // An ASCII character before another is a unit alone (no Extend or Format is ASCII):
    // read inline, as nearly every character of English text is.
    const std::size_t at = unit.end;
    if (static_cast<unsigned char>(text[at]) < 0x80 &&
        (at + 1 == text.size() || static_cast<unsigned char>(text[at + 1]) < 0x80)) {
      unit = Unit{kAsciiKinds[static_cast<unsigned char>(text[at])], at, at + 1};
    } else if (!read_unit(text, at, unit)) {
      out.resize(first);
      return false;
    }
    if (breaks_between(before_that, before, unit, ending, text, look_ahead)) {
      out.push_back(Span{static_cast<std::uint32_t>(sentence), static_cast<std::uint32_t>(unit.begin)});
      sentence = unit.begin;
    }
    ending.add(unit.kind);
    before_that = before;
    before = unit.kind;
  }
  out.push_back(Span{static_cast<std::uint32_t>(sentence), static_cast<std::uint32_t>(text.size())});
  return true;
}

void icu_spans(icu::BreakIterator& iterator, std::string_view text, std::vector<Span>& out) {
  icu_segments::for_each(iterator, text, [&](std::uint32_t begin, std::uint32_t end, int32_t) {
    out.push_back(Span{begin, end});
  });
}

// Texts that meet every rule above, compared with this process's ICU once.
constexpr std::string_view kProbes[] = {
    "Xi met Biden. They spoke for two hours! Did they agree? \"No.\" (Not yet.) Talks resume.",
    "The U.S. and E.U. met at 3 p.m. on Jan. 5. Then 1.5 percent. etc. and so on.",
    "Wait... what?! She said: \"go.\" he left.\r\nNew line.\n\nA paragraph. 'Quoted.' [Bracket.] {x.}",
    "end.\"  \t Next. a.B c.d e. f ?, x!; y. - z. 5. 6.",
    "“No.” ‘Yes.’ — said Ана. Ещё раз. Café déjà vu. É. 中国。美国！日本？ x.\u0301 Y. a\u2029b. c\u00A0d.",
};

bool read_agreement() {
  const auto iterator = icu_segments::make_iterator(icu_segments::Breaks::kSentences);
  for (const std::string_view probe : kProbes) {
    std::vector<Span> ours, icus;
    if (!rule_spans(probe, ours)) return false;
    icu_spans(*iterator, probe, icus);
    if (ours != icus) return false;
  }
  return true;
}

}  // namespace

struct SentenceSegmenter::Icu {
  std::unique_ptr<icu::BreakIterator> iterator = icu_segments::make_iterator(icu_segments::Breaks::kSentences);
};

SentenceSegmenter::SentenceSegmenter() = default;
SentenceSegmenter::SentenceSegmenter(SentenceSegmenter&&) noexcept = default;
SentenceSegmenter& SentenceSegmenter::operator=(SentenceSegmenter&&) noexcept = default;
SentenceSegmenter::~SentenceSegmenter() = default;

bool SentenceSegmenter::rules_agree_with_icu() {
  static const bool agrees = read_agreement();
  return agrees;
}

void SentenceSegmenter::segments(std::string_view text, std::vector<Span>& out) {
  if (!rules_agree_with_icu() || !rule_spans(text, out)) icu_sentences(text, out);
}

void SentenceSegmenter::icu_sentences(std::string_view text, std::vector<Span>& out) {
  if (!icu_) icu_ = std::make_unique<Icu>();
  icu_spans(*icu_->iterator, text, out);
}

}  // namespace cs
