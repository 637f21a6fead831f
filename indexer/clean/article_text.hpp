// Turns an article's text blocks into its title, dateline, byline and body, dropping site
// chrome and noting paywall previews. Shared by every reader of running text.
#pragma once

#include <vector>

#include "common/article.hpp"
#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

// Fills the empty ones of article.title, .date and .author from the lead-in blocks (the
// title is the first block that is not chrome, a dateline or a byline), sets .preview when a
// paywall notice is found, and sets .body to the remaining blocks, one paragraph each,
// separated by a blank line. A heading that repeats a title already known is dropped.
// With `title_from_text` false the blocks are known to be body text (a JSON record's "text"
// field): no block is taken for the title.
void fill_article_from_blocks(const std::vector<TextBlock>& blocks, Article& article, bool title_from_text = true);

}  // namespace cs::indexer
