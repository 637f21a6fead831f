#include "indexer/readers/html_evidence.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::attribute;
using xml::name_of;

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

// Not <form>: ASP.NET and SharePoint pages wrap the whole page in one. AMP pages name their
// ads, embeds, players, menus and share buttons with elements of their own: an <amp-ad>
// shows its placeholder's "廣告" (advertisement) until the ad loads (CNA's AMP page).
constexpr std::array<std::string_view, 33> kNeverTextElements = {
    "script",     "style",      "noscript",      "template",   "nav",       "footer",      "aside",
    "textarea",   "button",     "select",        "svg",        "iframe",    "picture",     "object",
    "embed",      "canvas",     "head",          "video",      "audio",     "dialog",      "input",
    "amp-ad",     "amp-embed",  "amp-sticky-ad", "amp-analytics", "amp-pixel", "amp-sidebar", "amp-social-share",
    "amp-iframe", "amp-video",  "amp-audio",     "amp-youtube", "amp-consent"};
constexpr std::array<std::string_view, 7> kFurnitureRoles = {"navigation", "contentinfo", "complementary", "search",
                                                             "dialog",     "banner",      "alertdialog"};
// Whole class names of text a screen reader gets and the page does not show.
constexpr std::array<std::string_view, 8> kHiddenClasses = {"sr-only",        "visually-hidden", "visuallyhidden",
                                                            "screen-reader-text", "screenreader", "hidden",
                                                            "u-hidden",       "is-hidden"};

// Words of class and id names that say "the story is here".
constexpr std::array<std::string_view, 17> kContentWords = {
    "article", "articlebody", "body",  "content", "entry", "story",   "post", "text",  "main",
    "prose",   "paragraph",   "blog",  "copy",    "richtext", "single", "storytext", "articletext"};
// Words that say "furniture around the story".
// Players and embeds ("mol-video", CBC's "mediaEmbed", "playerWrap") hold a video's title and
// its "Up Next" list; appeals for money (Vox's "contribution-ask", Meduza's "DonatesTeaser")
// and toolbars ("article-actions") are no text either.
constexpr std::array<std::string_view, 70> kFurnitureWords = {
    "comment",   "comments",  "disqus",    "respond",   "reply",     "replies",  "sidebar",  "breadcrumb",
    "breadcrumbs", "related", "share",     "sharing",   "sharebar",  "social",   "newsletter", "subscribe",
    "subscription", "signup", "promo",     "advert",    "advertisement", "ad",   "ads",      "adslot",
    "sponsor",   "sponsored", "cookie",    "consent",   "outbrain",  "taboola",  "popular",  "trending",
    "recommended", "recirc",  "footer",    "masthead",  "menu",      "navbar",   "widget",   "byline",
    "bio",       "caption",   "credit",    "tags",      "modal",     "popup",    "login",    "dek",
    "standfirst", "kicker",   "eyebrow",   "unibrow",   "pullquote", "pull",     "timestamp", "toolbar",
    "more",      "meta",      "video",     "player",    "embed",     "audio",    "donate",   "donates",
    "donation",  "donations", "contribution", "membership", "support", "actions"};

// The words of one class or id name: split at '-', '_', ':' and lower-to-upper case changes
// ("articleBody" is "article" and "body"), lowercased; the BEM element after "__" alone when
// there is one.
void add_words(std::string_view name, std::vector<std::string>& words) {
  if (const std::size_t element = name.rfind("__"); element != std::string_view::npos) {
    name.remove_prefix(element + 2);
    if (const std::size_t modifier = name.find("--"); modifier != std::string_view::npos) name = name.substr(0, modifier);
  }
  std::string joined = ascii_lower(name);
  joined.erase(std::remove_if(joined.begin(), joined.end(), [](char c) { return c == '-' || c == '_' || c == ':'; }),
               joined.end());
  if (!joined.empty()) words.push_back(joined);  // "article-body" also as "articlebody", read before its parts
  std::string word;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool separator = c == '-' || c == '_' || c == ':';
    const bool camel_break = c >= 'A' && c <= 'Z' && i > 0 && name[i - 1] >= 'a' && name[i - 1] <= 'z';
    if ((separator || camel_break) && !word.empty()) {
      words.push_back(word);
      word.clear();
    }
    if (!separator) word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!word.empty()) words.push_back(word);
}

