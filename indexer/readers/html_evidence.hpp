// What an element's markup says about it, before its text is weighed: elements that are never
// article text (scripts, navigation, hidden parts), and the evidence its class and id names
// give that it holds the story or the furniture around it.
#pragma once

#include <libxml/tree.h>

namespace cs::indexer {

// Never article text, whatever it holds: scripts, styles, form controls, navigation, asides, footers,
// embedded media, elements hidden from readers (hidden, aria-hidden, display:none, the
// screen-reader-only labels of icons), furniture roles (navigation, banner, dialog...) and
// links to tag and category pages (rel="tag").
bool is_never_text(const xmlNode* element);

// The class and id names' evidence (and data-testid's and data-component's): above 0 for the story's container ("article-body",
// "entry-content", itemprop=articleBody), below 0 for furniture ("comments", "related",
// "share-bar"), 0 for neither or both. Names are read as whole words ("l-sidebar-fixed" says
// "sidebar", "content-with-sidebar-wrp" says "content" and "sidebar", "url-breadcrumb"
// never says "crumb", "promotion" is not "promo"); in a BEM name ("article-body__sidebar")
// the element's own word after "__" speaks for it, in "newsletter-in-article" the word before
// "in", and a state ("has-video", "with-comments") says nothing. Evidence, never a verdict: the caller
// weighs it against the text the element holds.
// With `captions_are_text` (a gallery, whose story is told in captions), "caption" is not a
// furniture word.
int name_evidence(const xmlNode* element, bool captions_are_text = false);

}  // namespace cs::indexer
