#include "indexer/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>

#include "common/ascii.hpp"
#include "indexer/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::attribute;
using xml::DocPtr;
using xml::is_element;
using xml::name_of;

// Recover from anything, print nothing, never fetch a DTD or entity from the network.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

DocPtr parse(std::string_view html) {
  return DocPtr(htmlReadMemory(html.data(), xml::xml_size(html), nullptr, "UTF-8", kParseOptions), &xmlFreeDoc);
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

  void walk(const xmlNode* node) {
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        append(reinterpret_cast<const char*>(child->content));
        continue;
      }
      if (child->type != XML_ELEMENT_NODE || is_skipped(child)) continue;
      const std::string_view name = name_of(child);
      if (name == "br") {
        flush();
        continue;
      }
      if (!one_of(name, kBlockElements)) {
        walk(child);
        continue;
      }
      flush();
      const int saved_heading = heading_;
      const bool saved_list = list_item_;
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') heading_ = name[1] - '0';
      if (name == "li") list_item_ = true;
      walk(child);
      flush();
      heading_ = saved_heading;
      list_item_ = saved_list;
    }
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

  std::vector<TextBlock> blocks_;
  std::string current_;
  bool pending_space_ = false;
  int heading_ = 0;
  bool list_item_ = false;
};

// Visible text length under `node`, as the collector would see it (for choosing a root).
std::size_t text_length(const xmlNode* node) {
  std::size_t length = 0;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE && child->content != nullptr) {
      length += std::strlen(reinterpret_cast<const char*>(child->content));
    } else if (child->type == XML_ELEMENT_NODE && !is_skipped(child)) {
      length += text_length(child);
    }
  }
  return length;
}

template <typename Visit>
void for_each_element(const xmlNode* node, Visit& visit) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    visit(child);
    for_each_element(child, visit);
  }
}

// What the page's markup says about it, gathered in one walk.
struct PageFacts {
  const xmlNode* html = nullptr;
  const xmlNode* body = nullptr;
  const xmlNode* best_article = nullptr;  // the <article> with the most text
  std::size_t best_article_length = 0;
  const xmlNode* main = nullptr;          // <main> or role=main
  const xmlNode* densest = nullptr;       // the parent of the most paragraph text
  std::size_t densest_length = 0;
  std::string title_element;              // <title>
  std::string canonical_url;
  std::string first_time;                 // <time datetime> in document order
  std::vector<std::string> json_ld;       // the text of each JSON-LD script
  nlohmann::json meta = nlohmann::json::object();  // <meta> name/property -> content
};

void note_meta(const xmlNode* node, PageFacts& facts) {
  std::string key = ascii_lower(attribute(node, "property"));
  if (key.empty()) key = ascii_lower(attribute(node, "name"));
  if (key.empty()) key = ascii_lower(attribute(node, "itemprop"));
  const std::string content = attribute(node, "content");
  if (key.empty() || content.empty()) return;
  if (key == "article:tag") {
    facts.meta[key].push_back(content);  // repeated, one tag each
  } else if (!facts.meta.contains(key)) {
    facts.meta[key] = content;
  }
}

std::string node_text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (content == nullptr) return {};
  std::string text(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return text;
}

PageFacts gather_facts(const xmlDoc* doc) {
  PageFacts facts;
  facts.html = xmlDocGetRootElement(doc);
  if (facts.html == nullptr) return facts;
  auto visit = [&facts](const xmlNode* node) {
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
    } else if (name == "article" && !is_skipped(node)) {
      if (const std::size_t length = text_length(node); length > facts.best_article_length) {
        facts.best_article = node;
        facts.best_article_length = length;
      }
    } else if ((name == "main" || attribute(node, "role") == "main") && facts.main == nullptr) {
      facts.main = node;
    }
    // The densest block: the element whose own <p> children hold the most text.
    std::size_t paragraphs = 0;
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (is_element(child, "p")) paragraphs += text_length(child);
    }
    if (paragraphs > facts.densest_length) {
      facts.densest = node;
      facts.densest_length = paragraphs;
    }
  };
  visit(facts.html);
  for_each_element(facts.html, visit);
  return facts;
}

const xmlNode* content_root(const PageFacts& facts) {
  if (facts.best_article != nullptr) return facts.best_article;
  if (facts.main != nullptr) return facts.main;
  if (facts.densest != nullptr) return facts.densest;
  return facts.body != nullptr ? facts.body : facts.html;
}

