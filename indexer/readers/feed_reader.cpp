#include "indexer/readers/feed_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <string>

#include "common/ascii.hpp"
#include "indexer/readers/html_text.hpp"
#include "indexer/readers/reader_skeleton.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".rss", ".atom", ".xml"};
// No network, no DTD loading, no entity substitution (XML_PARSE_NOENT is deliberately absent),
// CDATA read as text, and silence: problems are reported as issues instead.
constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

using xml::attribute;
using xml::DocPtr;

// How an element's content is written. RSS's description and content:encoded are HTML
// (escaped or in CDATA); Atom says so in type="text|html|xhtml".
enum class Markup { kText, kHtml, kXhtml };

// The element's text: its text and CDATA children and its elements' text, entity references
// left out (they are never expanded).
std::string text_of(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) text.append(reinterpret_cast<const char*>(child->content));
    } else if (child->type == XML_ELEMENT_NODE) {
      text.append(text_of(child));
    }
  }
  return text;
}

std::string escape_html(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '&') out.append("&amp;");
    else if (c == '<') out.append("&lt;");
    else if (c == '>') out.append("&gt;");
    else out.push_back(c);
  }
  return out;
}

// Markup written as XML inside the feed (Atom's type="xhtml", or tags left unescaped in an
// RSS description) back as HTML for html_text to read; its text is escaped again, so that
// "&lt;script&gt;" in the feed stays text.
void append_xhtml(const xmlNode* node, std::string& out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) out.append(escape_html(reinterpret_cast<const char*>(child->content)));
    } else if (child->type == XML_ELEMENT_NODE) {
      const std::string name(xml::name_of(child));
      out.append("<" + name + ">");
      append_xhtml(child, out);
      out.append("</" + name + ">");
    }
  }
}

bool has_element_child(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

bool is_ascii_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "&amp;", "&#39;", "&ouml;": a character reference left in text after the XML's own were
// decoded, which says the text was escaped twice, as HTML.
bool has_character_reference(std::string_view text) {
  for (std::size_t at = text.find('&'); at != std::string_view::npos; at = text.find('&', at + 1)) {
    std::size_t end = at + 1;
    while (end < text.size() && end - at <= 32 &&
           (is_ascii_alnum(text[end]) || (end == at + 1 && text[end] == '#'))) {
      ++end;
    }
    if (end > at + 1 && end < text.size() && text[end] == ';') return true;
  }
  return false;
}

// The element's content as HTML. Text that says it is plain (Atom's default) is taken as
// HTML only when it looks like HTML, as feedparser does: feeds put escaped HTML there.
std::string html_of(const xmlNode* node, Markup markup) {
  std::string html;
  if (markup == Markup::kXhtml || has_element_child(node)) {
    append_xhtml(node, html);
    return html;
  }
  html = text_of(node);
  if (markup == Markup::kHtml || looks_like_html(html) || has_character_reference(html)) return html;
  std::string escaped = "<p>" + escape_html(html) + "</p>";
  for (std::size_t at = escaped.find("\n\n"); at != std::string::npos; at = escaped.find("\n\n", at + 7)) {
    escaped.replace(at, 2, "</p><p>");  // a blank line in plain text is a paragraph break
  }
  return escaped;
}

// An Atom text construct's markup, from its type attribute (RFC 4287 §3.1.1; a MIME type
// is allowed too).
Markup atom_markup(const xmlNode* node) {
  const std::string type = ascii_lower(attribute(node, "type"));
  if (type == "xhtml" || type.ends_with("+xml")) return Markup::kXhtml;
  if (type == "html" || type.ends_with("/html")) return Markup::kHtml;
  return Markup::kText;
}

// A title or name as one line of text: markup and character references turned into text.
std::string line_of(const xmlNode* node, Markup markup) {
  std::string line;
  for (const TextBlock& block : html_fragment_blocks(html_of(node, markup))) {
    if (!line.empty()) line.push_back(' ');
    line.append(block.text);
  }
  return line;
}

const xmlNode* first_child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (xml::is_element(child, name)) return child;
  }
  return nullptr;
}

