#include "common/analyzer.hpp"

#include "common/ascii.hpp"
#include "common/korean_particles.hpp"
#include "common/sentence_segments.hpp"
#include "common/simplified_chinese.hpp"
#include "common/utf8.hpp"
#include "common/word_segments.hpp"
#include "common/written_forms.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <xapian.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <unordered_map>

namespace cs {

namespace {

using written_forms::before_suffix;
using written_forms::elision_length;
using written_forms::is_apostrophe;
using written_forms::is_hyphen;
using written_forms::straighten_apostrophes;
using written_forms::without_possessive;

// Stems are memoised; news vocabulary is Zipfian, so a bounded cache hits nearly always.
// Cleared wholesale when full: simpler than LRU and just as good for that distribution.
constexpr std::size_t kStemCacheEntries = 1 << 17;

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || normalizer == nullptr) {
    throw std::runtime_error(std::string("ICU NFKC_Casefold unavailable: ") + u_errorName(status));
  }
  return *normalizer;
}

// Whether UTF-8 `text` may hold a combining diacritic of the kind Latin, Greek and Cyrillic
// letters take (U+0300 to U+036F, lead bytes CC and CD; the extended and supplementary
// blocks U+1AB0 to U+1AFF and U+1DC0 to U+1DFF): one byte scan, where asking ICU each
// character's type sent every Devanagari, Thai, Arabic or Hebrew word, whose marks stay, down
// the slow path (54 to 117 ns a word in the review's measure).
bool may_hold_diacritic(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte == 0xCC || byte == 0xCD) return true;
    if (byte == 0xE1 && at + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[at + 1]);
      if (next == 0xAA || next == 0xAB || next == 0xB7) return true;
    }
  }
  return false;
}

// Accents are folded for matching ("Brzeziński" ~ "Brzezinski", "café" ~ "cafe"): marks on
// Latin, Greek and Cyrillic letters go. Marks elsewhere carry meaning (Devanagari vowel
// signs, Thai tones) and stay. Input is NFKC case folded; the result is NFC.
std::string fold_accents(const std::string& folded) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return folded;
  const icu::UnicodeString original = icu::UnicodeString::fromUTF8(folded);
  // NFKC output that is already NFD holds no precomposed accented letters (Chinese, plain
  // Latin, ...), the common case for non-ASCII words: nothing to fold unless it holds a
  // combining mark that has no precomposed letter to join. Case folding makes Turkish's
  // capital dotted I such a mark: "İstanbul" is "i" + U+0307 + "stanbul" (a new user's trial:
  // "istanbul" found none of them).
  const bool decomposed_already = nfd->isNormalized(original, status) && U_SUCCESS(status);
  if (decomposed_already && !may_hold_diacritic(folded)) return folded;
  const icu::UnicodeString decomposed = decomposed_already ? original : nfd->normalize(original, status);
  if (U_FAILURE(status)) return folded;
  icu::UnicodeString kept;
  UScriptCode base_script = USCRIPT_COMMON;
  bool removed = false;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK &&
        (base_script == USCRIPT_LATIN || base_script == USCRIPT_GREEK || base_script == USCRIPT_CYRILLIC)) {
      removed = true;
      continue;
    }
    if (u_charType(c) != U_NON_SPACING_MARK) base_script = uscript_getScript(c, &status);
    kept.append(c);
  }
  if (!removed) return folded;
  std::string out;
  nfc->normalize(kept, status).toUTF8String(out);
  return U_FAILURE(status) ? folded : out;
}

// Latin letters with a stroke, and ligatures, have no decomposition to drop a mark from:
// they are spelt as their base letters, as Lucene's ASCIIFoldingFilter spells them, so
// "Lodz" finds "Łódź" and "aeroskobing" "Ærøskøbing". Input is case folded (lower case).
void fold_unmarked_letters(std::string& word) {
  static constexpr std::pair<std::string_view, std::string_view> kSpelt[] = {
      {"\u0142", "l"},  {"\u00F8", "o"}, {"\u0111", "d"},  {"\u0127", "h"}, {"\u0167", "t"},
      {"\u0131", "i"},  {"\u00E6", "ae"}, {"\u0153", "oe"}, {"\u00F0", "d"}, {"\u00FE", "th"}};
  for (const auto& [letter, spelt] : kSpelt) {
    for (std::size_t at = word.find(letter); at != std::string::npos; at = word.find(letter, at + spelt.size())) {
      word.replace(at, letter.size(), spelt);
    }
  }
}

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// The acronym form of a word as written, or "" when it is not one: "U.S" (ICU keeps the
// inner dots and leaves the last one out), "US" and "NATO" give "u.s", "u.s", "n.a.t.o".
// Capital ASCII letters, a dot after every letter or after none; undotted ones are short,
// so that a shouted "TAIWAN" stays a word.
std::string acronym_form(std::string_view surface) {
  const bool dotted = surface.size() >= 3 && surface[1] == '.';
  std::string form;
  std::size_t letters = 0;
  for (std::size_t i = 0; i < surface.size(); ++i) {
    const char c = surface[i];
    if (dotted && i % 2 == 1) {
      if (c != '.') return {};
      continue;
    }
    if (c < 'A' || c > 'Z') return {};
    if (!form.empty()) form.push_back('.');
    form.push_back(static_cast<char>(c - 'A' + 'a'));
    ++letters;
  }
  if (letters < 2 || (!dotted && letters > Analyzer::kMaxAcronymLetters)) return {};
  return form;
}