// The verdict of one class or id name: its head word (the last word that says either)
// decides, as in "entry-meta" (furniture) or "comment-content" (content); 0 for neither.
int name_verdict(std::string_view name, bool captions_are_text) {
  // A state's name says what an element holds, not what it is: Fox News' <article
  // class="article-wrap has-video"> is a story with a video in it.
  for (const std::string_view state : {"has-", "has_", "with-", "with_"}) {
    if (name.size() > state.size() && ascii_lower(name.substr(0, state.size())) == state) return 0;
  }
  std::vector<std::string> words;
  add_words(name, words);
  // "newsletter-in-article", "ad-in-content": the thing named comes before "in", where it
  // sits after it. (words[0] is the name joined: "in" opening a name, "in-article-ad", is no
  // such word.)
  if (const auto in = std::find(words.begin() + std::min<std::ptrdiff_t>(2, std::ssize(words)), words.end(), "in");
      in != words.end()) {
    words.erase(in, words.end());
  }
  for (auto word = words.rbegin(); word != words.rend(); ++word) {
    if (one_of(std::string_view(*word), kContentWords)) return 1;
    if (captions_are_text && *word == "caption") return 0;
    if (one_of(std::string_view(*word), kFurnitureWords)) return -1;
  }
  return 0;
}

// Hidden by a class, unless a responsive class shows it on larger screens (Tailwind's
// "hidden md:block"): a saved page is read as a desktop browser shows it.
bool has_hidden_class(const xmlNode* element) {
  const std::string classes = ascii_lower(attribute(element, "class"));
  if (classes.find(":block") != std::string::npos || classes.find(":flex") != std::string::npos ||
      classes.find(":grid") != std::string::npos || classes.find(":inline") != std::string::npos ||
      classes.find(":table") != std::string::npos) {
    return false;
  }
  bool hidden = false;
  xml::for_each_word(classes, [&hidden](std::string_view name) { hidden = hidden || one_of(name, kHiddenClasses); });
  return hidden;
}

bool is_display_none(const xmlNode* element) {
  std::string style = ascii_lower(attribute(element, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

bool links_a_taxonomy(const xmlNode* element) {
  if (element->type != XML_ELEMENT_NODE || name_of(element) != "a") return false;
  bool taxonomy = false;
  xml::for_each_word(ascii_lower(attribute(element, "rel")),
                     [&taxonomy](std::string_view word) { taxonomy = taxonomy || word == "tag" || word == "category"; });
  return taxonomy;
}

// Text between listed links: spaces, commas, bars, slashes and middle dots.
bool is_separator_text(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text.compare(at, 2, "\xC2\xB7") == 0) {  // ·
      ++at;
      continue;
    }
    if (std::string_view(" \t\r\n,|/").find(text[at]) == std::string_view::npos) return false;
  }
  return true;
}

// A link to a taxonomy page (rel="tag", rel="category tag") among others only, as WordPress
// lists a post's categories and tags above and below it: a label of the site's. One in a
// sentence ("The <a rel=tag>NATO</a> summit") is a word of it.
bool is_taxonomy_link(const xmlNode* element) {
  if (!links_a_taxonomy(element) || element->parent == nullptr) return false;
  for (const xmlNode* sibling = element->parent->children; sibling != nullptr; sibling = sibling->next) {
    if (sibling->type == XML_ELEMENT_NODE && !links_a_taxonomy(sibling)) return false;
    if (sibling->type == XML_TEXT_NODE && sibling->content != nullptr &&
        !is_separator_text(reinterpret_cast<const char*>(sibling->content))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool is_never_text(const xmlNode* element) {
  if (element->type != XML_ELEMENT_NODE) return false;
  if (one_of(name_of(element), kNeverTextElements) || is_taxonomy_link(element)) return true;
  if (xmlHasProp(element, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (attribute(element, "aria-hidden") == "true") return true;
  if (one_of(ascii_lower(attribute(element, "role")), kFurnitureRoles)) return true;
  return has_hidden_class(element) || is_display_none(element);
}

int name_evidence(const xmlNode* element, bool captions_are_text) {
  if (ascii_lower(attribute(element, "itemprop")) == "articlebody") return 2;
  int evidence = 0;
  // Sites built with React and its kin name their parts in test and component attributes
  // and leave the classes hashed ("sc-18fde0d6-0"): the BBC's data-component="byline-block",
  // Reuters' and the New York Times' data-testid.
  for (const char* attribute_name : {"class", "id", "data-testid", "data-component"}) {
    xml::for_each_word(attribute(element, attribute_name), [&evidence, captions_are_text](std::string_view name) {
      evidence += name_verdict(name, captions_are_text);
    });
  }
  return std::clamp(evidence, -2, 2);
}

}  // namespace cs::indexer
