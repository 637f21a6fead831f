#include "indexer/readers/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "common/ascii.hpp"
#include "indexer/readers/html_depth.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::attribute;
using xml::DocPtr;
using xml::name_of;

// Recover from anything, print nothing, never fetch a DTD or entity from the network.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

// Past libxml2's 256 open elements only when that cannot make the parse slow (html_depth);
// `cut_at_limit` tells whether text deeper than that is lost.
DocPtr parse(std::string_view html, bool* cut_at_limit = nullptr) {
  const DepthPlan plan = plan_depth(html);
  if (cut_at_limit != nullptr) *cut_at_limit = plan.cut_at_limit;
  const int options = plan.parse_deep ? kParseOptions | XML_PARSE_HUGE : kParseOptions;
  return DocPtr(htmlReadMemory(html.data(), xml::xml_size(html), nullptr, "UTF-8", options), &xmlFreeDoc);
}

// Visits `root` and the nodes under it in document order without recursion, since a page
// may nest 100,000 elements deep: enter(node) says whether to go into the node's children,
// and leave(node) follows for each node entered, after its children.
template <typename Enter, typename Leave>
void walk_tree(const xmlNode* root, Enter&& enter, Leave&& leave) {
  const xmlNode* node = root;
  while (true) {
    if (enter(node)) {
      if (node->children != nullptr) {
        node = node->children;
        continue;
      }
      leave(node);
    }
    while (node != root && node->next == nullptr) {
      node = node->parent;
      leave(node);
    }
    if (node == root) return;
    node = node->next;
  }
}

template <std::size_t N>
bool one_of(std::string_view value, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

// Elements that are never article text.
constexpr std::array<std::string_view, 18> kSkippedElements = {
    "script", "style",  "noscript", "template", "nav",    "footer", "aside",  "form",   "button",
    "select", "svg",    "iframe",   "figure",   "picture", "object", "embed", "canvas", "head"};
// Elements that start and end a block of text.
constexpr std::array<std::string_view, 27> kBlockElements = {
    "p",     "div",   "section", "article", "main", "header", "h1",  "h2",  "h3",
    "h4",    "h5",    "h6",      "li",      "ul",   "ol",     "dl",  "dt",  "dd",
    "blockquote", "pre", "table", "tr",     "td",   "th",     "hr",  "address", "figcaption"};
// ARIA roles of page furniture.
constexpr std::array<std::string_view, 6> kSkippedRoles = {"navigation", "contentinfo", "complementary",
                                                           "search",     "dialog",      "banner"};
// Words in class and id names of widgets around an article.
constexpr std::array<std::string_view, 12> kWidgetWords = {"cookie", "consent",   "share",  "social",
                                                           "newsletter", "subscribe", "promo", "advert",
                                                           "related", "comment",  "breadcrumb", "sidebar"};

bool is_widget(const xmlNode* node) {
  const std::string names = ascii_lower(attribute(node, "class") + " " + attribute(node, "id"));
  if (names.size() <= 1) return false;
  return std::any_of(kWidgetWords.begin(), kWidgetWords.end(),
                     [&names](std::string_view word) { return names.find(word) != std::string::npos; });
}

bool is_skipped(const xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE) return false;
  if (one_of(name_of(node), kSkippedElements)) return true;
  if (xmlHasProp(node, reinterpret_cast<const xmlChar*>("hidden")) != nullptr) return true;
  if (attribute(node, "aria-hidden") == "true") return true;
  if (one_of(ascii_lower(attribute(node, "role")), kSkippedRoles)) return true;
  return is_widget(node);
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// Collects the visible text under an element as blocks, white space collapsed as a browser
// shows it.
class BlockCollector {
 public:
  std::vector<TextBlock> take() {
    flush();
    return std::move(blocks_);
  }

  // The blocks under `root`, not counting `root` itself as a block or as skipped.
  void walk(const xmlNode* root) {
    walk_tree(
        root,
        [this, root](const xmlNode* node) {
          if (node == root) return true;
          if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            append(reinterpret_cast<const char*>(node->content));
            return false;
          }
          if (node->type != XML_ELEMENT_NODE || is_skipped(node)) return false;
          const std::string_view name = name_of(node);
          if (name == "br") {
            flush();
            return false;
          }
          if (!one_of(name, kBlockElements)) return true;
          flush();
          saved_.push_back({heading_, list_item_});
          if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') heading_ = name[1] - '0';
          if (name == "li") list_item_ = true;
          return true;
        },
        [this, root](const xmlNode* node) {
          if (node == root || !one_of(name_of(node), kBlockElements)) return;
          flush();
          heading_ = saved_.back().heading;
          list_item_ = saved_.back().list_item;
          saved_.pop_back();
        });
  }

 private:
  void append(const char* text) {
    if (text == nullptr) return;
    for (const char* c = text; *c != '\0'; ++c) {
      // A no-break space (U+00A0) is spacing here too: &nbsp; runs between words.
      const bool no_break_space = c[0] == '\xC2' && c[1] == '\xA0';
      if (is_space(*c) || no_break_space) {
        if (no_break_space) ++c;
        pending_space_ = !current_.empty();
        continue;
      }
      if (pending_space_) current_.push_back(' ');
      pending_space_ = false;
      current_.push_back(*c);
    }
  }

  void flush() {
    pending_space_ = false;
    if (current_.empty()) return;
    TextBlock block;
    block.text = std::move(current_);
    block.heading_level = heading_;
    block.list_item = list_item_;
    block.after_blank = true;  // HTML blocks are paragraphs, not lines of one paragraph
    blocks_.push_back(std::move(block));
    current_.clear();
  }

  struct Saved {
    int heading;
    bool list_item;
  };

  std::vector<TextBlock> blocks_;
  std::vector<Saved> saved_;  // the state outside each open block element
  std::string current_;
  bool pending_space_ = false;
  int heading_ = 0;
  bool list_item_ = false;
};

