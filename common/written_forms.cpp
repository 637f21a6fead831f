#include "common/written_forms.hpp"

#include <algorithm>
#include <iterator>

#include "common/ascii.hpp"
#include "common/utf8.hpp"

namespace cs::written_forms {

namespace {

// U+2019 and U+02BC are the apostrophes typeset text uses; Snowball and users type U+0027.
constexpr std::string_view kApostrophes[] = {"\xE2\x80\x99", "\xCA\xBC"};

// The bytes of the apostrophe `text` opens with, ASCII or typeset; 0 when it opens with none.
std::size_t apostrophe_length(std::string_view text) {
  if (text.starts_with('\'')) return 1;
  for (const std::string_view typeset : kApostrophes) {
    if (text.starts_with(typeset)) return typeset.size();
  }
  return 0;
}

}  // namespace

// One pass, shrinking in place (each apostrophe becomes one byte).
void straighten_apostrophes(std::string& word) {
  std::size_t out = 0;
  for (std::size_t in = 0; in < word.size();) {
    const std::string_view rest = std::string_view(word).substr(in);
    const auto apostrophe = std::find_if(std::begin(kApostrophes), std::end(kApostrophes),
                                         [&](std::string_view a) { return rest.starts_with(a); });
    if (apostrophe != std::end(kApostrophes)) {
      word[out++] = '\'';
      in += apostrophe->size();
    } else {
      word[out++] = word[in++];
    }
  }
  word.resize(out);
}

bool is_apostrophe(std::string_view text) {
  return text == "'" || text == kApostrophes[0] || text == kApostrophes[1];
}

// "Jinping's" -> "Jinping", so the phrase "Xi Jinping" matches "Xi Jinping's" (the stem
// would lose the 's anyway; this makes the exact terms used for phrases agree), and
// "NATO's" is still an acronym. Cut from the text as written, before folding, so every
// later rule sees the word alone. English, but applied to every language: the possessive
// appears in German and Dutch too ("Peter's", and Dutch plurals "foto's" meet their
// singular), and a query cannot know the language of the articles it will meet.
std::string_view without_possessive(std::string_view surface) {
  if (surface.size() < 3 || (surface.back() != 's' && surface.back() != 'S')) return surface;
  const std::string_view rest = surface.substr(0, surface.size() - 1);
  for (const std::size_t apostrophe : {std::size_t{1}, std::size_t{2}, std::size_t{3}}) {
    if (rest.size() > apostrophe && is_apostrophe(rest.substr(rest.size() - apostrophe))) {
      return rest.substr(0, rest.size() - apostrophe);
    }
  }
  return surface;
}

// Whether `surface` may begin with an elision: an apostrophe (ASCII, or the first byte of
// a typeset one) within the bytes the longest elision and its mark take. A plain loop: the
// search elision_length makes was a sixth of highlighting a passage.
bool may_be_elided(std::string_view surface) {
  const std::size_t reach = std::min<std::size_t>(surface.size(), 7);
  for (std::size_t i = 1; i < reach; ++i) {
    const auto c = static_cast<unsigned char>(surface[i]);
    if (c == '\'' || c == 0xE2 || c == 0xCA) return true;
  }
  return false;
}

// "l'Assemblée" -> "Assemblée", "qu’il" -> "il", "dell'Unione" -> "Unione": the articles,
// pronouns and conjunctions French, Italian and Catalan write elided onto the next word are
// cut off, as Lucene's ElisionFilter does, or "Assemblée" would never find "l'Assemblée"
// (a new user's trial: a Le Monde page's title words were all unsearchable). Applied to
// every language, as the possessive is: a query cannot know its articles' languages. In
// English text it also cuts a few names and forms ("D'Souza" is "Souza", "c'mon" is
// "mon"); the query is cut alike, so they are still found. "quelqu'un" and "presqu'île"
// are words of their own and stay whole. Returns how many bytes of `surface` the elision
// takes.
std::size_t elision_length(std::string_view surface) {
  if (!may_be_elided(surface)) return 0;  // nearly every word: no apostrophe near its start
  static constexpr std::string_view kElided[] = {
      "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",                      // French
      "dell", "all", "dall", "nell", "sull", "coll", "gl", "un", "quest", "quell", "nessun", "sant", "tutt"};  // Italian
  const std::size_t apostrophe = surface.substr(0, 7).find_first_of("'\xE2\xCA");  // within the longest elision
  if (apostrophe == std::string_view::npos || apostrophe == 0 || apostrophe > 6) return 0;
  const std::string_view rest = surface.substr(apostrophe);
  const std::size_t mark = apostrophe_length(rest);
  if (mark == 0 || rest.size() <= mark) return 0;  // nothing after it: "rock n'"
  const std::string elided = ascii_lower(surface.substr(0, apostrophe));
  return std::find(std::begin(kElided), std::end(kElided), elided) != std::end(kElided) ? apostrophe + mark : 0;
}

// Letters of a Turkish suffix: lower case, Turkish's own among them (ç ğ ı ö ş ü, and â î û).
bool is_suffix_letter(char32_t c, bool& vowel) {
  static constexpr std::u32string_view kVowels = U"aeıioöuüâîû";
  static constexpr std::u32string_view kOthers = U"bcçdfgğhjklmnprsştvyzqwx";
  if (kVowels.find(c) != std::u32string_view::npos) return vowel = true;
  return kOthers.find(c) != std::u32string_view::npos;
}

// The letters of `text` (0 for anything else), and whether a vowel is among them.
std::size_t suffix_letters(std::string_view text, bool& vowel) {
  std::size_t letters = 0;
  for (std::size_t at = 0; at < text.size(); ++letters) {
    char32_t c = 0;
    const std::size_t length = utf8::decode(text, at, c);
    if (length == 0 || !is_suffix_letter(c, vowel)) return 0;
    at += length;
  }
  return letters;
}

// "İzmir'de" (in Izmir), "Erdoğan’ın" (Erdoğan's), "AB'ye" (to the EU): Turkish joins a
// proper noun's suffixes to it with an apostrophe, so that the name keeps its written form;
// Turkish articles are full of them, and "izmir" found none (a new user's trial). Cut where
// the first apostrophe stands after two letters or more and before a suffix: up to seven
// lower-case letters holding a vowel. Other words keep their apostrophes: a query is cut in
// Turkish too, and "O'Brien" had been Turkish "o" (he, she, it), "don't" "don".
std::string_view before_suffix(std::string_view surface) {
  constexpr std::size_t kLongestSuffix = 7;  // letters: "'daki", "'nınki", "'lerden"
  const std::size_t apostrophe = surface.find_first_of("'\xE2\xCA");
  if (apostrophe == std::string_view::npos) return surface;
  const std::string_view rest = surface.substr(apostrophe);
  const std::size_t mark = apostrophe_length(rest);
  if (mark == 0 || rest.size() <= mark) return surface;  // another character, or nothing after it
  const std::string_view name = surface.substr(0, apostrophe);
  const auto name_letters =
      static_cast<std::size_t>(std::count_if(name.begin(), name.end(), [](char c) { return !utf8::is_continuation(c); }));
  bool vowel = false;
  const std::size_t letters = suffix_letters(rest.substr(mark), vowel);
  if (name_letters < 2 || letters == 0 || letters > kLongestSuffix || !vowel) return surface;
  return name;
}

// What joins the words of a hyphenated name: ASCII hyphen-minus, U+2010 hyphen, U+2011
// non-breaking hyphen. Dashes (U+2013, U+2014) separate clauses and do not join.
bool is_hyphen(std::string_view between) {
  return between == "-" || between == "\xE2\x80\x90" || between == "\xE2\x80\x91";
}

}  // namespace cs::written_forms