bool is_article_type(const nlohmann::json& type) {
  static constexpr std::array<std::string_view, 7> kTypes = {
      "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle",
      "AnalysisNewsArticle", "Report"};
  if (type.is_string()) return one_of(std::string_view(type.get_ref<const std::string&>()), kTypes);
  if (type.is_array()) return std::any_of(type.begin(), type.end(), is_article_type);
  return false;
}

// The first article object in a JSON-LD value: itself, an item of an array, or of @graph.
const nlohmann::json* find_ld_article(const nlohmann::json& value, int depth = 0) {
  if (depth > 4) return nullptr;
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

// "https://www.cfr.org/blog/x" -> "cfr.org".
std::string host_of(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#:"));
  if (url.starts_with("www.")) url.remove_prefix(4);
  return ascii_lower(url);
}

// "Headline | Site" or "Headline - Site" -> "Headline" when Site is the page's site name.
std::string without_site_suffix(std::string title, const std::string& site) {
  if (site.empty()) return title;
  for (const std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
    const std::size_t at = title.rfind(separator);
    if (at != std::string::npos && ascii_lower(title.substr(at + separator.size())) == ascii_lower(site)) {
      title.resize(at);
      return title;
    }
  }
  return title;
}

void set_if_empty(nlohmann::json& fields, const char* key, const std::string& value) {
  if (!value.empty() && !fields.contains(key)) fields[key] = value;
}

std::string meta_value(const PageFacts& facts, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto it = facts.meta.find(key); it != facts.meta.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

nlohmann::json page_fields(const PageFacts& facts, const std::vector<TextBlock>& blocks) {
  nlohmann::json fields = nlohmann::json::object();
  const std::string site = meta_value(facts, {"og:site_name", "application-name"});
  set_if_empty(fields, "title", meta_value(facts, {"og:title", "twitter:title"}));
  set_if_empty(fields, "date", meta_value(facts, {"article:published_time", "datepublished", "date", "pubdate",
                                                  "publish-date", "dc.date", "parsely-pub-date", "sailthru.date"}));
  std::string author = meta_value(facts, {"author", "article:author", "byl", "parsely-author"});
  if (author.starts_with("http")) author.clear();  // a profile URL, not a name
  set_if_empty(fields, "author", author);
  set_if_empty(fields, "source", site);
  const std::string url = !facts.canonical_url.empty() ? facts.canonical_url : meta_value(facts, {"og:url"});
  set_if_empty(fields, "url", url);
  if (facts.html != nullptr) set_if_empty(fields, "lang", attribute(facts.html, "lang"));
  set_if_empty(fields, "excerpt", meta_value(facts, {"og:description", "description"}));
  if (auto tags = facts.meta.find("article:tag"); tags != facts.meta.end()) {
    fields["topics"] = *tags;
  } else {
    set_if_empty(fields, "topics", meta_value(facts, {"keywords", "news_keywords"}));
  }

  // JSON-LD fills what the meta tags left out; its articleBody serves only a page with no text.
  for (const std::string& script : facts.json_ld) {
    const nlohmann::json ld = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    const nlohmann::json* article = find_ld_article(ld);
    if (article == nullptr) continue;
    for (const auto& [from, to] : {std::pair{"headline", "title"}, {"datePublished", "date"}, {"author", "author"},
                                   {"publisher", "source"}, {"keywords", "topics"}, {"inLanguage", "lang"},
                                   {"url", "url"}, {"description", "excerpt"}}) {
      if (auto it = article->find(from); it != article->end() && !fields.contains(to)) fields[to] = *it;
    }
    if (auto body = article->find("articleBody"); body != article->end() && blocks.empty()) fields["text"] = *body;
    break;
  }

  // The title of last resort is <title>, without the site name most pages append to it.
  if (!fields.contains("title")) {
    const auto h1 = std::find_if(blocks.begin(), blocks.end(), [](const TextBlock& b) { return b.heading_level == 1; });
    if (h1 != blocks.end()) {
      fields["title"] = h1->text;
    } else {
      set_if_empty(fields, "title", without_site_suffix(facts.title_element, site));
    }
  }
  set_if_empty(fields, "date", facts.first_time);
  if (!fields.contains("source")) set_if_empty(fields, "source", host_of(url));
  return fields;
}

}  // namespace

HtmlPage read_html_page(std::string_view html) {
  HtmlPage page;
  DocPtr doc = parse(html);
  if (!doc) return page;
  const PageFacts facts = gather_facts(doc.get());
  if (const xmlNode* root = content_root(facts)) {
    BlockCollector collector;
    collector.walk(root);
    page.blocks = collector.take();
  }
  page.fields = page_fields(facts, page.blocks);
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
