// Site chrome found by evidence rather than by rules: a short paragraph that recurs word for
// word in many articles of the same source ("Sign up for our China newsletter", a section
// label, a standing disclaimer) belongs to the site, not to the articles.
#pragma once

#include <string>
#include <vector>

#include "common/article.hpp"

namespace cs::indexer {

struct RepeatedLineRule {
  // A paragraph is chrome when at least this many articles of one source hold it ...
  std::size_t min_articles = 3;
  // ... and at least this share of that source's articles (so that 3 speeches out of 200
  // that end "Thank you." keep it) ...
  double min_share = 0.1;
  // ... and it is this short: site chrome is a line, never a paragraph of reporting.
  std::size_t max_words = 12;
};

// A line removed as chrome, once for all the articles it was removed from.
struct DroppedLine {
  std::string source;
  std::string text;
  std::size_t articles = 0;
};

// Removes such paragraphs from the bodies of `articles`, comparing articles with the same
// source only; an article is never left without text. Returns the paragraphs removed; with
// `dropped`, also lists each distinct line removed (by source, then text).
std::size_t drop_repeated_lines(std::vector<Article>& articles, const RepeatedLineRule& rule = {},
                                std::vector<DroppedLine>* dropped = nullptr);

}  // namespace cs::indexer
