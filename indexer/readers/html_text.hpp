// HTML to article text, with libxml2's HTML parser (never regular expressions): the page's
// metadata from <meta>, <link rel=canonical>, <html lang>, <time> and JSON-LD
// (html_metadata.hpp), and the text blocks of its article, chosen by weighing every element's
// paragraphs, links and names (html_content.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

struct HtmlPage {
  // Metadata under record_fields.hpp's names (title, date, author, source, url, lang,
  // topics, excerpt, text), ready for fill_article_from_record. "text" is JSON-LD's
  // articleBody, set only when the page shows no text of its own.
  nlohmann::json fields = nlohmann::json::object();
  std::vector<TextBlock> blocks;  // the main content, in document order
  // False when no part of the page reads as article text (html_content.hpp): `blocks` is
  // then at most a line or two, or the teasers of an index page.
  bool article_text_found = false;
  // The page describes itself (og:description, description or twitter:description in
  // `fields`' excerpt): the stand-in for text not found.
  bool described = false;
  // Every title the page names, chosen or not: og:title (or twitter:title), JSON-LD's
  // headline, <title> without the site's name; for add_other_titles.
  std::vector<std::string> titles;
  // The page nests deeper than libxml2's 256 levels, with tags that would make reading it
  // deeper slow (html_depth.hpp): the text below that depth is not read.
  bool cut_at_depth_limit = false;
  std::string standfirst;  // the summary under the headline, outside `blocks` (html_standfirst.hpp)
  // The page holds only a paywall's preview of its article: JSON-LD says the article is not
  // free to read, and the page lacks the part sold (html_paywall.hpp).
  bool paywalled = false;
};

// `text` with HTML's character references decoded ("Q&amp;A", "it&#8217;s", "&#x2019;"),
// for text that carries them outside markup: WordPress's rendered titles, JSON exports of
// feeds. Named references are libxml2's HTML entities; a number that is no character is
// U+FFFD, one in 128-159 the windows-1252 character HTML reads it as; anything that is no
// reference is left as written ("AT&T", "R&D;").
std::string decode_character_references(std::string_view text);

// `html` is UTF-8. libxml2 recovers from any malformed markup, so this always gives a page,
// possibly empty. Text nested deeper than libxml2's default 256 levels is read too, unless
// the page's tags could make parsing it that deep take seconds (html_depth.hpp).
// `saved_from`, the address a browser saved the page from (an MHTML archive's), is its URL
// when the page names none.
HtmlPage read_html_page(std::string_view html, std::string_view saved_from = {});

// The text blocks of an HTML fragment (a feed item's content, a JSON "content" field), all
// of it rather than a chosen main element, with the same elements left out.
std::vector<TextBlock> html_fragment_blocks(std::string_view html);

// html_fragment_blocks for a fragment that is an article's text (a feed item's description,
// a record's body): none when it holds links alone (html_text.cpp). A title, a name or a
// tag that is a link is still its text.
std::vector<TextBlock> html_text_blocks(std::string_view html);

// True when `text` holds HTML markup rather than plain text: a known tag such as <p> or <br>.
bool looks_like_html(std::string_view text);

}  // namespace cs::indexer
