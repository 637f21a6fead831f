// Cuts text into normalised words and sentences and stems words: the one analysis shared by
// the indexer and the searcher, so index terms and query terms cannot drift apart.
// Built on ICU (UAX #29 word and sentence breaks, dictionary segmentation for Chinese and
// Japanese, NFKC case folding) and Xapian's Snowball stemmers.
#pragma once

#include <bitset>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/span.hpp"

namespace cs {

// One word of analysed text.
struct Token {
  std::string word;         // NFKC + case folded, accents folded, traditional Chinese simplified;
                            // ASCII apostrophes; possessive "'s" dropped; in Turkish, a name's
                            // suffix after its apostrophe too ("İzmir'de" is "izmir")
  std::uint32_t begin = 0;  // byte span in the analysed text, [begin, end)
  std::uint32_t end = 0;
  // A second form of the word, indexed at the same position, or empty:
  // - an acronym ("U.S.", "US", "NATO") has word "u.s" / "u.s" / "n.a.t.o", so it never
  //   meets the common word "us", and alternative "us" / "us" / "nato", so lower-case
  //   queries still find it;
  // - the first word of a hyphenated chain ("Ing-wen", "e-mail") carries the chain joined
  //   ("ingwen", "email"), so it matches when written as one word. Its text ends at
  //   alternative_end.
  std::string alternative;
  std::uint32_t alternative_end = 0;

  bool is_acronym() const { return !alternative.empty() && alternative_end == end; }
  // The word as plain letters: an acronym's undotted form, else the word.
  const std::string& plain_form() const { return is_acronym() ? alternative : word; }
};

// Not thread-safe: give each thread its own Analyzer (copying one is cheap).
class Analyzer {
 public:
  // `stem_language` is a Snowball language Xapian knows ("english"), or "none".
  explicit Analyzer(std::string_view stem_language = "english");
  Analyzer(const Analyzer& other);
  Analyzer& operator=(const Analyzer&) = delete;
  ~Analyzer();

  // Stems in `stem_language` from now on: a Snowball language Xapian knows, or "none" (see stemmer_for in language.hpp).
  // Cheap to switch back and forth. Throws Xapian::InvalidArgumentError for an unknown one.
  void set_language(std::string_view stem_language);
  const std::string& language() const;

  // Appends the words of `text` (UTF-8; invalid bytes are never produced as words) to `out`,
  // in text order, with their alternative forms (see Token). Punctuation and spaces are not words; words longer than kMaxWordBytes
  // after normalising are dropped (they are not searchable text).
  void tokenize(std::string_view text, std::vector<Token>& out);
  // The same, but only the words that may begin with one of `first_bytes` (ASCII, lower
  // case): a word written with another ASCII letter first is skipped unread, unless a hyphen
  // or a letter beyond ASCII touches it (it may join a hyphenated chain, or fold to another
  // letter). Highlighting looks for a few words in a passage, and reading every word of it
  // was most of its cost.
  void tokenize(std::string_view text, std::vector<Token>& out, const std::bitset<256>& first_bytes);

  // Chinese characters are cut as Chinese (simplified first) unless the text holds kana,
  // which make it Japanese (cut as written, each word then simplified). Kanji alone may be
  // either, and the two cut some apart ("東京都": 东|京都 as Chinese, 东京|都 as Japanese):
  // appends the words of `text` read as Japanese and returns true when it holds Chinese
  // characters and no kana; else returns false and appends nothing.
  bool tokenize_kanji_as_japanese(std::string_view text, std::vector<Token>& out);

  // Appends the sentences of `text` to `out` as byte spans covering the whole text.
  void sentences(std::string_view text, std::vector<Span>& out);

  // The stem of a normalised word; the word itself when the language has no stemmer, the
  // word starts with a digit or is dotted ("u.s", "e.g": acronyms and abbreviations). In
  // Turkish the stem of the name before an apostrophe ("izmir'de" stems as "izmir"), so that
  // a query's word, cut in no language, meets what tokenize gives Turkish text.
  // The reference is valid until the next call.
  const std::string& stem(const std::string& word);

  // Whether every stem in the current language begins with its word's first byte (or is
  // empty: Porter's stem of "s"), so that a search for given stems may pass over words that
  // begin otherwise without stemming them: true for English (Snowball's English and
  // Porter's stemmers change a word's ending only; even their exceptions, "dying" -> "die",
  // keep the first letter) and for no stemmer.
  bool stems_keep_first_byte() const;

  // NFKC case folding, accent folding (Latin, Greek, Cyrillic; the dot NFKC case folding
  // leaves of Turkish's "İ" too) and traditional to
  // simplified Chinese of arbitrary text, as applied to each word (for field values).
  // Not thread-safe either (it memoises Chinese words).
  std::string fold(std::string_view text) const;

  // German's longest compounds in use run to about 70 letters (a new user's trial:
  // "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung", 67, was
  // unsearchable at 64 bytes); past this a "word" is a code or a pasted blob.
  static constexpr std::size_t kMaxWordBytes = 128;
  // Undotted capitals read as an acronym: "EU" and "ASEAN", not "TAIWAN".
  static constexpr std::size_t kMaxAcronymLetters = 5;
  // Hyphenated chains joined into one alternative: "mother-in-law", not whole lists.
  static constexpr std::size_t kMaxJoinedParts = 4;

 private:
  struct Impl;
  enum class Cjk { kByScript, kJapanese };
  void tokenize_words(std::string_view text, std::vector<Token>& out, const std::bitset<256>* first_bytes,
                      Cjk cjk = Cjk::kByScript);

  std::unique_ptr<Impl> impl_;
};

}  // namespace cs
