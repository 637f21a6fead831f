#include "indexer/readers/html_blocks.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::name_of;

constexpr std::array<std::string_view, 30> kBlockElements = {
    "p",  "div", "section", "article", "main", "header", "h1", "h2",   "h3",         "h4",
    "h5", "h6",  "li",      "ul",      "ol",   "dl",     "dt", "dd",   "blockquote", "pre",
    "table", "tr", "td",    "th",      "hr",   "address", "figcaption", "figure", "caption", "body"};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

class Collector {
 public:
  explicit Collector(const KeepElement& keep) : keep_(keep) {}

  void walk(const xmlNode* root) {
    root_ = root;
    xml::walk_tree(
        root, [this](const xmlNode* node) { return enter(node); }, [this](const xmlNode* node) { leave(node); });
    flush();
  }

  std::vector<HtmlBlock> take() { return std::move(blocks_); }

 private:
  struct Open {
    const xmlNode* element;
    int heading;
    bool list_item;
  };

  bool enter(const xmlNode* node) {
    if (node == root_) return true;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      append(reinterpret_cast<const char*>(node->content));
      return false;
    }
    if (node->type != XML_ELEMENT_NODE || !keep_(node)) return false;
    const std::string_view name = name_of(node);
    if (name == "br") {
      flush();
      return false;
    }
    if (name == "a") ++in_link_;
    if (!is_block_element(node)) return true;
    flush();
    open_.push_back({node, heading_, list_item_});
    if (const int level = xml::heading_level(name); level > 0) heading_ = level;
    if (name == "li") list_item_ = true;
    return true;
  }

  void leave(const xmlNode* node) {
    if (node == root_ || node->type != XML_ELEMENT_NODE) return;
    if (name_of(node) == "a") --in_link_;
    if (!is_block_element(node)) return;
    flush();
    heading_ = open_.back().heading;
    list_item_ = open_.back().list_item;
    open_.pop_back();
  }

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
      if (in_link_ > 0) ++link_bytes_;
    }
  }

  void flush() {
    pending_space_ = false;
    if (current_.empty()) return;
    HtmlBlock block;
    block.text.text = std::move(current_);
    block.text.heading_level = heading_;
    block.text.list_item = list_item_;
    block.text.after_blank = true;  // HTML blocks are paragraphs, not lines of one paragraph
    block.holder = open_.empty() ? root_ : open_.back().element;
    block.link_bytes = link_bytes_;
    blocks_.push_back(std::move(block));
    current_.clear();
    link_bytes_ = 0;
  }

  const KeepElement& keep_;
  const xmlNode* root_ = nullptr;
  std::vector<HtmlBlock> blocks_;
  std::vector<Open> open_;  // the block elements open around the text, innermost last
  std::string current_;
  std::size_t link_bytes_ = 0;
  int in_link_ = 0;
  bool pending_space_ = false;
  int heading_ = 0;
  bool list_item_ = false;
};

}  // namespace

bool is_block_element(const xmlNode* element) {
  return element->type == XML_ELEMENT_NODE &&
         std::find(kBlockElements.begin(), kBlockElements.end(), name_of(element)) != kBlockElements.end();
}

std::vector<HtmlBlock> collect_blocks(const xmlNode* root, const KeepElement& keep) {
  Collector collector(keep);
  collector.walk(root);
  return collector.take();
}

}  // namespace cs::indexer
