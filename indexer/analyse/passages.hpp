// Splits an article's body into passages: paragraphs, bounded in words, cut between
// sentences where a paragraph is too long, with short paragraphs joined to the next.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"

namespace cs::indexer {

struct PassageLimits {
  // A passage is at most this many words, unless a single sentence is longer and there is
  // no better place to cut: then it is cut between words. A screenful on a terminal, and
  // short enough that its snippet is the passage itself.
  std::size_t max_words = 120;
  // A paragraph shorter than this is joined with the next one when both fit in max_words,
  // so one-line paragraphs are not ranked on their own.
  std::size_t min_words = 30;
};

// `words` are analyzer tokens of `body`, in order, and `sentences` the analyzer's sentences
// of it (Analyzer::sentences: every line break ends one, so a paragraph's are those of the
// body within it). The passages are in order, do not overlap, each begins and ends on
// non-space text, and together they cover every word.
std::vector<Passage> split_passages(std::string_view body, const std::vector<Token>& words,
                                    std::span<const Span> sentences, const PassageLimits& limits = {});

// A body as the indexer cuts it: its words (Analyzer::tokenize), its sentences
// (Analyzer::sentences) and its passages (split_passages), what an article's document is
// built from (ArticleDocumentBuilder).
struct CutText {
  std::vector<Token> words;
  std::vector<Span> sentences;
  std::vector<Passage> passages;
};
CutText cut_text(std::string_view body, Analyzer& analyzer, const PassageLimits& limits = {});

// The sentences of `body` (as `sentences` above) within [begin, end), cut at its ends and
// relative to `begin`: the sentences of that stretch, from one segmentation of the body.
// `first` is where to start looking, moved on to the first sentence ending past `begin`:
// stretches asked in order are found in one pass.
void sentences_within(std::span<const Span> sentences, std::uint32_t begin, std::uint32_t end, std::size_t& first,
                      std::vector<Span>& out);

}  // namespace cs::indexer
