#include "indexer/readers/html_blocks.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "common/utf8.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::name_of;

constexpr std::array<std::string_view, 30> kBlockElements = {
    "p",  "div", "section", "article", "main", "header", "h1", "h2",   "h3",         "h4",
    "h5", "h6",  "li",      "ul",      "ol",   "dl",     "dt", "dd",   "blockquote", "pre",
    "table", "tr", "td",    "th",      "hr",   "address", "figcaption", "figure", "caption", "body"};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// The last character of `text` (0 when it ends in invalid UTF-8).
char32_t last_character(std::string_view text) {
  std::size_t at = text.size();
  while (at > 0 && utf8::is_continuation(text[at - 1])) --at;
  if (at == 0) return 0;
  char32_t c = 0;
  return utf8::decode(text, at - 1, c) > 0 ? c : 0;
}

// Two inline elements side by side with no space between them ("<span>Abstimmung im
// Bundestag</span><span>Scholz verliert ...</span>", a kicker and its headline; "<span>Helena
// Marsh</span><span>Senior Fellow</span>"; "<span>October 17, 2024</span><span>1:15 PM</span>")
// are laid out apart by the site's style sheet, which a saved page's reader does not have.
// Joined they make words no one wrote ("BundestagScholz"). They are kept apart when the
// second starts a word with a capital or a digit after a word or a sentence's end: words split
// across elements for styling go on in lower case ("<span>Vertrauens</span><span>frage</span>"),
// and a drop cap is one letter ("<span>W</span><span>ASHINGTON</span>").
// (Scripts without case, Chinese and Japanese, never get a space from this.)
bool separate_words(std::string_view before, std::string_view first_of_next) {
  char32_t next = 0;
  if (first_of_next.empty() || utf8::decode(first_of_next, 0, next) == 0) return false;
  const char32_t previous = last_character(before);
  const auto type = u_charType(static_cast<UChar32>(previous));
  const bool cased_letter = type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER;
  const bool ascii_word_end =
      previous < 0x80 && ((previous >= '0' && previous <= '9') ||
                          std::string_view(".,:;!?)").find(static_cast<char>(previous)) != std::string_view::npos);
  if (next >= '0' && next <= '9') return ascii_word_end || (previous < 0x80 && cased_letter);
  return (cased_letter || ascii_word_end) && u_isupper(static_cast<UChar32>(next));
}

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
    if (!is_block_element(node)) {
      // Superscripts and subscripts belong to the word before them ("10<sup>25</sup>").
      if (after_element_ && name != "sup" && name != "sub") between_elements_ = true;
      chars_in_element_ = 0;
      return true;
    }
    flush();
    open_.push_back({node, heading_, list_item_});
    if (const int level = xml::heading_level(name); level > 0) heading_ = level;
    if (name == "li") list_item_ = true;
    return true;
  }

  void leave(const xmlNode* node) {
    if (node == root_ || node->type != XML_ELEMENT_NODE) return;
    const std::string_view name = name_of(node);
    if (name == "a") --in_link_;
    if (!is_block_element(node)) {
      // Closing an element that held a word of more than one character (not a drop cap).
      after_element_ = !current_.empty() && !pending_space_ && chars_in_element_ > 1 && name != "sup" && name != "sub";
      between_elements_ = false;
      return;
    }
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
      // A soft hyphen (&shy;, U+00AD) only says where a browser may break a long word.
      if (c[0] == '\xC2' && c[1] == '\xAD') {
        ++c;
        continue;
      }
      if (between_elements_ && !pending_space_ && separate_words(current_, c)) pending_space_ = true;
      after_element_ = false;
      between_elements_ = false;
      if (pending_space_) {
        current_.push_back(' ');
        // A space between two words of links is link text: "TRUMP TRIAL: LIVE UPDATES", all
        // link, was read as 88% link (its spaces not counted) and kept as a paragraph.
        if (in_link_ > 0 && last_in_link_) ++link_bytes_;
      }
      pending_space_ = false;
      current_.push_back(*c);
      if (!utf8::is_continuation(*c)) ++chars_in_element_;
      if (in_link_ > 0) ++link_bytes_;
      last_in_link_ = in_link_ > 0;
    }
  }

  void flush() {
    pending_space_ = false;
    after_element_ = false;
    between_elements_ = false;
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
    last_in_link_ = false;
  }

  const KeepElement& keep_;
  const xmlNode* root_ = nullptr;
  std::vector<HtmlBlock> blocks_;
  std::vector<Open> open_;  // the block elements open around the text, innermost last
  std::string current_;
  std::size_t link_bytes_ = 0;
  int in_link_ = 0;
  bool last_in_link_ = false;  // the last character appended was inside a link
  bool pending_space_ = false;
  // For separate_words: an inline element holding more than a letter has just closed, and
  // another has opened after it with no text between them.
  bool after_element_ = false;
  bool between_elements_ = false;
  std::size_t chars_in_element_ = 0;  // characters since the innermost inline element opened
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
