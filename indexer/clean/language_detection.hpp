// The language an article is stemmed in: the one it declares, unless its text is confidently
// in another, detected with CLD2 (Compact Language Detector 2, Debian's libcld2).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

// What CLD2 reads in a text (all of it, or of a long one a sample spread over it).
struct Detection {
  struct Share {
    std::string lang;  // BCP 47 code ("en", "zh-Hant")
    int percent = 0;   // of the letters read
  };
  std::vector<Share> shares;  // CLD2's top languages (up to 3), the largest first; unknown ones left out
  int text_bytes = 0;         // letters CLD2 scored (tags, digits and punctuation are not) of what it read
  bool reliable = false;      // CLD2's verdict: the top language well ahead of the next
};

// CLD2 on `text` (valid UTF-8). `declared` ("pt-BR"), when given, is CLD2's language hint: it
// leans a close call (Portuguese or Galician) towards the declaration, never English text to
// Chinese.
Detection detect(std::string_view text, std::string_view declared = {});

// A BCP 47 tag for the language most of `text` is in ("en", "fr", "zh", "zh-Hant"), or ""
// when CLD2 is not sure: too little text, or a mixture.
std::string detect_language(std::string_view text);

// The language an article is indexed in, and why.
struct LanguageChoice {
  std::string lang;       // the declared tag, the detected one, or "" (unknown: word for word)
  bool overridden = false;  // the text contradicts the declared language, and detection won
};

// Declared and detected name one language: the same primary subtag ("zh-TW" and "zh-Hant",
// "en-US" and "en"), or two languages CLD2 confuses on real text (kCloseLanguages).
bool same_language(std::string_view a, std::string_view b);

// No declaration: the detection when it is reliable, else "". A declaration is kept unless
// the detection is confident (reliable, kMinTextBytes letters, kMinShare percent of them in
// its top language), names another language (same_language), and leaves the declared one no
// more than a trace (kMaxDeclaredShare): short texts, mixed pages and related languages keep
// what the page says.
LanguageChoice choose_language(std::string_view declared, const Detection& detection);

// A declared language as a BCP 47 tag: codes in ICU's canonical form ("eng" -> "en",
// "en_US" -> "en-US", "iw" -> "he") and language names CLD2 knows ("English" -> "en");
// anything else as given.
std::string language_tag(std::string_view declared);

// choose_language on CLD2's reading of `text`, hinted with `declared` (as language_tag).
LanguageChoice choose_language(std::string_view declared, std::string_view text);

}  // namespace cs::indexer
