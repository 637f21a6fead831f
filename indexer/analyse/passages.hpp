// Splits an article's body into passages: paragraphs, bounded in words, cut between
// sentences where a paragraph is too long, with short paragraphs joined to the next.
#pragma once

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

// `words` are analyzer tokens of `body`, in order. The passages are in order, do not
// overlap, each begins and ends on non-space text, and together they cover every word.
std::vector<Passage> split_passages(std::string_view body, const std::vector<Token>& words, Analyzer& analyzer,
                                    const PassageLimits& limits = {});

}  // namespace cs::indexer
