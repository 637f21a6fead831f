#include "indexer/clean/language_detection.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/locid.h>

#include "common/ascii.hpp"
#include "common/utf8.hpp"

namespace cs::indexer {

namespace {

// CLD2 reads at most this much of an article, in pieces spread evenly over it: a few hundred
// words decide a language (CLD2's own tests call 200 letters enough), and CLD2 read every
// byte it was given at about 180 instructions a byte, 9 to 12% of indexing with the 16 KB
// prefix it was given before (callgrind, speeches and news). Many small pieces rather than
// a prefix, so that the shares below are the whole article's, estimated: a bilingual
// article's second language counts wherever it is, unless it is shorter than the stride
// between pieces (about an eighth of the article).
constexpr std::size_t kSamplePieceBytes = 288;
constexpr std::size_t kSamplePieces = 8;

// What "confident" takes before a detection overrides what a page declares. CLD2's
// `reliable` alone is granted on a sentence or two; a wrong override costs the article its
// stemmer, a kept declaration at worst what the page's author chose.
// About six lines of news text: CLD2's own tests call 200 letters enough for a sure answer.
constexpr int kMinTextBytes = 200;
// Most of the text in one language: a page of one language with quotes or names in another.
constexpr int kMinShare = 70;
// The declared language holding this much of the text makes the page mixed (a bilingual
// article, an English story with a long Chinese quote): the declaration stands.
constexpr int kMaxDeclaredShare = 20;

// Languages CLD2 tells apart on clean text but confuses on real pages, short or informal
// (the Scandinavian languages, Ibero-Romance neighbours, the standards of one Serbo-Croatian,
// Malay and Indonesian, Czech and Slovak). Their writers read each other, and a page that
// declares one of them knows better than statistics which it is.
constexpr std::array<std::array<std::string_view, 4>, 5> kCloseLanguages{{
    {"no", "nb", "nn", "da"},
    {"pt", "gl", "es", ""},
    {"sr", "hr", "bs", "sh"},
    {"ms", "id", "", ""},
    {"cs", "sk", "", ""},
}};

// What CLD2 reads of `text`: all of it when short, else kSamplePieces pieces spread evenly
// over it, each cut at character boundaries and on a line of its own, so the sample stays
// valid UTF-8 and no word is made of two pieces' ends.
std::string_view sample(std::string_view text, std::string& storage) {
  if (text.size() <= kSamplePieces * kSamplePieceBytes) return text;
  storage.clear();
  const std::size_t stride = (text.size() - kSamplePieceBytes) / (kSamplePieces - 1);
  for (std::size_t piece = 0; piece < kSamplePieces; ++piece) {
    const std::size_t begin = utf8::boundary_at_or_after(text, piece * stride);
    const std::size_t end = utf8::boundary_at_or_after(text, std::min(text.size(), piece * stride + kSamplePieceBytes));
    if (!storage.empty()) storage.push_back('\n');
    storage.append(text.substr(begin, end - begin));
  }
  return storage;
}

// CLD2 names two languages by codes ISO 639 withdrew in 1989: Hebrew "iw" (now "he") and
// Javanese "jw" ("jv"). Pages declare the current ones, and `--lang he` asks for them (a new
// user's trial: Hebrew articles were found by "iw" only, and a page declaring "he" would
// have been overridden as another language).
std::string current_code(std::string_view cld2_code) {
  if (cld2_code == "iw") return "he";
  if (cld2_code == "jw") return "jv";
  return std::string(cld2_code);
}

std::string primary_subtag(std::string_view lang) { return ascii_lower(lang.substr(0, lang.find_first_of("-_"))); }

int close_group(std::string_view primary) {
  for (std::size_t g = 0; g < kCloseLanguages.size(); ++g) {
    if (std::find(kCloseLanguages[g].begin(), kCloseLanguages[g].end(), primary) != kCloseLanguages[g].end()) {
      return static_cast<int>(g);
    }
  }
  return -1;
}

}  // namespace

Detection detect(std::string_view text, std::string_view declared) {
  std::string storage;
  const std::string_view part = sample(text, storage);
  CLD2::Language top3[3];
  int percent3[3];
  Detection detection;
  if (declared.empty()) {
    CLD2::DetectLanguageSummary(part.data(), static_cast<int>(part.size()), /*is_plain_text=*/true, top3, percent3,
                                &detection.text_bytes, &detection.reliable);
  } else {
    // CLD2 reads a tag's language from its first subtag ("pt-BR", "zh-Hant-TW").
    const CLD2::Language hint = CLD2::GetLanguageFromName(std::string(declared).c_str());
    CLD2::DetectLanguageSummary(part.data(), static_cast<int>(part.size()), /*is_plain_text=*/true, /*tld_hint=*/"",
                                CLD2::UNKNOWN_ENCODING, hint, top3, percent3, &detection.text_bytes,
                                &detection.reliable);
  }
  // With nothing to go on CLD2 answers ENGLISH (its default) as the result; the top of the
  // summary is UNKNOWN_LANGUAGE then.
  for (int i = 0; i < 3; ++i) {
    if (top3[i] != CLD2::UNKNOWN_LANGUAGE) detection.shares.push_back({current_code(CLD2::LanguageCode(top3[i])), percent3[i]});
  }
  if (detection.shares.empty() || top3[0] == CLD2::UNKNOWN_LANGUAGE) detection.reliable = false;
  return detection;
}

std::string detect_language(std::string_view text) {
  const Detection detection = detect(text);
  return detection.reliable ? detection.shares.front().lang : std::string();
}

bool same_language(std::string_view a, std::string_view b) {
  const std::string first = primary_subtag(a);
  const std::string second = primary_subtag(b);
  if (first == second) return true;
  const int group = close_group(first);
  return group >= 0 && group == close_group(second);
}

LanguageChoice choose_language(std::string_view declared, const Detection& detection) {
  if (declared.empty()) return {detection.reliable ? detection.shares.front().lang : std::string(), false};
  if (!detection.reliable || detection.text_bytes < kMinTextBytes) return {std::string(declared), false};
  const Detection::Share& top = detection.shares.front();
  if (top.percent < kMinShare || same_language(declared, top.lang)) return {std::string(declared), false};
  for (const Detection::Share& share : detection.shares) {
    if (same_language(declared, share.lang) && share.percent >= kMaxDeclaredShare) return {std::string(declared), false};
  }
  return {top.lang, true};
}

std::string language_tag(std::string_view declared) {
  const std::string given(declared);
  if (given.empty()) return given;
  // A language's name ("English", GDELT's "language"): CLD2 knows the names of the
  // languages it detects, some in capitals ("ENGLISH"), some not ("Japanese", "Korean"),
  // and matches them as written; news APIs write them in any case (newsdata.io's
  // "japanese", "korean": a new user's trial), so each is also tried in capitals and with
  // a capital first.
  if (given.size() > 3 && std::all_of(given.begin(), given.end(), [](char c) { return is_ascii_letter(c); })) {
    std::string capitalised = ascii_lower(given);
    capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
    for (const std::string& name : {given, ascii_upper(given), capitalised}) {
      if (const CLD2::Language named = CLD2::GetLanguageFromName(name.c_str()); named != CLD2::UNKNOWN_LANGUAGE) {
        return current_code(CLD2::LanguageCode(named));
      }
    }
    return given;
  }
  // A code: ICU's canonical form, by CLDR's aliases ("eng" and Event Registry's other codes
  // to "en", "fre" to "fr", "iw" to "he", "EN" to "en", "en_US" and "en-us" to "en-US"), but
  // Tagalog as CLD2 names it ("tl", which ICU makes "fil").
  UErrorCode status = U_ZERO_ERROR;
  const std::string tag = icu::Locale::createCanonical(given.c_str()).toLanguageTag<std::string>(status);
  if (U_FAILURE(status) || tag.empty() || tag.starts_with("und")) return given;
  return tag.starts_with("fil") ? "tl" + tag.substr(3) : tag;
}

LanguageChoice choose_language(std::string_view declared, std::string_view text) {
  const std::string tag = language_tag(declared);
  return choose_language(tag, detect(text, tag));
}

}  // namespace cs::indexer
