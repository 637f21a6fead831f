// The visible text under an HTML element as paragraph blocks, white space collapsed as a
// browser shows it: a block ends at every block-level element and at <br>. For each block,
// the element that holds it and how much of it is link text, which the content choice
// (html_content.hpp) weighs.
#pragma once

#include <libxml/tree.h>

#include <cstddef>
#include <functional>
#include <vector>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

struct HtmlBlock {
  TextBlock text;
  const xmlNode* holder = nullptr;  // the innermost block-level element around it (or the walk's root)
  std::size_t link_bytes = 0;       // bytes of the text inside <a> elements
};

// Whether to read an element and everything under it.
using KeepElement = std::function<bool(const xmlNode*)>;

// The blocks under `root` in document order, leaving out every element `keep` refuses.
std::vector<HtmlBlock> collect_blocks(const xmlNode* root, const KeepElement& keep);

// True for the elements that start and end a block of text (p, div, li, h1, td...).
bool is_block_element(const xmlNode* element);

}  // namespace cs::indexer
