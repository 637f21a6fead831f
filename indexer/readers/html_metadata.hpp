// What a page's markup says about its article, beyond its text: the facts the tree walk in
// html_text gathers (<meta>, <title>, <link rel=canonical>, <time>, JSON-LD), turned into
// record fields (record_fields.hpp's names) and the list of titles the page gives.
#pragma once

#include <libxml/tree.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "indexer/readers/html_text.hpp"

namespace cs::indexer {

// What the page's markup says about it, gathered in one walk.
struct PageFacts {
  const xmlNode* html = nullptr;
  const xmlNode* body = nullptr;
  std::vector<const xmlNode*> h1s;        // every <h1>, in document order
  std::string title_element;              // <title>
  std::string canonical_url;
  std::string first_time;                 // <time datetime> in document order
  std::string visible_date;               // a dateline printed near the first <h1>, as ISO 8601
  std::string visible_dateline;           // that dateline as printed
  std::size_t dateline_candidates = 0;    // short elements after the first <h1> read for it
  // The last few elements before the first <h1> named for a date or a time (Xinhua prints
  // its date above the headline), nearest last.
  std::vector<const xmlNode*> dates_before_headline;
  std::vector<std::string> json_ld;       // the text of each JSON-LD script
  nlohmann::json meta = nlohmann::json::object();  // <meta> name/property -> content
  std::string standfirst;                 // the summary printed under the headline (html_standfirst.hpp)
  std::size_t standfirst_candidates = 0;  // elements after the first <h1> read for it
  std::vector<std::string> description_words;  // the description's, to find it by (plain_words)
  std::vector<std::string> logo_names;    // the alt text of the site's logo images (note_logo_image)
  std::vector<std::string> byline_names;  // the names of the byline printed after the first <h1> (html_byline.hpp)
  std::size_t byline_candidates = 0;      // byline-named elements read for it
};

// Letters and digits only, lowercased: "The Verge" and "theverge" compare equal.
std::string name_key(std::string_view name);

// Whether `title` is only one of `site_names`, as name_key compares them and a leading "The"
// aside: "The Korea Herald" for "Korea Herald", "HARBOUR TIMES" for harbourtimes.com's name.
bool names_only_the_site(std::string_view title, const std::vector<std::string_view>& site_names);

// Records an <img> that is the site's logo by its alt text, the site's name: its class or
// id names a logo, or its file's name does ("/images/print_logo.gif").
void note_logo_image(const xmlNode* img, PageFacts& facts);

// An element's text, white space collapsed.
std::string collapsed_text(const xmlNode* element);

// Whether an element holds only text and inline elements (<a>, <span>, <time>, <b>, <em>
// ...), as a printed dateline or a standfirst's paragraph does; its text is then short to read.
bool holds_only_inline_text(const xmlNode* node);

// The first value of the first of `keys` among the page's <meta> tags; empty when none.
std::string meta_value(const PageFacts& facts, std::initializer_list<const char*> keys);

// Records a <meta> element's name (or property, or itemprop) and content; the first of
// each name wins, except article:tag, author and article:author, which repeat.
void note_meta(const xmlNode* node, PageFacts& facts);

// Reads an element after the first <h1> as a printed dateline ("Veröffentlicht am
// 10.01.2024, 06.12 Uhr" in a <p> between the <h1> and the article's text): the extractor
// may leave the line out of the article, and the page its date with it (a second new
// user's trial). The first short elements holding only text and inline elements are read.
// Before the first <h1>, notes the elements named for a date or a time
// (PageFacts::dates_before_headline).
void note_visible_date(const xmlNode* node, PageFacts& facts);

// Sets page.fields from `facts` and page.blocks (the title is og:title, else JSON-LD's
// headline, else the first <h1>, else <title> without the site's name; a title that only
// names the site gives way to a headline the page shows, html_headline.hpp, and names the
// source when nothing else does), and page.titles to every title the page names in its
// metadata, in that order, whichever was chosen.
void fill_page_metadata(const PageFacts& facts, HtmlPage& page);

// `title` without the site's name it ends with, after a separator ("Headline - The
// Washington Post", as Google News gives its items), when a headline of some length is left;
// `sites` are the names it may take ("The Japan Times" ends a title as "japantimes" names
// the site in japantimes.co.jp).
std::string title_without_site(const std::string& title, const std::vector<std::string_view>& sites);

// The name a host gives its site: the label before its top-level domain and a country's
// second level ("japantimes" of japantimes.co.jp, "bbc" of bbc.co.uk, "cnn" of
// edition.cnn.com).
std::string site_label(std::string_view host);

// A URL's host in lower case without "www." ("https://www.cfr.org/blog/x" -> "cfr.org"),
// the source of a page or record that names none; empty when the URL has no host.
std::string url_host(std::string_view url);

}  // namespace cs::indexer
