#include "indexer/readers/json_ld.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>

namespace cs::indexer {

namespace {

// How deep the article and the nodes are looked for: a script's array, its @graph, an item.
constexpr int kMaxDepth = 4;

bool is_article_type(const nlohmann::json& type) {
  static constexpr std::array<std::string_view, 14> kTypes = {
      "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle", "AnalysisNewsArticle",
      "Report", "BackgroundNewsArticle", "ReviewNewsArticle", "Review", "TechArticle", "LiveBlogPosting",
      "ScholarlyArticle", "SocialMediaPosting"};
  if (type.is_string()) {
    return std::find(kTypes.begin(), kTypes.end(), std::string_view(type.get_ref<const std::string&>())) != kTypes.end();
  }
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_article_type);
  return false;
}

// The first article object in a JSON-LD value: itself, an item of an array, or of @graph.
const nlohmann::json* find_ld_article(const nlohmann::json& value, int depth = 0) {
  if (depth > kMaxDepth) return nullptr;
  if (value.is_object()) {
    if (auto type = value.find("@type"); type != value.end() && is_article_type(*type)) return &value;
    if (auto graph = value.find("@graph"); graph != value.end()) return find_ld_article(*graph, depth + 1);
  } else if (value.is_array()) {
    for (const auto& item : value) {
      if (const nlohmann::json* found = find_ld_article(item, depth + 1)) return found;
    }
  }
  return nullptr;
}

// Every object of a JSON-LD value that has an "@id" and a name, by its id: the nodes a
// reference may name.
void collect_named_nodes(const nlohmann::json& value, std::map<std::string, const nlohmann::json*>& nodes, int depth = 0) {
  if (depth > kMaxDepth) return;
  if (value.is_object()) {
    const auto id = value.find("@id");
    const auto name = value.find("name");
    if (id != value.end() && id->is_string() && name != value.end() && name->is_string()) {
      nodes.emplace(id->get<std::string>(), &value);
    }
    if (const auto graph = value.find("@graph"); graph != value.end()) collect_named_nodes(*graph, nodes, depth + 1);
  } else if (value.is_array()) {
    for (const auto& item : value) collect_named_nodes(item, nodes, depth + 1);
  }
}

// A person or organisation as the fields read it: its @type and name, taken from the node a
// reference ({"@id": "https://site/#publisher"}) names when it has no name of its own. The
// New York Times names its publisher so, in a script of its own; Yoast (WordPress) its
// publisher and authors, in the page's @graph. Only the name is copied: a page of many
// references to one large node costs no more than its size.
nlohmann::json named(const nlohmann::json& item, const std::map<std::string, const nlohmann::json*>& nodes) {
  const nlohmann::json* node = &item;
  if (item.is_object() && !item.contains("name")) {
    if (const auto id = item.find("@id"); id != item.end() && id->is_string()) {
      if (const auto found = nodes.find(id->get<std::string>()); found != nodes.end()) node = found->second;
    }
  }
  if (!node->is_object()) return *node;
  nlohmann::json person = nlohmann::json::object();
  for (const char* key : {"@type", "name"}) {
    if (const auto value = node->find(key); value != node->end() && (value->is_string() || value->is_array())) {
      person[key] = *value;
    }
  }
  return person;
}

// An author or publisher field: one, or a list named once each.
nlohmann::json resolved(const nlohmann::json& value, const std::map<std::string, const nlohmann::json*>& nodes) {
  if (!value.is_array()) return named(value, nodes);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : value) {
    nlohmann::json person = named(item, nodes);
    if (std::find(items.begin(), items.end(), person) != items.end()) continue;
    items.push_back(std::move(person));
    if (items.size() == kMaxLdAuthors) break;
  }
  return items;
}

}  // namespace

nlohmann::json ld_article(const std::vector<std::string>& scripts) {
  std::vector<nlohmann::json> parsed;
  parsed.reserve(scripts.size());
  for (const std::string& script : scripts) parsed.push_back(nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false));
  for (const nlohmann::json& ld : parsed) {
    const nlohmann::json* found = find_ld_article(ld);
    if (found == nullptr) continue;
    nlohmann::json article = *found;
    std::map<std::string, const nlohmann::json*> nodes;
    for (const nlohmann::json& each : parsed) collect_named_nodes(each, nodes);
    for (const char* key : {"author", "publisher"}) {
      if (const auto it = article.find(key); it != article.end()) *it = resolved(*it, nodes);
    }
    return article;
  }
  return nullptr;
}

}  // namespace cs::indexer
