#include "indexer/readers/html_paywall.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "indexer/clean/text_blocks.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

// A section holding fewer words than this holds no article text: at most a line inviting
// the reader to subscribe (html_content's kMinArticleWords, the words of a page with text).
constexpr std::size_t kSectionTextWords = 30;

// One compound selector: an element name, classes and an id, each if given.
struct Compound {
  std::string element;  // lower case; empty for any
  std::vector<std::string> classes;
  std::string id;
};

// A selector is its compounds, each a descendant of the one before ("article .paywall").
using Selector = std::vector<Compound>;

bool not_free(const nlohmann::json& value) {
  return (value.is_boolean() && !value.get<bool>()) ||
         (value.is_string() && ascii_lower(value.get_ref<const std::string&>()) == "false");
}

bool is_name_character(char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '-' || c == '_'; }

// "section.locked", ".paywall", "#premium"; nullopt for anything else (an attribute, a
// pseudo-class, "*", an escape).
std::optional<Compound> read_compound(std::string_view text) {
  Compound compound;
  std::size_t at = 0;
  while (at < text.size() && is_name_character(text[at])) ++at;
  compound.element = ascii_lower(text.substr(0, at));
  while (at < text.size()) {
    const char kind = text[at++];
    const std::size_t begin = at;
    while (at < text.size() && is_name_character(text[at])) ++at;
    if (at == begin || (kind != '.' && kind != '#')) return std::nullopt;
    (kind == '.' ? compound.classes.emplace_back() : compound.id) = std::string(text.substr(begin, at - begin));
  }
  if (compound.element.empty() && compound.classes.empty() && compound.id.empty()) return std::nullopt;
  return compound;
}

// The selectors of a list (".a, .b"); those it cannot read (a child combinator, an
// attribute) are left out.
std::vector<Selector> read_selectors(std::string_view list) {
  std::vector<Selector> selectors;
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    std::string_view one = list.substr(0, comma);
    list.remove_prefix(std::min(comma + 1, list.size()));
    Selector selector;
    bool readable = true;
    while (readable && !one.empty()) {
      const std::size_t start = one.find_first_not_of(" \t\n");
      if (start == std::string_view::npos) break;
      one.remove_prefix(start);
      const std::size_t end = std::min(one.find_first_of(" \t\n"), one.size());
      const std::optional<Compound> compound = read_compound(one.substr(0, end));
      readable = compound.has_value();
      if (readable) selector.push_back(*compound);
      one.remove_prefix(end);
    }
    if (readable && !selector.empty()) selectors.push_back(std::move(selector));
  }
  return selectors;
}

// The CSS selectors of the parts hasPart says are not free: one part or a list of them.
std::vector<Selector> paywalled_sections(const nlohmann::json& ld_article) {
  std::vector<Selector> selectors;
  const auto part = ld_article.find("hasPart");
  if (part == ld_article.end()) return selectors;
  const auto add = [&selectors](const nlohmann::json& each) {
    if (!each.is_object()) return;
    const auto free = each.find("isAccessibleForFree");
    const auto css = each.find("cssSelector");
    if (free == each.end() || !not_free(*free) || css == each.end() || !css->is_string()) return;
    for (Selector& selector : read_selectors(css->get_ref<const std::string&>())) selectors.push_back(std::move(selector));
  };
  if (part->is_array()) {
    for (const nlohmann::json& each : *part) add(each);
  } else {
    add(*part);
  }
  return selectors;
}

bool matches(const xmlNode* element, const Compound& compound) {
  if (!compound.element.empty() && ascii_lower(xml::name_of(element)) != compound.element) return false;
  if (!compound.id.empty() && xml::attribute(element, "id") != compound.id) return false;
  if (compound.classes.empty()) return true;
  const std::string classes = xml::attribute(element, "class");
  return std::all_of(compound.classes.begin(), compound.classes.end(), [&classes](const std::string& wanted) {
    bool found = false;
    xml::for_each_word(classes, [&](std::string_view word) { found = found || word == wanted; });
    return found;
  });
}

// The element matches the selector's last compound, and its ancestors the ones before, in
// order: the nearest ancestor that matches each is as good as any for descendants.
bool matches(const xmlNode* element, const Selector& selector) {
  if (!matches(element, selector.back())) return false;
  const xmlNode* ancestor = element->parent;
  for (std::size_t i = selector.size() - 1; i-- > 0;) {
    while (ancestor != nullptr && ancestor->type == XML_ELEMENT_NODE && !matches(ancestor, selector[i])) {
      ancestor = ancestor->parent;
    }
    if (ancestor == nullptr || ancestor->type != XML_ELEMENT_NODE) return false;
    ancestor = ancestor->parent;
  }
  return true;
}

// Whether the page holds a paywalled section with no text in it: every element that any of
// `selectors` names holds, together, under kSectionTextWords. False when none is found.
bool holds_section_without_text(const xmlNode* root, const std::vector<Selector>& selectors) {
  bool found = false;
  std::size_t words = 0;
  xml::walk_tree(
      root,
      [&](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        const bool section = std::any_of(selectors.begin(), selectors.end(),
                                         [node](const Selector& selector) { return matches(node, selector); });
        if (!section) return true;
        found = true;
        words += reading_words(xml::text_of(node));
        return false;  // counted whole; a section inside it is not counted twice
      },
      [](const xmlNode*) {});
  return found && words < kSectionTextWords;
}

}  // namespace

bool is_paywall_preview(const nlohmann::json& ld_article, const xmlNode* root, std::size_t article_words) {
  if (!ld_article.is_object()) return false;
  const auto free = ld_article.find("isAccessibleForFree");
  if (free == ld_article.end() || !not_free(*free)) return false;
  // The FT, The Economist and The Atlantic mark every article so, and a subscriber's saved
  // page holds all of it (a new user's trial saw three such pages shown as previews).
  if (const std::vector<Selector> sections = paywalled_sections(ld_article);
      root != nullptr && !sections.empty() && holds_section_without_text(root, sections)) {
    return true;
  }
  return article_words < kMinWholeArticleWords;
}

}  // namespace cs::indexer
