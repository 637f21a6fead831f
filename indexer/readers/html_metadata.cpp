#include "indexer/readers/html_metadata.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "common/ascii.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::attribute;

bool is_article_type(const nlohmann::json& type) {
  static constexpr std::array<std::string_view, 7> kTypes = {
      "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "OpinionNewsArticle",
      "AnalysisNewsArticle", "Report"};
  if (type.is_string()) {
    return std::find(kTypes.begin(), kTypes.end(), std::string_view(type.get_ref<const std::string&>())) != kTypes.end();
  }
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

// The first JSON-LD script's article object, parsed, or null.
nlohmann::json ld_article(const PageFacts& facts) {
  for (const std::string& script : facts.json_ld) {
    const nlohmann::json ld = nlohmann::json::parse(script, nullptr, /*allow_exceptions=*/false);
    if (const nlohmann::json* article = find_ld_article(ld)) return *article;
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

}  // namespace

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

void fill_page_metadata(const PageFacts& facts, HtmlPage& page) {
  nlohmann::json& fields = page.fields;
  const std::vector<TextBlock>& blocks = page.blocks;
  const std::string site = meta_value(facts, {"og:site_name", "application-name"});
  const std::string og_title = meta_value(facts, {"og:title", "twitter:title"});
  set_if_empty(fields, "title", og_title);
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
  const nlohmann::json article = ld_article(facts);
  if (article.is_object()) {
    for (const auto& [from, to] : {std::pair{"headline", "title"}, {"datePublished", "date"}, {"author", "author"},
                                   {"publisher", "source"}, {"keywords", "topics"}, {"inLanguage", "lang"},
                                   {"url", "url"}, {"description", "excerpt"}}) {
      if (auto it = article.find(from); it != article.end() && !fields.contains(to)) fields[to] = *it;
    }
    if (auto body = article.find("articleBody"); body != article.end() && blocks.empty()) fields["text"] = *body;
  }

  // The title of last resort is <title>, without the site name most pages append to it.
  const std::string title_element = without_site_suffix(facts.title_element, site);
  if (!fields.contains("title")) {
    const auto h1 = std::find_if(blocks.begin(), blocks.end(), [](const TextBlock& b) { return b.heading_level == 1; });
    if (h1 != blocks.end()) {
      fields["title"] = h1->text;
    } else {
      set_if_empty(fields, "title", title_element);
    }
  }
  set_if_empty(fields, "date", facts.first_time);
  if (!fields.contains("source")) set_if_empty(fields, "source", host_of(url));

  // Every title the page names, whichever was chosen: a short <h1> may be shown while the
  // <title> holds the words a reader remembers (issue #18).
  page.titles.clear();
  if (!og_title.empty()) page.titles.push_back(og_title);
  if (article.is_object()) {
    if (auto headline = article.find("headline"); headline != article.end() && headline->is_string()) {
      page.titles.push_back(headline->get<std::string>());
    }
  }
  if (!title_element.empty()) page.titles.push_back(title_element);
}

}  // namespace cs::indexer