std::string child_text(const xmlNode* node, std::string_view name) {
  const xmlNode* child = first_child(node, name);
  return child == nullptr ? std::string() : text_of(child);
}

// The child's content as HTML, for the record's text fields; empty when there is none.
std::string child_html(const xmlNode* node, std::string_view name, bool atom) {
  const xmlNode* child = first_child(node, name);
  return child == nullptr ? std::string() : html_of(child, atom ? atom_markup(child) : Markup::kHtml);
}

std::string child_line(const xmlNode* node, std::string_view name, bool atom) {
  const xmlNode* child = first_child(node, name);
  return child == nullptr ? std::string() : line_of(child, atom ? atom_markup(child) : Markup::kText);
}

void set(nlohmann::json& record, const char* key, std::string value) {
  if (!value.empty() && !record.contains(key)) record[key] = std::move(value);
}

// An RSS <item> (2.0 or 1.0) as a record under record_fields.hpp's names.
nlohmann::json rss_item(const xmlNode* item) {
  nlohmann::json record = nlohmann::json::object();
  set(record, "title", child_line(item, "title", false));
  set(record, "url", child_text(item, "link"));
  set(record, "id", child_text(item, "guid"));
  set(record, "date", child_text(item, "pubDate"));
  set(record, "date", child_text(item, "date"));  // dc:date
  set(record, "author", child_line(item, "creator", false));  // dc:creator
  set(record, "author", child_line(item, "author", false));
  // The channel the item came from (RSS 2.0), which aggregators fill with the publisher
  // (Google News: <source url="...">The Washington Post</source>); else the feed's title.
  set(record, "source", child_line(item, "source", false));
  set(record, "content", child_html(item, "encoded", false));  // content:encoded, the full text
  set(record, "excerpt", child_html(item, "description", false));
  for (const xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (xml::is_element(child, "category") || xml::is_element(child, "subject")) {
      record["topics"].push_back(line_of(child, Markup::kText));
    }
  }
  return record;
}

// An Atom <entry> as a record.
nlohmann::json atom_entry(const xmlNode* entry) {
  nlohmann::json record = nlohmann::json::object();
  set(record, "title", child_line(entry, "title", true));
  set(record, "id", child_text(entry, "id"));
  set(record, "date", child_text(entry, "published"));
  set(record, "date", child_text(entry, "issued"));  // Atom 0.3, as blogs' old feeds still are
  set(record, "date", child_text(entry, "created"));
  set(record, "date", child_text(entry, "updated"));
  set(record, "date", child_text(entry, "modified"));
  set(record, "content", child_html(entry, "content", true));
  set(record, "excerpt", child_html(entry, "summary", true));
  for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
    if (xml::is_element(child, "link")) {
      const std::string rel = attribute(child, "rel");
      if (rel.empty() || rel == "alternate") set(record, "url", attribute(child, "href"));
    } else if (xml::is_element(child, "author")) {
      if (!record.contains("author")) record["author"] = nlohmann::json::array();
      record["author"].push_back(child_line(child, "name", false));
    } else if (xml::is_element(child, "category")) {
      record["topics"].push_back(attribute(child, "term"));
    }
  }
  return record;
}

// "item 3", and the entry's link or id when it has one, so a warning names the entry.
std::string item_location(const nlohmann::json& record, std::size_t number) {
  std::string location = "item " + std::to_string(number);
  for (const char* key : {"url", "id"}) {
    if (auto it = record.find(key); it != record.end()) return location + " (" + it->get<std::string>() + ")";
  }
  return location;
}

// `feed_authors`: an Atom feed's own authors, who wrote every entry that names none (RFC 4287
// 4.2.1), or an RSS channel's dc:creator.
void add_record(nlohmann::json record, const std::string& source, const nlohmann::json& feed_authors,
                std::size_t number, std::vector<Record>& records) {
  set(record, "source", source);
  if (!record.contains("author") && !feed_authors.empty()) record["author"] = feed_authors;
  std::string location = item_location(record, number);
  records.push_back(Record{std::move(record), std::move(location), "#" + std::to_string(number), std::nullopt,
                           RecordMarkup::kHtml});
}