std::string node_text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

// Notes what an element says about the page, in document order.
void note_element(const xmlNode* node, bool skipped, PageFacts& facts) {
  const std::string_view name = name_of(node);
  if (name == "body") {
    facts.body = node;
  } else if (name == "meta") {
    note_meta(node, facts);
  } else if (name == "title" && facts.title_element.empty()) {
    facts.title_element = node_text(node);
  } else if (name == "link" && ascii_lower(attribute(node, "rel")) == "canonical") {
    facts.canonical_url = attribute(node, "href");
  } else if (name == "time" && facts.first_time.empty()) {
    facts.first_time = attribute(node, "datetime");
  } else if (name == "script" && ascii_lower(attribute(node, "type")) == "application/ld+json") {
    facts.json_ld.push_back(node_text(node));
  } else if (name == "article" && !skipped) {
    // An <article> competes on its text length once its children are counted (gather_facts).
  } else if ((name == "main" || attribute(node, "role") == "main") && facts.main == nullptr) {
    facts.main = node;
  }
}

// One walk over every element: the page's metadata, and the lengths that choose the content
// root. An element's visible text counts the text nodes under it but not under skipped
// elements; the densest element is the one whose own <p> children hold the most of it.
// Lengths are summed as the walk leaves each element, so the walk stays linear however deep
// the page; ties go to the element that comes first, as a walk in document order finds it.
PageFacts gather_facts(const xmlDoc* doc) {
  PageFacts facts;
  facts.html = xmlDocGetRootElement(doc);
  if (facts.html == nullptr) return facts;
  struct Open {
    std::size_t order;       // in document order
    bool skipped;
    std::size_t length = 0;  // visible text under the element
    std::size_t paragraphs = 0;
  };
  std::vector<Open> open;
  std::size_t order = 0;
  std::size_t best_article_order = 0, densest_order = 0;
  const auto better = [](std::size_t length, std::size_t at, std::size_t best, std::size_t best_at) {
    return length > best || (length == best && length > 0 && at < best_at);
  };
  walk_tree(
      facts.html,
      [&](const xmlNode* node) {
        if (node->type == XML_TEXT_NODE && node->content != nullptr && !open.empty()) {
          open.back().length += std::strlen(reinterpret_cast<const char*>(node->content));
        }
        if (node->type != XML_ELEMENT_NODE) return false;
        const bool skipped = is_skipped(node);
        note_element(node, skipped, facts);
        open.push_back({order++, skipped});
        return true;
      },
      [&](const xmlNode* node) {
        const Open done = open.back();
        open.pop_back();
        if (!open.empty()) {
          if (!done.skipped) open.back().length += done.length;
          if (name_of(node) == "p") open.back().paragraphs += done.length;
        }
        if (name_of(node) == "article" && !done.skipped &&
            better(done.length, done.order, facts.best_article_length, best_article_order)) {
          facts.best_article = node;
          facts.best_article_length = done.length;
          best_article_order = done.order;
        }
        if (better(done.paragraphs, done.order, facts.densest_length, densest_order)) {
          facts.densest = node;
          facts.densest_length = done.paragraphs;
          densest_order = done.order;
        }
      });
  return facts;
}

const xmlNode* content_root(const PageFacts& facts) {
  if (facts.best_article != nullptr) return facts.best_article;
  if (facts.main != nullptr) return facts.main;
  if (facts.densest != nullptr) return facts.densest;
  return facts.body != nullptr ? facts.body : facts.html;
}

}  // namespace

HtmlPage read_html_page(std::string_view html) {
  HtmlPage page;
  DocPtr doc = parse(html, &page.cut_at_depth_limit);
  if (!doc) return page;
  const PageFacts facts = gather_facts(doc.get());
  if (const xmlNode* root = content_root(facts)) {
    BlockCollector collector;
    collector.walk(root);
    page.blocks = collector.take();
  }
  fill_page_metadata(facts, page);
  return page;
}

std::vector<TextBlock> html_fragment_blocks(std::string_view html) {
  DocPtr doc = parse(html);
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return {};
  BlockCollector collector;
  collector.walk(root);
  return collector.take();
}

bool looks_like_html(std::string_view text) {
  static constexpr std::array<std::string_view, 8> kTags = {"<p>", "<p ", "<br", "</p>", "<div", "</a>", "<li>", "</em>"};
  const std::string head = ascii_lower(text.substr(0, 4096));
  return std::any_of(kTags.begin(), kTags.end(), [&head](std::string_view tag) { return head.find(tag) != std::string::npos; });
}

}  // namespace cs::indexer
