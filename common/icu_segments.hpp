// Walks the segments an ICU break iterator finds in UTF-8 text, in place (UText over the
// bytes, so offsets are byte offsets): for the analyzer's words and sentences alone.
#pragma once

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <cstdint>
#include <string_view>

namespace cs::icu_segments {

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