// Blank lines or a byte order mark before "<?xml", which libxml2 refuses ("XML declaration
// allowed only at the start"), are dropped; returns how many lines were, so that error
// lines still count from the file's first.
std::size_t skip_leading_space(std::string_view& text) {
  std::size_t lines = 0;
  while (!text.empty()) {
    if (text.starts_with("\xEF\xBB\xBF")) {
      text.remove_prefix(3);
    } else if (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n') {
      if (text.front() == '\n') ++lines;
      text.remove_prefix(1);
    } else {
      break;
    }
  }
  return lines;
}

Error parse_error(std::size_t skipped_lines) {
  const xmlError* error = xmlGetLastError();
  std::string location;
  std::string reason = "not well-formed XML";
  if (error != nullptr && error->message != nullptr) {
    std::string message(error->message);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    location = "line " + std::to_string(static_cast<std::size_t>(std::max(error->line, 0)) + skipped_lines);
    reason += " (" + message + ")";
  }
  return Error{ErrorKind::kInput, "", location, reason, "file skipped"};
}

void list_items(const xmlNode* root, std::vector<Record>& records, std::vector<Error>& issues) {
  std::size_t number = 0;
  if (xml::is_element(root, "feed")) {
    const xmlNode* title = first_child(root, "title");
    const std::string source = title == nullptr ? std::string() : line_of(title, atom_markup(title));
    nlohmann::json authors = nlohmann::json::array();
    for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
      if (xml::is_element(child, "author")) authors.push_back(child_line(child, "name", false));
    }
    for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
      if (xml::is_element(child, "entry")) add_record(atom_entry(child), source, authors, ++number, records);
    }
  } else if (xml::is_element(root, "rss") || xml::is_element(root, "RDF")) {
    const xmlNode* channel = first_child(root, "channel");
    const std::string source = channel == nullptr ? std::string() : child_line(channel, "title", false);
    // A blog's channel may name its one writer (dc:creator), who wrote the items that name none.
    nlohmann::json authors = nlohmann::json::array();
    if (channel != nullptr) {
      if (std::string creator = child_line(channel, "creator", false); !creator.empty()) authors.push_back(creator);
    }
    // RSS 2.0 puts items in the channel; RSS 1.0 beside it.
    for (const xmlNode* parent : {channel, root}) {
      if (parent == nullptr) continue;
      for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
        if (xml::is_element(child, "item")) add_record(rss_item(child), source, authors, ++number, records);
      }
    }
  } else {
    issues.push_back(Error{ErrorKind::kInput, "", "", "XML that is neither RSS nor Atom (root <" +
                                                       std::string(xml::name_of(root)) + ">)", "file skipped"});
  }
}

}  // namespace

std::span<const std::string_view> FeedReader::extensions() const { return kExtensions; }

bool FeedReader::sniff(std::string_view head) const {
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

ReadResult FeedReader::read(const SourceFile& file) const {
  bool listed = false;
  ReadResult result = read_records(file, [&listed](std::string_view text, std::vector<Record>& records,
                                                   std::vector<Error>& issues) {
    if (text.find("<!ENTITY") != std::string_view::npos) {
      issues.push_back(Error{ErrorKind::kInput, "", "", "feed declares XML entities, which are never expanded",
                             "file skipped"});
      return;
    }
    const std::size_t skipped_lines = skip_leading_space(text);
    // The text is UTF-8 already (source_text.hpp); "UTF-8" overrides the declaration.
    xmlResetLastError();
    DocPtr doc(xmlReadMemory(text.data(), xml::xml_size(text), nullptr, "UTF-8", kParseOptions), &xmlFreeDoc);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) {
      issues.push_back(parse_error(skipped_lines));
      return;
    }
    list_items(root, records, issues);
    listed = !records.empty();
  });
  result.records_listed = listed;
  return result;
}

}  // namespace cs::indexer
