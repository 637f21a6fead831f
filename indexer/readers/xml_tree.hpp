// Small helpers for reading libxml2 trees, shared by the HTML and feed readers: owning a
// parsed document, an element's name and attributes as C++ strings, and a walk that does
// not recurse.
#pragma once

#include <libxml/tree.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cs::indexer::xml {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// The element's local name ("encoded" for content:encoded).
inline std::string_view name_of(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

inline bool is_element(const xmlNode* node, std::string_view name) {
  return node->type == XML_ELEMENT_NODE && name_of(node) == name;
}

// The attribute's value, or empty when the element has none.
inline std::string attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

// All the text under `node` (libxml2's content), as it stands in the document.
inline std::string text_of(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

// The heading level of an element name ("h2" is 2), 0 for any other element.
inline int heading_level(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6' ? name[1] - '0' : 0;
}

// Calls `visit` with each space-separated word of an attribute's value (a class list).
template <typename Visit>
void for_each_word(const std::string& value, Visit&& visit) {
  std::size_t begin = 0;
  while (begin < value.size()) {
    const std::size_t end = std::min(value.find(' ', begin), value.size());
    if (end > begin) visit(std::string_view(value).substr(begin, end - begin));
    begin = end + 1;
  }
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

// libxml2 takes sizes as int; larger inputs are cut (cs-index's --max-file-size is far below).
inline int xml_size(std::string_view text) {
  return static_cast<int>(std::min<std::size_t>(text.size(), static_cast<std::size_t>(INT32_MAX)));
}

}  // namespace cs::indexer::xml
