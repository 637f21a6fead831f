#include "common/language.hpp"

#include <unicode/locid.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <mutex>

#include "common/ascii.hpp"
#include "common/korean_particles.hpp"
#include "common/utf8.hpp"

namespace cs {

namespace {

// "Xapian::Stem(english)" -> "english": Xapian names the stemmer it chose for a code.
std::string stemmer_name(const Xapian::Stem& stemmer) {
  const std::string description = stemmer.get_description();
  const std::size_t open = description.find('(');
  const std::size_t close = description.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close <= open + 1) return std::string(kNoStemmer);
  return description.substr(open + 1, close - open - 1);
}

std::string look_up(const std::string& primary) {
  if (primary.empty() || primary == kNoStemmer) return std::string(kNoStemmer);
  // Korean's is the project's own (korean_particles.hpp): Xapian has none.
  if (primary == "ko" || primary == "kor" || primary == kKoreanStemmer) return std::string(kKoreanStemmer);
  try {
    return stemmer_name(Xapian::Stem(primary));
  } catch (const Xapian::InvalidArgumentError&) {
    return std::string(kNoStemmer);
  }
}

}  // namespace

std::string stemmer_for(std::string_view lang) {
  // The primary subtag of a BCP 47 tag ("en" of "en-US"); a Snowball name passes through.
  const std::string primary = ascii_lower(lang.substr(0, lang.find_first_of("-_")));
  // Called once per article: remember the answers rather than build a stemmer each time.
  static std::mutex mutex;
  static std::map<std::string, std::string, std::less<>> known;
  std::lock_guard lock(mutex);
  if (const auto found = known.find(primary); found != known.end()) return found->second;
  if (known.size() > 256) known.clear();  // bounded: tags come from untrusted documents
  return known.emplace(primary, look_up(primary)).first->second;
}

namespace {

// "en", "pt-BR", "zh_Hant_TW": a tag, which no language's name is.
bool looks_like_tag(std::string_view value) {
  const std::size_t primary = std::min(value.find_first_of("-_"), value.size());
  if (primary < 2 || primary > 3) return false;
  return std::all_of(value.begin(), value.end(), [](char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '-' || c == '_'; });
}

std::string folded(icu::UnicodeString text) {
  std::string utf8;
  text.foldCase().toUTF8String(utf8);
  return utf8;
}

// Every language's name ICU knows, in English and in the language itself, case-folded, to
// its code: built once (a few milliseconds), then each --lang value is one look-up.
const std::map<std::string, std::string, std::less<>>& language_names() {
  static const std::map<std::string, std::string, std::less<>> names = [] {
    std::map<std::string, std::string, std::less<>> table;
    for (const char* const* code = uloc_getISOLanguages(); *code != nullptr; ++code) {
      const icu::Locale language(*code);
      for (const icu::Locale* in : {&icu::Locale::getEnglish(), &language}) {
        icu::UnicodeString shown;
        language.getDisplayLanguage(*in, shown);
        // ICU shows the code itself for a language it has no name for.
        if (shown != icu::UnicodeString(*code)) table.emplace(folded(shown), *code);
      }
    }
    return table;
  }();
  return names;
}

}  // namespace

std::string language_tag(std::string_view value) {
  constexpr std::size_t kLongestName = 64;
  if (value.size() < 4 || value.size() > kLongestName || looks_like_tag(value)) return std::string(value);
  const auto found = language_names().find(
      folded(icu::UnicodeString::fromUTF8(icu::StringPiece(value.data(), static_cast<std::int32_t>(value.size())))));
  return found == language_names().end() ? std::string(value) : found->second;
}

bool written_without_spaces(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8::decode(text, at, c);
    if (length == 0) {
      ++at;
      continue;
    }
    at += length;
    if (c < 0x0E00) continue;  // Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari...: spaced
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
      case USCRIPT_HAN:
      case USCRIPT_HIRAGANA:
      case USCRIPT_KATAKANA:
      case USCRIPT_THAI:
      case USCRIPT_LAO:
      case USCRIPT_KHMER:
      case USCRIPT_MYANMAR:
        return true;
      default:
        break;
    }
  }
  return false;
}

}  // namespace cs
