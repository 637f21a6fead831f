#include "indexer/analyse/passages.hpp"

#include <algorithm>

namespace cs::indexer {

namespace {

// A stretch of the body with the number of words in it.
struct Piece {
  std::uint32_t begin;
  std::uint32_t end;
  std::size_t words;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

Span trim(std::string_view body, Span span) {
  while (span.begin < span.end && is_space(body[span.begin])) ++span.begin;
  while (span.end > span.begin && is_space(body[span.end - 1])) --span.end;
  return span;
}

// Words whose first byte lies in [begin, end).
std::size_t words_in(const std::vector<Token>& words, std::uint32_t begin, std::uint32_t end) {
  const auto first = std::lower_bound(words.begin(), words.end(), begin,
                                      [](const Token& t, std::uint32_t at) { return t.begin < at; });
  const auto last = std::lower_bound(first, words.end(), end,
                                     [](const Token& t, std::uint32_t at) { return t.begin < at; });
  return static_cast<std::size_t>(last - first);
}

// Cuts a sentence longer than max_words between words.
void cut_between_words(const std::vector<Token>& words, Piece sentence, std::size_t max_words,
                       std::vector<Piece>& out) {
  auto it = std::lower_bound(words.begin(), words.end(), sentence.begin,
                             [](const Token& t, std::uint32_t at) { return t.begin < at; });
  std::uint32_t begin = sentence.begin;
  std::size_t count = 0;
  for (; it != words.end() && it->begin < sentence.end; ++it) {
    if (count == max_words) {
      out.push_back(Piece{begin, it->begin, count});
      begin = it->begin;
      count = 0;
    }
    ++count;
  }
  out.push_back(Piece{begin, sentence.end, count});
}

// Packs the sentences of a long paragraph into pieces of at most max_words.
void split_paragraph(const std::vector<Token>& words, std::span<const Span> body_sentences, std::size_t& next_sentence,
                     Piece paragraph, std::size_t max_words, std::vector<Piece>& out) {
  std::vector<Span> sentences;
  sentences_within(body_sentences, paragraph.begin, paragraph.end, next_sentence, sentences);
  // Sentences that do not cover the paragraph (not the body's) make it one long sentence,
  // cut between words: every word stays in a passage.
  const std::uint32_t length = paragraph.end - paragraph.begin;
  if (sentences.empty() || sentences.front().begin != 0 || sentences.back().end != length) sentences = {Span{0, length}};
  Piece current{paragraph.begin, paragraph.begin, 0};
  for (const Span& relative : sentences) {
    const Piece sentence{paragraph.begin + relative.begin, paragraph.begin + relative.end,
                         words_in(words, paragraph.begin + relative.begin, paragraph.begin + relative.end)};
    if (current.words > 0 && current.words + sentence.words > max_words) {
      out.push_back(current);
      current = Piece{sentence.begin, sentence.begin, 0};
    }
    if (sentence.words > max_words) {
      cut_between_words(words, sentence, max_words, out);
      current = Piece{sentence.end, sentence.end, 0};
      continue;
    }
    current.end = sentence.end;
    current.words += sentence.words;
  }
  if (current.words > 0) out.push_back(current);
}

}  // namespace

CutText cut_text(std::string_view body, Analyzer& analyzer, const PassageLimits& limits) {
  CutText cut;
  analyzer.tokenize(body, cut.words);
  analyzer.sentences(body, cut.sentences);
  cut.passages = split_passages(body, cut.words, cut.sentences, limits);
  return cut;
}

void sentences_within(std::span<const Span> sentences, std::uint32_t begin, std::uint32_t end, std::size_t& first,
                      std::vector<Span>& out) {
  while (first < sentences.size() && sentences[first].end <= begin) ++first;
  for (std::size_t k = first; k < sentences.size() && sentences[k].begin < end; ++k) {
    const std::uint32_t from = std::max(sentences[k].begin, begin);
    const std::uint32_t to = std::min(sentences[k].end, end);
    if (from < to) out.push_back(Span{from - begin, to - begin});
  }
}

std::vector<Passage> split_passages(std::string_view body, const std::vector<Token>& words,
                                    std::span<const Span> sentences, const PassageLimits& limits) {
  // 1. Paragraphs, with long ones cut between sentences.
  std::vector<Piece> pieces;
  std::size_t next_sentence = 0;
  std::uint32_t at = 0;
  const auto size = static_cast<std::uint32_t>(body.size());
  while (at < size) {
    std::size_t blank = body.find("\n\n", at);
    const auto end = blank == std::string_view::npos ? size : static_cast<std::uint32_t>(blank);
    const Piece paragraph{at, end, words_in(words, at, end)};
    if (paragraph.words > limits.max_words) {
      split_paragraph(words, sentences, next_sentence, paragraph, limits.max_words, pieces);
    } else if (paragraph.words > 0) {
      pieces.push_back(paragraph);
    }
    at = end + 2;
  }

  // 2. Short pieces joined with the next while the pair fits.
  std::vector<Passage> passages;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece merged = pieces[i];
    while (merged.words < limits.min_words && i + 1 < pieces.size() &&
           merged.words + pieces[i + 1].words <= limits.max_words) {
      merged.end = pieces[i + 1].end;
      merged.words += pieces[i + 1].words;
      ++i;
    }
    const Span span = trim(body, Span{merged.begin, merged.end});
    if (span.begin >= span.end) continue;
    passages.push_back(Passage{static_cast<std::uint32_t>(passages.size()), span.begin, span.end});
  }
  return passages;
}

}  // namespace cs::indexer
