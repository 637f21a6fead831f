// The standfirst (dek, summary) printed between a headline and its story. The extractor
// leaves it out with the page's header when the header holds it (the Guardian's, Le
// Monde's, El País's), and with it the words a reader remembers of the story. The page's
// own description tells which element it is: the first element after the first <h1>
// whose text is the description's (og:description, description), compared word by word
// (plain_words: the page prints typographic quotes where its meta tag has straight ones).
// A description that no element shows is no standfirst: sites write them for search
// engines ("The latest news from ...").
#pragma once

#include <libxml/tree.h>

#include <vector>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

struct PageFacts;

// Reads an element after the first <h1> for the standfirst, in document order (the walk
// that gathers PageFacts); the <meta> tags in the page's head come before it.
void note_standfirst(const xmlNode* node, PageFacts& facts);

// The standfirst, unless the article's first blocks hold it already; else empty. It is kept
// apart from the text: the story's body, as readers and extraction benchmarks mark it,
// begins under it.
std::string standfirst_outside(const PageFacts& facts, const std::vector<TextBlock>& blocks);

}  // namespace cs::indexer