// The acronym's letters alone: "u.s" -> "us".
std::string undotted(std::string_view acronym) {
  std::string letters;
  for (const char c : acronym) {
    if (c != '.') letters.push_back(c);
  }
  return letters;
}

// True when UTF-8 `text` may hold CJK ideographs (U+3400..U+9FFF lead with 0xE3..0xE9): a
// cheap test before asking ICU, false for Latin, Greek, Cyrillic and most other scripts.
bool may_hold_ideographs(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0xE3 && byte <= 0xE9;
  });
}

// Hiragana or katakana (U+3040 to U+30FF, UTF-8 E3 81 80 to E3 83 BF; halfwidth katakana
// U+FF65 to U+FF9F): Japanese, whose kanji are not to be simplified before ICU cuts them.
bool holds_kana(std::string_view text) {
  for (std::size_t at = text.find('\xE3'); at != std::string_view::npos && at + 2 < text.size(); at = text.find('\xE3', at + 1)) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    if (second >= 0x81 && second <= 0x83) return true;
  }
  for (std::size_t at = text.find('\xEF'); at != std::string_view::npos && at + 2 < text.size(); at = text.find('\xEF', at + 1)) {
    const auto second = static_cast<unsigned char>(text[at + 1]);
    const auto third = static_cast<unsigned char>(text[at + 2]);
    if ((second == 0xBD && third >= 0xA5) || (second == 0xBE && third <= 0x9F)) return true;
  }
  return false;
}

}  // namespace

// Turkish joins a name's case suffix to it after an apostrophe ("İzmir'de"): in Turkish text
// the word is the name (written_forms::before_suffix). Xapian names its stemmer "turkish".
bool cuts_suffix_after_apostrophe(std::string_view stem_language) { return stem_language == "turkish"; }

// One language's stemmer and its memo of stems.
struct Stemming {
  Xapian::Stem stemmer;
  bool stems = false;
  bool cuts_suffix = false;  // cuts_suffix_after_apostrophe
  std::unordered_map<std::string, std::string> cache;
};

struct Analyzer::Impl {
  WordSegmenter words;
  std::vector<Span> word_spans;  // tokenize's, kept for its capacity
  SentenceSegmenter sentences;
  // Loaded at the first text that is not ASCII: ICU's NFKC_Casefold data took 40 us of a
  // 2.9 ms `cs-search QUERY`, whose English query and passages never need it.
  const icu::Normalizer2* normalizer = nullptr;
  // Every language used so far keeps its stemmer and memo: an indexer switches language per
  // article, and a query is stemmed in each language of the index.
  std::map<std::string, Stemming, std::less<>> stemmings;
  std::string language;
  Stemming* current = nullptr;
  // Traditional Chinese characters fold to simplified ones ("習近平" ~ "习近平"), character by
  // character and in place, so that both scripts are segmented alike and byte offsets stay
  // those of the original text. Memoised per character; the transliterator is built on the
  // first ideograph.
  TraditionalToSimplified traditional_to_simplified;
  std::unordered_map<char32_t, std::string> simplified_of;  // UTF-8 of the swap; "" for none

  const std::string& simplified(char32_t c) {
    if (auto found = simplified_of.find(c); found != simplified_of.end()) return found->second;
    const char32_t to = traditional_to_simplified(c);
    std::string swapped;
    // Only a one-for-one swap of the same UTF-8 length keeps offsets true.
    if (to != c && to >= 0x800 && to <= 0xFFFF) {  // three bytes of UTF-8 (never a surrogate: see operator())
      swapped = {static_cast<char>(0xE0 | (to >> 12)), static_cast<char>(0x80 | ((to >> 6) & 0x3F)),
                 static_cast<char>(0x80 | (to & 0x3F))};
    }
    return simplified_of.emplace(c, std::move(swapped)).first->second;
  }

