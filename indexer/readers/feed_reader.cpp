#include "indexer/readers/feed_reader.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>

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

// The element's text: its text and CDATA children, entity references left out (they are
// never expanded). Atom's type="xhtml" content keeps its markup as child elements, so
// elements are serialised back to HTML for html_text to read.
std::string text_of(const xmlNode* node) {
  std::string text;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (child->content != nullptr) text.append(reinterpret_cast<const char*>(child->content));
    } else if (child->type == XML_ELEMENT_NODE) {
      const std::string name(xml::name_of(child));
      text.append("<" + name + ">").append(text_of(child)).append("</" + name + ">");
    }
  }
  return text;
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

void set(nlohmann::json& record, const char* key, std::string value) {
  if (!value.empty() && !record.contains(key)) record[key] = std::move(value);
}

// An RSS <item> (2.0 or 1.0) as a record under record_fields.hpp's names.
nlohmann::json rss_item(const xmlNode* item) {
  nlohmann::json record = nlohmann::json::object();
  set(record, "title", child_text(item, "title"));
  set(record, "url", child_text(item, "link"));
  set(record, "id", child_text(item, "guid"));
  set(record, "date", child_text(item, "pubDate"));
  set(record, "date", child_text(item, "date"));  // dc:date
  set(record, "author", child_text(item, "creator"));  // dc:creator
  set(record, "author", child_text(item, "author"));
  set(record, "content", child_text(item, "encoded"));  // content:encoded, the full text
  set(record, "excerpt", child_text(item, "description"));
  for (const xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (xml::is_element(child, "category") || xml::is_element(child, "subject")) record["topics"].push_back(text_of(child));
  }
  return record;
}

// An Atom <entry> as a record.
nlohmann::json atom_entry(const xmlNode* entry) {
  nlohmann::json record = nlohmann::json::object();
  set(record, "title", child_text(entry, "title"));
  set(record, "id", child_text(entry, "id"));
  set(record, "date", child_text(entry, "published"));
  set(record, "date", child_text(entry, "updated"));
  set(record, "content", child_text(entry, "content"));
  set(record, "excerpt", child_text(entry, "summary"));
  for (const xmlNode* child = entry->children; child != nullptr; child = child->next) {
    if (xml::is_element(child, "link")) {
      const std::string rel = attribute(child, "rel");
      if (rel.empty() || rel == "alternate") set(record, "url", attribute(child, "href"));
    } else if (xml::is_element(child, "author")) {
      if (!record.contains("author")) record["author"] = nlohmann::json::array();
      record["author"].push_back(child_text(child, "name"));
    } else if (xml::is_element(child, "category")) {
      record["topics"].push_back(attribute(child, "term"));
    }
  }
  return record;
}

void add_record(nlohmann::json record, const std::string& source, std::size_t number, std::vector<Record>& records) {
  set(record, "source", source);
  records.push_back(
      Record{std::move(record), "item " + std::to_string(number), "#" + std::to_string(number), std::nullopt});
}

}  // namespace

std::span<const std::string_view> FeedReader::extensions() const { return kExtensions; }

bool FeedReader::sniff(std::string_view head) const {
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

ReadResult FeedReader::read(const SourceFile& file) const {
  return read_records(file, [](std::string_view text, std::vector<Record>& records, std::vector<Error>& issues) {
    if (text.find("<!ENTITY") != std::string_view::npos) {
      issues.push_back(Error{ErrorKind::kInput, "", "", "feed declares XML entities, which are never expanded",
                             "file skipped"});
      return;
    }
    // The text is UTF-8 already (source_text.hpp); "UTF-8" overrides the declaration.
    xmlResetLastError();
    DocPtr doc(xmlReadMemory(text.data(), xml::xml_size(text), nullptr, "UTF-8", kParseOptions), &xmlFreeDoc);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr) {
      const xmlError* error = xmlGetLastError();
      std::string location;
      std::string reason = "not well-formed XML";
      if (error != nullptr && error->message != nullptr) {
        std::string message(error->message);
        while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
        location = "line " + std::to_string(error->line);
        reason += " (" + message + ")";
      }
      issues.push_back(Error{ErrorKind::kInput, "", location, reason, "file skipped"});
      return;
    }
    std::size_t number = 0;
    if (xml::is_element(root, "feed")) {
      const std::string source = child_text(root, "title");
      for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
        if (xml::is_element(child, "entry")) add_record(atom_entry(child), source, ++number, records);
      }
    } else if (xml::is_element(root, "rss") || xml::is_element(root, "RDF")) {
      const xmlNode* channel = first_child(root, "channel");
      const std::string source = channel == nullptr ? std::string() : child_text(channel, "title");
      // RSS 2.0 puts items in the channel; RSS 1.0 beside it.
      for (const xmlNode* parent : {channel, root}) {
        if (parent == nullptr) continue;
        for (const xmlNode* child = parent->children; child != nullptr; child = child->next) {
          if (xml::is_element(child, "item")) add_record(rss_item(child), source, ++number, records);
        }
      }
    } else {
      issues.push_back(Error{ErrorKind::kInput, "", "", "XML that is neither RSS nor Atom (root <" +
                                                         std::string(xml::name_of(root)) + ">)", "file skipped"});
    }
  });
}

}  // namespace cs::indexer
