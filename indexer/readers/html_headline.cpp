#include "indexer/readers/html_headline.hpp"

#include <algorithm>
#include <iterator>

#include "common/ascii.hpp"
#include "indexer/clean/text_blocks.hpp"
#include "indexer/readers/html_evidence.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

// The article's text has begun at a run of this many words outside links: a sentence of it.
constexpr std::size_t kTextWords = 20;
// A headline's words: at least this many (a section's label, "World", "Most read", is
// fewer), at most as many as a title read from text (article_text's kMaxTitleWords).
constexpr std::size_t kFewestHeadlineWords = 3;
constexpr std::size_t kMostHeadlineWords = 30;

// Parts of class and id names, parted by '-' or '_', that name a title: "headline",
// "article-title", and "tit", as Korean and Chinese sites abbreviate it ("view_tit").
constexpr std::string_view kTitleNames[] = {"title", "headline", "heading", "tit"};
// Parts that name a title's neighbours: "view_tit_sub", "article-title-sub".
constexpr std::string_view kNotTheTitle[] = {"sub", "subtitle", "subheadline", "dek", "kicker"};

bool named_for_a_title(const xmlNode* element) {
  bool title = false;
  bool neighbour = false;
  for (const char* attribute_name : {"class", "id"}) {
    xml::for_each_word(ascii_lower(xml::attribute(element, attribute_name)), [&](std::string_view name) {
      while (!name.empty()) {
        const std::size_t end = std::min(name.find_first_of("-_"), name.size());
        const std::string_view part = name.substr(0, end);
        title = title || std::find(std::begin(kTitleNames), std::end(kTitleNames), part) != std::end(kTitleNames);
        neighbour = neighbour || std::find(std::begin(kNotTheTitle), std::end(kNotTheTitle), part) != std::end(kNotTheTitle);
        name.remove_prefix(std::min(end + 1, name.size()));
      }
    });
  }
  return title && !neighbour;
}

// The bytes of text under `element` inside links.
std::size_t link_bytes(const xmlNode* element) {
  std::size_t bytes = 0;
  xml::walk_tree(
      element,
      [&bytes](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (xml::name_of(node) != "a") return true;
        bytes += collapsed_text(node).size();
        return false;
      },
      [](const xmlNode*) {});
  return bytes;
}

bool inside_link(const xmlNode* node) {
  for (const xmlNode* up = node->parent; up != nullptr && up->type == XML_ELEMENT_NODE; up = up->parent) {
    if (xml::name_of(up) == "a") return true;
  }
  return false;
}

// `element`'s text when it reads as the page's headline, else empty.
std::string as_headline(const xmlNode* element, const std::vector<std::string_view>& site_names) {
  const bool heading = xml::name_of(element) == "h2";
  if ((!heading && !named_for_a_title(element)) || !holds_only_inline_text(element)) return {};
  std::string text = collapsed_text(element);
  const std::size_t words = reading_words(text);
  if (words < kFewestHeadlineWords || words > kMostHeadlineWords || names_only_the_site(text, site_names)) return {};
  if (2 * link_bytes(element) > text.size() || inside_link(element)) return {};  // a link to another story
  return text;
}

}  // namespace

std::string headline_before_text(const xmlNode* body, const std::vector<std::string_view>& site_names) {
  if (body == nullptr) return {};
  std::string headline;
  bool text_began = false;
  xml::walk_tree(
      body,
      [&](const xmlNode* node) {
        if (!headline.empty() || text_began) return false;
        if (node->type == XML_TEXT_NODE) {
          const char* content = reinterpret_cast<const char*>(node->content);
          text_began = content != nullptr && !inside_link(node) && reading_words(content) >= kTextWords;
          return false;
        }
        if (node->type != XML_ELEMENT_NODE || is_never_text(node) || name_evidence(node) < 0) return false;
        headline = as_headline(node, site_names);
        return headline.empty();
      },
      [](const xmlNode*) {});
  return headline;
}

}  // namespace cs::indexer
