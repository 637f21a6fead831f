#include "indexer/clean/language_detection.hpp"

#include <climits>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

namespace cs::indexer {

namespace {

// CLD2 samples its input; more than this decides nothing more and costs time on long
// articles. Cut at a character boundary so the prefix stays valid UTF-8.
constexpr std::size_t kSampleBytes = 16 * 1024;

std::string_view sample(std::string_view text) {
  if (text.size() <= kSampleBytes) return text;
  std::size_t end = kSampleBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

std::string detect_language(std::string_view text) {
  const std::string_view part = sample(text);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::DetectLanguageSummary(part.data(), static_cast<int>(part.size()), /*is_plain_text=*/true, top3, percent3,
                              &text_bytes, &reliable);
  // With nothing to go on CLD2 answers ENGLISH (its default); the top of the summary is
  // UNKNOWN_LANGUAGE then, and `reliable` is false.
  if (!reliable || top3[0] == CLD2::UNKNOWN_LANGUAGE) return {};
  return CLD2::LanguageCode(top3[0]);
}

}  // namespace cs::indexer
