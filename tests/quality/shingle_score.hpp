// How close an extracted article text is to the text a person marked as the article: the
// word-shingle overlap that public extraction benchmarks report (per page, precision and
// recall over 4-word shingles; over a set, the mean of each and the F1 of the two means).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cs::quality {

// Precision and recall of one page.
struct ShingleScore {
  double precision = 0;
  double recall = 0;
  double f1() const { return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0; }
};

// The words of `text` as the index sees them (cs::Analyzer's words, no stemming), so
// Chinese and Japanese are segmented into words rather than counted as one run of letters.
std::vector<std::string> shingle_words(std::string_view text);

// Scores `extracted` against `expected`, both as words. Shingles are counted as a multiset
// (a paragraph extracted twice is not twice right). A text of fewer than `width` words is
// one shingle of all its words. Both empty: 1 and 1 (a page without an article, correctly
// left empty); nothing extracted from a page with an article: precision 1, recall 0;
// something extracted from a page without one: precision 0, recall 1.
ShingleScore score_shingles(const std::vector<std::string>& extracted, const std::vector<std::string>& expected,
                            std::size_t width = 4);

// The mean precision and recall of many pages (their F1 is the set's figure).
ShingleScore mean_score(const std::vector<ShingleScore>& pages);

}  // namespace cs::quality
