// Where the words of UTF-8 text are, as ICU's word break iterator finds them (UAX #29 with
// ICU's root rules): the segments ICU gives a word status (letters, numbers, kana,
// ideographs), not spaces or punctuation.
//
// ICU cuts about 70 MB/s, and highlighting the passages a query shows spent most of its
// time there. Runs of ASCII words are cut here by the same rules, several times faster; a
// word holding any other byte goes to ICU with its neighbours that do too. White space
// separates the two: no word rule joins across an ASCII space, tab or line break (a combining
// mark after a space attaches to it, and makes no word either way).
// tests/unit/common/word_segments_test.cpp holds both to ICU's answers over random text.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "common/span.hpp"

namespace cs {

class WordSegmenter {
 public:
  WordSegmenter();
  WordSegmenter(WordSegmenter&&) noexcept;
  WordSegmenter& operator=(WordSegmenter&&) noexcept;
  ~WordSegmenter();

  // Appends the words of `text`, in order, as byte spans.
  void segments(std::string_view text, std::vector<Span>& out);

  // The same by ICU alone, for the tests.
  void icu_words(std::string_view text, std::vector<Span>& out);
  // Whether ASCII is cut without ICU: false when the rules here do not give what this
  // process's ICU gives on a set of probe texts (read from ICU once a process, unless its
  // release is one whose answers are known here).
  static bool ascii_agrees_with_icu();
  // For the tests: whether this process's ICU release is one whose answers are known (no
  // probe runs), and whether the probe, run anyway, gives those answers.
  static bool ascii_rules_known();
  static bool known_ascii_rules_are_icus();

 private:
  void icu_words(std::string_view text, std::uint32_t begin, std::uint32_t end, std::vector<Span>& out);

  struct Icu;
  std::unique_ptr<Icu> icu_;  // built for the first text that is not all ASCII
};

}  // namespace cs
