// Finds the headline a page shows above its text when its metadata gives none but the
// site's name: a printer-friendly page's <title> is often the site alone ("The Korea
// Herald"), its headline a <div class="view_tit"> over the text.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

// The text of the first heading-like element under `body` before the article's text begins
// (a run of 20 words outside links): an <h2>, or an element named for a title or headline
// ("headline", "article-title", "view_tit"), holding inline text alone, of three words or
// more and no more than a headline's, not mostly a link, not a subtitle ("view_tit_sub"),
// and not one of `site_names`. Empty when there is none.
std::string headline_before_text(const xmlNode* body, const std::vector<std::string_view>& site_names);

}  // namespace cs::indexer