  void simplify_in_place(std::string& text) {
    if (!may_hold_ideographs(text)) return;
    for (std::size_t at = 0; at < text.size();) {
      char32_t c = 0;
      const std::size_t length = utf8::decode(text, at, c);
      if (length == 0) {
        ++at;
        continue;
      }
      if (c >= 0x3400 && c <= 0x9FFF) {  // CJK Unified Ideographs and Extension A: 3 bytes each
        if (const std::string& swapped = simplified(c); !swapped.empty()) text.replace(at, 3, swapped);
      }
      at += length;
    }
  }

  // NFKC case folding, apostrophes, accents and (when `simplify`) traditional Chinese: see
  // Analyzer::fold. tokenize() simplifies the whole text once and passes false.
  std::string fold(std::string_view text, bool simplify) {
    if (is_ascii(text)) return ascii_lower(text);  // NFKC case folding of ASCII is exactly this
    std::string out;
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
    if (normalizer == nullptr) normalizer = &nfkc_casefold();
    normalizer->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr,
                              status);
    if (U_FAILURE(status)) out.clear();
    straighten_apostrophes(out);
    std::string folded = fold_accents(out);
    fold_unmarked_letters(folded);
    if (simplify) simplify_in_place(folded);
    return folded;
  }

  explicit Impl(std::string_view stem_language) { select(stem_language); }

  void select(std::string_view stem_language) {
    auto found = stemmings.find(stem_language);
    if (found == stemmings.end()) {
      Stemming stemming;
      if (stem_language == kKoreanStemmer) {
        stemming.stemmer = Xapian::Stem(new KoreanParticles());
        stemming.stems = true;
      } else if (!stem_language.empty() && stem_language != "none") {
        stemming.stemmer = Xapian::Stem(std::string(stem_language));  // throws InvalidArgumentError if unknown
        stemming.stems = true;
      }
      stemming.cuts_suffix = cuts_suffix_after_apostrophe(stem_language);
      found = stemmings.emplace(std::string(stem_language), std::move(stemming)).first;
    }
    language = found->first;
    current = &found->second;
  }
};

Analyzer::Analyzer(std::string_view stem_language) : impl_(std::make_unique<Impl>(stem_language)) {}
Analyzer::Analyzer(const Analyzer& other) : impl_(std::make_unique<Impl>(other.impl_->language)) {}
Analyzer::~Analyzer() = default;

void Analyzer::set_language(std::string_view stem_language) {
  if (stem_language != impl_->language) impl_->select(stem_language);
}

const std::string& Analyzer::language() const { return impl_->language; }

std::string Analyzer::fold(std::string_view text) const { return impl_->fold(text, /*simplify=*/true); }

void Analyzer::tokenize(std::string_view text, std::vector<Token>& out) { tokenize_words(text, out, nullptr); }

void Analyzer::tokenize(std::string_view text, std::vector<Token>& out, const std::bitset<256>& first_bytes) {
  tokenize_words(text, out, &first_bytes);
}

bool Analyzer::tokenize_kanji_as_japanese(std::string_view text, std::vector<Token>& out) {
  if (!may_hold_ideographs(text) || holds_kana(text)) return false;
  tokenize_words(text, out, nullptr, Cjk::kJapanese);
  return true;
}

