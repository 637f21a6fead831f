// Tells a saved page that holds only the part of an article a paywall shows from one that
// holds the whole article: JSON-LD's isAccessibleForFree says what the publisher sells, not
// what the page that was saved holds.
#pragma once

#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <cstddef>

namespace cs::indexer {

// Articles run longer than this many words; a paywall shows the first two or three
// paragraphs (the preview fixtures: 93 to 115 words; the FT, Economist and Atlantic pages a
// subscriber saved in a new user's trial: 450 to 600).
inline constexpr std::size_t kMinWholeArticleWords = 200;

// True when `ld_article` (json_ld.hpp) says the article is not free to read
// (isAccessibleForFree false, as a boolean or a string) and the page under `root` lacks the
// part sold: the section its hasPart names by a CSS selector is on the page with no text in
// it, or the article's text is `article_words` (reading_words) short of
// kMinWholeArticleWords. A selector of classes, ids and element names, alone, in lists or
// for descendants (".paywall", "section.locked, #premium") is looked for; any other says
// nothing, and neither does one the page holds no element for.
bool is_paywall_preview(const nlohmann::json& ld_article, const xmlNode* root, std::size_t article_words);

}  // namespace cs::indexer
