// Traditional Chinese characters to simplified ones, a character at a time, with ICU's
// Traditional-Simplified transliterator ("習" -> "习"), so that both scripts are indexed and
// searched alike.
//
// ICU keeps its transliterators in libicui18n, which nothing else cs-search needs: loading
// and relocating it took 0.7-0.9 ms of every command (a program linked with cs-search's
// libraries started in 3.1-4.1 ms with it, 2.4-3.1 ms without; 2026-12-06). So it is
// loaded (dlopen) at the first character asked for, which only text with ideographs does.
#pragma once

#include <memory>

namespace cs {

class TraditionalToSimplified {
 public:
  TraditionalToSimplified();  // loads nothing yet
  ~TraditionalToSimplified();
  TraditionalToSimplified(const TraditionalToSimplified&) = delete;
  TraditionalToSimplified& operator=(const TraditionalToSimplified&) = delete;

  // The simplified form of `c` when the transliterator swaps it for one other character of
  // the Basic Multilingual Plane; `c` itself otherwise (and for any `c` beyond that plane).
  // Throws std::runtime_error when ICU's library or transliterator cannot be had.
  char32_t operator()(char32_t c);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace cs
