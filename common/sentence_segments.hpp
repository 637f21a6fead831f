// Where the sentences of UTF-8 text begin and end, as ICU's sentence break iterator finds them
// (UAX #29 with ICU's root rules, no abbreviation list): spans covering the whole text.
//
// cs-index cuts every passage it stores into sentences (the searcher picks snippets from
// them), and ICU walked UTF-8 text at about 160 instructions a byte, converting it to
// UTF-16 a few characters at a time: 14% of indexing the speeches (callgrind). The rules
// are applied here in one pass over the text, each character's Sentence_Break value read
// from a table for ASCII and from ICU's properties for the rest; text that is not valid
// UTF-8 goes to ICU's iterator. tests/unit/common/sentence_segments_test.cpp holds both to
// ICU's answers over random and real text, and the process checks probe texts against its
// own ICU before trusting the rules here (rules_agree_with_icu).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/span.hpp"


namespace cs {

class SentenceSegmenter {
 public:
  SentenceSegmenter();
  SentenceSegmenter(SentenceSegmenter&&) noexcept;
  SentenceSegmenter& operator=(SentenceSegmenter&&) noexcept;
  ~SentenceSegmenter();

  // Appends the sentences of `text`, in order, as byte spans covering it.
  void segments(std::string_view text, std::vector<Span>& out);

  // The same by ICU's iterator alone, for the tests.
  void icu_sentences(std::string_view text, std::vector<Span>& out);
  // Whether text is cut without ICU's iterator: false when the rules here do not give what
  // this process's ICU gives on a set of probe texts (checked once a process).
  static bool rules_agree_with_icu();

 private:
  struct Icu;  // ICU's iterator, made at the first text that needs it
  std::unique_ptr<Icu> icu_;
};

}  // namespace cs