void Analyzer::tokenize_words(std::string_view original, std::vector<Token>& out, const std::bitset<256>* first_bytes,
                              Cjk cjk) {
  // Chinese is segmented in simplified characters, whichever script it was written in, so
  // that "美國國務院" and "美国国务院" are cut into the same words. Offsets are unchanged.
  // Japanese is cut as written, each word then simplified as Chinese is: simplified first,
  // "東京都は" was cut 东|京都|は, and "京都" found Tokyo where "東京" found nothing.
  std::string simplified_copy;
  std::string_view text = original;
  const bool ideographs = may_hold_ideographs(original);
  const bool simplify_words = ideographs && (cjk == Cjk::kJapanese || holds_kana(original));
  if (ideographs && !simplify_words) {
    simplified_copy.assign(original);
    impl_->simplify_in_place(simplified_copy);
    text = simplified_copy;
  }
  const std::size_t first_new = out.size();
  std::size_t chain_first = 0;  // index in `out` of the current hyphenated chain's first word
  std::size_t chain_parts = 0;  // 0: no chain open
  std::string joined;
  std::vector<Span>& spans = impl_->word_spans;
  spans.clear();
  impl_->words.segments(text, spans);
  // Room for a token a span, each span giving at most one: growing the vector token by
  // token moved every token's strings several times over (5% of indexing), and a guess of a
  // word in four bytes held half again the tokens a batch needs (heaptrack at news 3x: 38 MB
  // of a 77 MB peak). A filtered call keeps few words, and reserving for all of them made
  // each highlighted passage a large allocation.
  if (const std::size_t wanted = out.size() + spans.size(); first_bytes == nullptr && wanted > out.capacity()) {
    out.reserve(std::max(wanted, 2 * out.capacity()));  // still geometric for callers that append
  }
  for (auto [begin, end] : spans) {
    begin += static_cast<std::uint32_t>(elision_length(text.substr(begin, end - begin)));
    if (first_bytes != nullptr && begin < end) {
      const auto first = static_cast<unsigned char>(text[begin]);
      const auto lower = static_cast<unsigned char>(first >= 'A' && first <= 'Z' ? first - 'A' + 'a' : first);
      // A hyphen ('-' or one of Unicode's, whose bytes are past ASCII) may join it to a chain.
      const auto touches = [](char c) { return c == '-' || static_cast<unsigned char>(c) >= 0x80; };
      const bool may_chain = (begin > 0 && touches(text[begin - 1])) || (end < text.size() && touches(text[end]));
      if (first < 0x80 && !(*first_bytes)[lower] && !may_chain) continue;
    }
    std::string_view surface = without_possessive(text.substr(begin, end - begin));
    if (impl_->current->cuts_suffix) surface = before_suffix(surface);
    std::string word = impl_->fold(surface, simplify_words);  // else `text` is simplified already
    if (word.empty() || word.size() > kMaxWordBytes) continue;
    if (word == "s" && out.size() > first_new) {  // "U.N.'s": the dot ended the word
      const std::string_view between = text.substr(out.back().end, begin - out.back().end);
      if (between.starts_with('.') && is_apostrophe(between.substr(1))) continue;
    }
    const bool has_previous = out.size() > first_new;
    Token& token = out.emplace_back();  // built in place: this loop runs once per word of every article
    token.word = std::move(word);
    token.begin = begin;
    token.end = end;
    if (surface[0] >= 'A' && surface[0] <= 'Z') {
      if (std::string acronym = acronym_form(surface); !acronym.empty()) {
        token.alternative = undotted(acronym);
        token.word = std::move(acronym);
        token.alternative_end = end;
      }
    }

    // Hyphenated chains of words (not numbers, not acronyms) join into one alternative on
    // their first word.
    const auto joinable = [](const Token& t) { return t.alternative.empty() && (t.word[0] < '0' || t.word[0] > '9'); };
    const Token* previous = has_previous ? &out[out.size() - 2] : nullptr;
    const bool follows_hyphen = previous != nullptr && begin - previous->end <= 3 && joinable(token) &&
                                is_hyphen(text.substr(previous->end, begin - previous->end));
    if (!follows_hyphen) {
      chain_parts = 0;
    } else {
      if (chain_parts == 0 && joinable(*previous)) {
        chain_first = out.size() - 2;
        chain_parts = 1;
        joined = previous->word;
      }
      if (chain_parts > 0 && chain_parts < kMaxJoinedParts && joined.size() + token.word.size() <= kMaxWordBytes) {
        joined += token.word;
        out[chain_first].alternative = joined;
        out[chain_first].alternative_end = end;
        ++chain_parts;
      } else {
        chain_parts = 0;
      }
    }
  }
}

void Analyzer::sentences(std::string_view text, std::vector<Span>& out) { impl_->sentences.segments(text, out); }

bool Analyzer::stems_keep_first_byte() const {
  const std::string& language = impl_->language;
  return !impl_->current->stems || language == "english" || language == "en" || language == "porter";
}

const std::string& Analyzer::stem(const std::string& word) {
  Stemming& stemming = *impl_->current;
  if (!stemming.stems || word.empty() || (word[0] >= '0' && word[0] <= '9') || word.find('.') != std::string::npos) {
    return word;
  }
  auto found = stemming.cache.find(word);
  if (found != stemming.cache.end()) return found->second;
  if (stemming.cache.size() >= kStemCacheEntries) stemming.cache.clear();
  // A query's words are cut in no language, then stemmed in each: in Turkish "izmir'de"
  // stems as the name that tokenize gave Turkish articles, "izmir".
  const std::string_view stemmed = stemming.cuts_suffix ? before_suffix(word) : std::string_view(word);
  return stemming.cache.emplace(word, stemming.stemmer(std::string(stemmed))).first->second;
}

}  // namespace cs
