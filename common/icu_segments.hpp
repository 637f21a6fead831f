// ICU's break iterators for the analyzer's words and sentences: making one, and walking the
// segments it finds in UTF-8 text in place (UText over the bytes, so offsets are byte
// offsets).
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace cs::icu_segments {

enum class Breaks { kWords, kSentences };

// A break iterator of ICU's root rules; throws std::runtime_error when ICU has none.
inline std::unique_ptr<icu::BreakIterator> make_iterator(Breaks breaks) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> iterator(
      breaks == Breaks::kWords ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
                               : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !iterator) {
    throw std::runtime_error(std::string("ICU ") + (breaks == Breaks::kWords ? "word" : "sentence") +
                             " break iterator unavailable: " + u_errorName(status));
  }
  return iterator;
}

// Calls `visit(begin, end, rule_status)` for each segment of `text`.
template <typename Visit>
void for_each(icu::BreakIterator& iterator, std::string_view text, Visit&& visit) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  if (U_FAILURE(status)) return;
  iterator.setText(&utext, status);
  if (U_SUCCESS(status)) {
    int32_t begin = iterator.first();
    for (int32_t end = iterator.next(); end != icu::BreakIterator::DONE; end = iterator.next()) {
      visit(static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), iterator.getRuleStatus());
      begin = end;
    }
  }
  // The iterator holds a shallow clone of utext; detach it before the text goes away.
  UText empty = UTEXT_INITIALIZER;
  UErrorCode ignored = U_ZERO_ERROR;
  utext_openUTF8(&empty, "", 0, &ignored);
  iterator.setText(&empty, ignored);
  utext_close(&empty);
  utext_close(&utext);
}

}  // namespace cs::icu_segments
