#include "common/sentence_segments.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cs {
namespace {

using CutSentences = std::vector<std::string>;

CutSentences cut_sentences(std::string_view text) {
  SentenceSegmenter segmenter;
  std::vector<Span> spans;
  segmenter.segments(text, spans);
  CutSentences out;
  for (const Span& s : spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

void expect_sentences_as_icu(SentenceSegmenter& segmenter, const std::string& text) {
  std::vector<Span> ours, icus;
  segmenter.segments(text, ours);
  segmenter.icu_sentences(text, icus);
  ASSERT_EQ(ours, icus) << "text: \"" << text << "\"";
}

// ICU's own answers, written down so that a change on either side shows.
TEST(SentenceSegments, CutsAsciiAsIcuDoes) {
  ASSERT_TRUE(SentenceSegmenter::rules_agree_with_icu()) << "with this ICU, every text goes to ICU";
  EXPECT_EQ(cut_sentences("Xi met Biden. They spoke! Did they agree? Yes."),
            (CutSentences{"Xi met Biden. ", "They spoke! ", "Did they agree? ", "Yes."}));
  EXPECT_EQ(cut_sentences("The U.S. economy grew 2.5 percent. etc. and more"),
            (CutSentences{"The U.S. economy grew 2.5 percent. etc. and more"}))
      << "no break before a digit or a lower-case word, nor inside U.S.";
  EXPECT_EQ(cut_sentences("He said \"No.\" Then left.\nNext"),
            (CutSentences{"He said \"No.\" ", "Then left.\n", "Next"}));
  EXPECT_TRUE(cut_sentences("").empty());
}

TEST(SentenceSegments, CutsOtherTextAsIcuDoes) {
  EXPECT_EQ(cut_sentences("Xi said “no.” Biden left. 中国。美国"),
            (CutSentences{"Xi said “no.” ", "Biden left. ", "中国。", "美国"}));
}

// A full stop followed by a long run of what SB8 looks past (brackets, spaces, digits,
// commas) before a letter: each position's look-ahead read the whole run again, and a
// crafted passage of a few hundred kilobytes held indexing for minutes.
TEST(SentenceSegments, LongRunsAfterAFullStopAreReadOnce) {
  SentenceSegmenter segmenter;
  for (const std::string& run : {std::string(300000, ')'), std::string(300000, ' '), std::string(300000, '7')}) {
    for (const char* after : {" b", " B", ""}) {
      ASSERT_NO_FATAL_FAILURE(expect_sentences_as_icu(segmenter, "a." + run + after));
    }
  }
}

// Random text from an alphabet that meets every rule: letters of both cases, digits, the
// terminals, closing punctuation and quotes, continuations, spaces, line breaks, other
// punctuation and control bytes.
std::string random_sentence_text(std::mt19937& random, std::size_t length) {
  static constexpr std::string_view kFrequent = "aaZZ09..!?\"'()[]{},;:- - \t\n\r#/";
  std::string text;
  for (std::size_t i = 0; i < length; ++i) {
    if (random() % 8 == 0) {
      text.push_back(static_cast<char>(random() % 128));
    } else {
      text.push_back(kFrequent[random() % kFrequent.size()]);
    }
  }
  return text;
}

TEST(SentenceSegments, AsciiCutsEqualIcusOverRandomText) {
  std::mt19937 random(20261207);
  SentenceSegmenter segmenter;
  for (int i = 0; i < 200000; ++i) {
    ASSERT_NO_FATAL_FAILURE(expect_sentences_as_icu(segmenter, random_sentence_text(random, 1 + random() % 14)));
  }
}

// The same with other characters among the ASCII: typographic quotes, dashes and ellipsis,
// no-break and ideographic spaces, accented, Greek, Cyrillic and Hebrew letters, Chinese
// and its full stops, Devanagari's danda, a combining accent, a soft hyphen and a zero-width
// joiner (which go with the character before them), the line and paragraph separators and
// NEL, an emoji, and bytes that are no UTF-8 (such a text goes to ICU's iterator whole).
TEST(SentenceSegments, MixedCutsEqualIcusOverRandomText) {
  static const std::vector<std::string> kPieces = {
      "’", "‘", "“", "”", "«", "»", "—", "–", "…", "\u00A0", "\u3000", "é", "É", "ß", "Ω", "ω", "д", "Д", "א",
      "中", "。", "！", "？", "।", "\u0301", "\u00AD", "\u200D", "\u2028", "\u2029", "\u0085", "😀", "\x80", "\xC3",
      "a", "Z", "7", ".", "!", "?", "'", "\"", "(", ")", ",", ";", ":", "-", " ", " ", "\n", "\r", "\t", "#"};
  std::mt19937 random(7122026);
  SentenceSegmenter segmenter;
  for (int i = 0; i < 200000; ++i) {
    std::string text;
    for (std::size_t n = 1 + random() % 12; n > 0; --n) text += kPieces[random() % kPieces.size()];
    ASSERT_NO_FATAL_FAILURE(expect_sentences_as_icu(segmenter, text));
  }
}

// Real pages and notes: every file of the bundled corpus and of the test fixtures, as they
// are (most with other characters) and with their other bytes left out.
TEST(SentenceSegments, CutsEqualIcusOverTheCorpusAndFixtures) {
  SentenceSegmenter segmenter;
  const auto files = test::corpus_and_fixture_files();
  for (const auto& [path, text] : files) {
    std::string ascii;
    for (const char c : text) {
      if (static_cast<unsigned char>(c) < 0x80) ascii.push_back(c);
    }
    ASSERT_NO_FATAL_FAILURE(expect_sentences_as_icu(segmenter, text)) << path;
    ASSERT_NO_FATAL_FAILURE(expect_sentences_as_icu(segmenter, ascii)) << path;
  }
  EXPECT_GT(files.size(), 100u);
}

}  // namespace
}  // namespace cs
