#include "common/word_segments.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cs {
namespace {

std::vector<std::string> segment_words(std::string_view text) {
  WordSegmenter segmenter;
  std::vector<Span> spans;
  segmenter.segments(text, spans);
  std::vector<std::string> words;
  for (const Span& s : spans) words.emplace_back(text.substr(s.begin, s.end - s.begin));
  return words;
}

using Words = std::vector<std::string>;

// ICU's own answers, written down so that a change on either side shows. ("@" and ":" are
// left out: ICU's rules for them changed between releases, and the rules here are read
// from the ICU in use.)
TEST(WordSegments, CutsAsciiAsIcuDoes) {
  ASSERT_TRUE(WordSegmenter::ascii_agrees_with_icu()) << "with this ICU, every text goes to ICU";
  EXPECT_EQ(segment_words("Xi and Trump speak."), (Words{"Xi", "and", "Trump", "speak"}));
  EXPECT_EQ(segment_words("the U.S. and 1,000.5 or 3.14.15"), (Words{"the", "U.S", "and", "1,000.5", "or", "3.14.15"}));
  EXPECT_EQ(segment_words("don't a..b a.1 1.a a-b"), (Words{"don't", "a", "b", "a", "1", "1", "a", "a", "b"}));
  EXPECT_EQ(segment_words("_ __ a_b 1_ _x a_.b"), (Words{"__", "a_b", "1_", "_x", "a_", "b"}));
  EXPECT_EQ(segment_words("F-35s 9/11 #tag $5"), (Words{"F", "35s", "9", "11", "tag", "5"}));
}

// The ICU release Debian bookworm ships has its answers written down, so that no process
// asks ICU for them at start; asked anyway, ICU must give the same. Another release needs its
// own written down (word_segments.cpp, known_ascii_rules), or every process probes it.
TEST(WordSegments, TheAnswersKnownForThisIcuAreWhatItGives) {
  ASSERT_TRUE(WordSegmenter::ascii_rules_known()) << "write down this ICU release's answers in known_ascii_rules";
  EXPECT_TRUE(WordSegmenter::known_ascii_rules_are_icus());
}

TEST(WordSegments, HandsWordsWithOtherBytesToIcu) {
  EXPECT_EQ(segment_words("aides don’t know — “Taiwan” said"),
            (Words{"aides", "don’t", "know", "Taiwan", "said"}));
  EXPECT_EQ(segment_words("中华人民共和国主席 Xi"), (Words{"中华", "人民", "共和国", "主席", "Xi"}));
  EXPECT_EQ(segment_words("Brzeziński’s café"), (Words{"Brzeziński’s", "café"}));
}

// Random text from an alphabet that exercises every rule: letters, digits and their joiners,
// white space, other ASCII punctuation and control bytes.
std::string random_ascii(std::mt19937& random, std::size_t length) {
  static constexpr std::string_view kFrequent = "aZ@09_.',;: \t\n\r-/#";
  std::string text;
  for (std::size_t i = 0; i < length; ++i) {
    if (random() % 4 == 0) {
      text.push_back(static_cast<char>(random() % 128));
    } else {
      text.push_back(kFrequent[random() % kFrequent.size()]);
    }
  }
  return text;
}

void expect_as_icu(WordSegmenter& segmenter, const std::string& text) {
  std::vector<Span> ours, icus;
  segmenter.segments(text, ours);
  segmenter.icu_words(text, icus);
  ASSERT_EQ(ours, icus) << "text: \"" << text << "\"";
}

TEST(WordSegments, AsciiCutsEqualIcusOverRandomText) {
  std::mt19937 random(20261206);
  WordSegmenter segmenter;
  for (int i = 0; i < 200000; ++i) {
    ASSERT_NO_FATAL_FAILURE(expect_as_icu(segmenter, random_ascii(random, 1 + random() % 16)));
  }
}

// The same with words holding other characters among the ASCII: typographic quotes and
// apostrophes (which join letters, as "'" does), dashes, no-break and ideographic spaces,
// accented, Cyrillic and Hebrew letters (Hebrew has rules of its own for quotes), Chinese,
// Katakana, Thai (cut by dictionary), a combining accent and a soft hyphen (which attach to
// what precedes them, a space included), a zero-width joiner, an emoji, and bytes that are
// no UTF-8 (a stray continuation byte, a lead byte alone, a sequence cut short).
TEST(WordSegments, MixedCutsEqualIcusOverRandomText) {
  static const std::vector<std::string> kPieces = {
      "’", "‘", "“", "”", "—", "–", "\u00A0", "\u3000", "é", "ß", "д", "א", "中", "国", "カ", "ไทย", "\u0301",
      "\u00AD", "\u200D", "😀", "\x80", "\xC3", "\xF0\x9F", "a", "Z", "7", "_", ".", "'", "\"", ",", ";", "@", ":", " ",
      " ", "\n", "\r", "\v", "\f", "\t", "-"};
  std::mt19937 random(61202026);
  WordSegmenter segmenter;
  for (int i = 0; i < 100000; ++i) {
    std::string text;
    for (std::size_t n = 1 + random() % 12; n > 0; --n) text += kPieces[random() % kPieces.size()];
    ASSERT_NO_FATAL_FAILURE(expect_as_icu(segmenter, text));
  }
}

// Real pages and notes: every file of the bundled corpus and of the test fixtures.
TEST(WordSegments, CutsEqualIcusOverTheCorpusAndFixtures) {
  WordSegmenter segmenter;
  const auto files = test::corpus_and_fixture_files();
  for (const auto& [path, content] : files) {
    ASSERT_NO_FATAL_FAILURE(expect_as_icu(segmenter, content)) << path;
  }
  EXPECT_GT(files.size(), 100u);
}

}  // namespace
}  // namespace cs
