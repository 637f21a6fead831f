#include "indexer/readers/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

#include "common/ascii.hpp"
#include "indexer/readers/html_blocks.hpp"
#include "indexer/readers/html_byline.hpp"
#include "indexer/readers/html_content.hpp"
#include "indexer/readers/html_depth.hpp"
#include "indexer/readers/html_evidence.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/html_standfirst.hpp"
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

// Feed content and JSON "content" fields: all of it is the article, less what is never
// text and what its names call furniture.
bool fragment_keeps(const xmlNode* element) {
  const std::string_view name = name_of(element);
  return !is_never_text(element) && name != "figure" && name != "figcaption" && name_evidence(element) >= 0;
}

std::vector<TextBlock> texts_of(std::vector<HtmlBlock> blocks) {
  std::vector<TextBlock> texts;
  texts.reserve(blocks.size());
  for (HtmlBlock& block : blocks) texts.push_back(std::move(block.text));
  return texts;
}

// Notes what an element says about the page, in document order.
void note_element(const xmlNode* node, PageFacts& facts) {
  note_visible_date(node, facts);
  note_standfirst(node, facts);
  note_byline(node, facts);
  const std::string_view name = name_of(node);
  if (name == "body") {
    if (facts.body == nullptr) facts.body = node;
  } else if (name == "meta") {
    note_meta(node, facts);
  } else if (name == "title" && facts.title_element.empty()) {
    facts.title_element = xml::text_of(node);
  } else if (name == "link" && ascii_lower(attribute(node, "rel")) == "canonical") {
    facts.canonical_url = attribute(node, "href");
  } else if (name == "time" && facts.first_time.empty()) {
    facts.first_time = attribute(node, "datetime");
  } else if (name == "script" && ascii_lower(attribute(node, "type")) == "application/ld+json") {
    facts.json_ld.push_back(xml::text_of(node));
  } else if (name == "h1") {
    facts.h1s.push_back(node);
  } else if (name == "img") {
    note_logo_image(node, facts);
  }
}

// One walk over every element for the page's metadata; linear however deep the page.
PageFacts gather_facts(const xmlDoc* doc) {
  PageFacts facts;
  facts.html = xmlDocGetRootElement(doc);
  if (facts.html == nullptr) return facts;
  xml::walk_tree(
      facts.html,
      [&](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        note_element(node, facts);
        return true;
      },
      [](const xmlNode*) {});
  return facts;
}

}  // namespace

HtmlPage read_html_page(std::string_view html, std::string_view saved_from) {
  HtmlPage page;
  DocPtr doc = parse(html, &page.cut_at_depth_limit);
  if (!doc) return page;
  PageFacts facts = gather_facts(doc.get());
  if (facts.canonical_url.empty() && !facts.meta.contains("og:url")) facts.canonical_url = saved_from;
  ArticleContent content = extract_article(facts.body != nullptr ? facts.body : facts.html);
  page.blocks = std::move(content.blocks);
  if (content.found) page.standfirst = standfirst_outside(facts, page.blocks);
  const auto described = [&facts](const char* key) {
    const auto value = facts.meta.find(key);
    return value != facts.meta.end() && value->is_string() && !value->get_ref<const std::string&>().empty();
  };
  page.article_text_found = content.found;
  fill_page_metadata(facts, page);  // JSON-LD's articleBody may stand in for text not found
  page.described = described("og:description") || described("description") || described("twitter:description");
  return page;
}

namespace {

std::vector<HtmlBlock> fragment_blocks(std::string_view html) {
  DocPtr doc = parse(html);
  if (!doc) return {};
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return {};
  return collect_blocks(root, fragment_keeps);
}

}  // namespace

std::vector<TextBlock> html_fragment_blocks(std::string_view html) { return texts_of(fragment_blocks(html)); }

std::vector<TextBlock> html_text_blocks(std::string_view html) {
  std::vector<HtmlBlock> blocks = fragment_blocks(html);
  // A fragment of links alone is no text: Google News describes each item by the headlines
  // of the story's reports, each linked and followed by its paper's name, and they matched
  // other papers' words and names ("BBC" found a Reuters item) and ranked first (a new
  // user's trial). The item is then its title. A paragraph holding links is text.
  constexpr std::size_t kLinkPercent = 60;
  const bool links_alone = !blocks.empty() && std::all_of(blocks.begin(), blocks.end(), [](const HtmlBlock& block) {
    return block.link_bytes * 100 >= block.text.text.size() * kLinkPercent;
  });
  if (links_alone) return {};
  return texts_of(std::move(blocks));
}

namespace {

// The character a reference's name or number ("amp", "#8217", "#x2019") stands for, if any.
std::optional<char32_t> referenced_character(std::string_view name) {
  if (!name.starts_with('#')) {
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(name).c_str()));
    if (entity == nullptr) return std::nullopt;
    return static_cast<char32_t>(entity->value);
  }
  name.remove_prefix(1);
  const bool hex = name.starts_with('x') || name.starts_with('X');
  if (hex) name.remove_prefix(1);
  std::uint32_t number = 0;
  // At most 8 digits (decode_character_references' longest reference): never past 32 bits.
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number, hex ? 16 : 10);
  if (name.empty() || error != std::errc() || end != name.data() + name.size()) return std::nullopt;
  if (number >= 0x80 && number <= 0x9F) {
    // As browsers do, after windows-1252, where &#146; was a quote mark.
    const char byte = static_cast<char>(number);
    const icu::UnicodeString decoded(&byte, 1, "windows-1252");
    return decoded.length() == 1 ? static_cast<char32_t>(decoded.char32At(0)) : U'\uFFFD';
  }
  if (number == 0 || number > 0x10FFFF || (number >= 0xD800 && number <= 0xDFFF)) return U'\uFFFD';
  return static_cast<char32_t>(number);
}

}  // namespace

std::string decode_character_references(std::string_view text) {
  // The longest name is 8 letters ("thetasym"), the longest number 7 digits ("1114111").
  constexpr std::size_t kLongestReference = 10;
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t amp = text.find('&', at);
    out.append(text.substr(at, amp == std::string_view::npos ? std::string_view::npos : amp - at));
    if (amp == std::string_view::npos) break;
    std::size_t semicolon = text.substr(0, amp + 2 + kLongestReference).find(';', amp + 1);
    std::optional<char32_t> character =
        semicolon == std::string_view::npos ? std::nullopt : referenced_character(text.substr(amp + 1, semicolon - amp - 1));
    if (!character) {
      out.push_back('&');
      at = amp + 1;
      continue;
    }
    // Escaped twice, as scrapers and feeds often do ("It&amp;#8217;s"): the reference after
    // "&amp;" is read too.
    if (*character == U'&' && semicolon + 1 < text.size()) {
      const std::size_t next = text.substr(0, semicolon + 2 + kLongestReference).find(';', semicolon + 1);
      if (next != std::string_view::npos) {
        if (const auto inner = referenced_character(text.substr(semicolon + 1, next - semicolon - 1))) {
          character = inner;
          semicolon = next;
        }
      }
    }
    icu::UnicodeString(static_cast<UChar32>(*character)).toUTF8String(out);
    at = semicolon + 1;
  }
  return out;
}

bool looks_like_html(std::string_view text) {
  static constexpr std::array<std::string_view, 8> kTags = {"<p>", "<p ", "<br", "</p>", "<div", "</a>", "<li>", "</em>"};
  const std::string head = ascii_lower(text.substr(0, 4096));
  return std::any_of(kTags.begin(), kTags.end(), [&head](std::string_view tag) { return head.find(tag) != std::string::npos; });
}

}  // namespace cs::indexer
