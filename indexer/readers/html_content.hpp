// Finds a page's article among its elements the way the best extractors do, weighing
// evidence rather than trusting one sign: every paragraph scores the elements around it by
// its length and commas, an element's score is cut by its share of link text, class and id
// names add or take away (html_evidence.hpp), <article> and <main> are strong hints, not
// verdicts. The climb from the best element goes past wrappers holding nothing but it,
// headings and parts alike to it (a story split into sections, each under its heading), and
// its siblings join it when they continue the text. Inside the chosen elements, furniture
// (link lists, comment threads, share bars, bylines, captions) is left out by the same
// evidence.
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

struct ArticleContent {
  std::vector<TextBlock> blocks;  // the story's blocks, in document order
  // False when no part of the page reads as article text (a video page with one line, an
  // index of links, or a page of a few short lines): `blocks` then holds what little was
  // found, for the caller to judge.
  bool found = false;
};

ArticleContent extract_article(const xmlNode* body);

}  // namespace cs::indexer
