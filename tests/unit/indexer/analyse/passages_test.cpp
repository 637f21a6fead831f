#include "indexer/analyse/passages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <random>

#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

struct Split {
  std::vector<Token> words;
  std::vector<Passage> passages;
};

Split split(const std::string& body, const PassageLimits& limits = {}) {
  Analyzer analyzer;
  CutText cut = cut_text(body, analyzer, limits);
  return Split{std::move(cut.words), std::move(cut.passages)};
}

std::size_t words_in(const Split& s, const Passage& p) {
  std::size_t n = 0;
  for (const auto& w : s.words) n += (w.begin >= p.begin && w.begin < p.end) ? 1 : 0;
  return n;
}

std::string sentence(std::mt19937& random, std::size_t words) {
  static const char* vocabulary[] = {"trade", "call", "Xi", "Biden", "talks", "tariffs", "Taiwan", "relations", "the", "of"};
  std::string s;
  for (std::size_t i = 0; i < words; ++i) {
    s += (i ? " " : "");
    s += vocabulary[random() % 10];
  }
  return s + ".";
}

TEST(Passages, OneShortParagraphIsOnePassage) {
  const Split s = split("A single paragraph of a few words.");
  ASSERT_EQ(s.passages.size(), 1u);
  EXPECT_EQ(s.passages[0].begin, 0u);
  EXPECT_EQ(s.passages[0].end, 34u);
}

TEST(Passages, ShortParagraphsJoinTheNext) {
  std::mt19937 random(1);
  const std::string body = sentence(random, 5) + "\n\n" + sentence(random, 40) + "\n\n" + sentence(random, 40);
  const Split s = split(body);
  ASSERT_EQ(s.passages.size(), 2u);
  EXPECT_EQ(words_in(s, s.passages[0]), 45u);
}

TEST(Passages, LongParagraphsAreCutBetweenSentences) {
  std::mt19937 random(2);
  std::string body;
  for (int i = 0; i < 12; ++i) body += (i ? " " : "") + sentence(random, 25);
  const Split s = split(body);
  ASSERT_GT(s.passages.size(), 1u);
  for (const auto& p : s.passages) {
    EXPECT_LE(words_in(s, p), 120u);
    EXPECT_EQ(body[p.end - 1], '.') << "a passage should end at a sentence end";
  }
}

TEST(Passages, ASentenceLongerThanTheLimitIsCutBetweenWords) {
  std::mt19937 random(3);
  const Split s = split(sentence(random, 300));
  ASSERT_EQ(s.passages.size(), 3u);
  for (const auto& p : s.passages) EXPECT_LE(words_in(s, p), 120u);
}

// Property: for random bodies, passages are in order, do not overlap, are trimmed, stay
// within max_words, and cover every word exactly once.
TEST(Passages, CoverEveryWordWithinLimits) {
  std::mt19937 random(42);
  for (int round = 0; round < 200; ++round) {
    std::string body;
    const int paragraphs = 1 + static_cast<int>(random() % 8);
    for (int p = 0; p < paragraphs; ++p) {
      if (p) body += "\n\n";
      const int sentences = 1 + static_cast<int>(random() % 10);
      for (int k = 0; k < sentences; ++k) body += (k ? " " : "") + sentence(random, 1 + random() % 60);
    }
    const Split s = split(body);
    std::size_t covered = 0;
    for (std::size_t i = 0; i < s.passages.size(); ++i) {
      const Passage& p = s.passages[i];
      ASSERT_EQ(p.index, i);
      ASSERT_LT(p.begin, p.end);
      if (i > 0) {
        ASSERT_GE(p.begin, s.passages[i - 1].end);
      }
      ASSERT_NE(body[p.begin], ' ');
      ASSERT_NE(body[p.end - 1], ' ');
      ASSERT_LE(words_in(s, p), 120u) << body;
      covered += words_in(s, p);
    }
    ASSERT_EQ(covered, s.words.size());
  }
}

TEST(Passages, EmptyBodyHasNoPassages) { EXPECT_TRUE(split("").passages.empty()); }

// Sentences that are not the body's (none, or another text's) cost the sentence cuts, not
// words: a long paragraph is then cut between words.
TEST(Passages, SentencesNotOfTheBodyLeaveEveryWordInAPassage) {
  std::string body;
  for (int i = 0; i < 300; ++i) body += "word" + std::to_string(i) + (i % 17 == 16 ? ". " : " ");
  Analyzer analyzer;
  std::vector<Token> words;
  analyzer.tokenize(body, words);
  const std::vector<Span> others = {Span{0, 10}, Span{10, 20}};
  for (const std::vector<Span>& sentences : {std::vector<Span>{}, others}) {
    std::size_t covered = 0;
    for (const Passage& p : split_passages(body, words, sentences)) {
      covered += static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [&](const Token& t) {
        return t.begin >= p.begin && t.begin < p.end;
      }));
    }
    EXPECT_EQ(covered, words.size()) << sentences.size() << " sentences";
  }
}

// Whether a sentence of `sentences` begins at `at` or across the blanks either side of it.
bool sentence_begins_near(std::string_view body, const std::vector<Span>& sentences, std::uint32_t at) {
  const auto blank = [&](std::uint32_t i) { return i < body.size() && std::isspace(static_cast<unsigned char>(body[i])); };
  std::uint32_t from = at, to = at;
  while (from > 0 && blank(from - 1)) --from;
  while (blank(to)) ++to;
  if (to == body.size()) return true;
  return std::any_of(sentences.begin(), sentences.end(), [&](const Span& s) { return s.begin >= from && s.begin <= to; });
}

// The indexer segments a body into sentences once, and stores each passage's sentences cut
// from that: they must be the passage's own sentences, as segmenting its text gives them,
// for every passage that begins and ends between sentences. A passage cut between the
// words of a sentence longer than a passage may differ at the cut: a piece ending "U.S. ("
// before "see" breaks before the "(" when cut alone, where the body's segmentation looks
// past the cut, sees the lowercase word and does not break. Real pages and notes, in
// passages short enough to be cut between sentences and between words.
TEST(Passages, SentencesCutFromTheBodysAreThePassagesOwn) {
  Analyzer analyzer;
  std::size_t compared = 0;
  for (const auto& [path, body] : test::corpus_and_fixture_files()) {
    std::vector<Token> words;
    analyzer.tokenize(body, words);
    std::vector<Span> sentences;
    analyzer.sentences(body, sentences);
    std::size_t next = 0;
    for (const Passage& p : split_passages(body, words, sentences, {.max_words = 25, .min_words = 5})) {
      std::vector<Span> cut, own;
      sentences_within(sentences, p.begin, p.end, next, cut);
      analyzer.sentences(std::string_view(body).substr(p.begin, p.end - p.begin), own);
      ASSERT_FALSE(cut.empty());
      ASSERT_EQ(cut.front().begin, 0u);
      ASSERT_EQ(cut.back().end, p.end - p.begin);
      if (!sentence_begins_near(body, sentences, p.begin) || !sentence_begins_near(body, sentences, p.end)) continue;
      ASSERT_EQ(cut, own) << path << " at byte " << p.begin;
      ++compared;
    }
  }
  EXPECT_GT(compared, 5000u);
}

}  // namespace
}  // namespace cs::indexer
