#include "indexer/readers/reader_registry.hpp"

#include <libxml/parser.h>

#include <algorithm>
#include <string>

#include "common/ascii.hpp"
#include "indexer/readers/feed_reader.hpp"
#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/json_reader.hpp"
#include "indexer/readers/jsonl_reader.hpp"
#include "indexer/readers/markdown_reader.hpp"
#include "indexer/readers/mhtml_reader.hpp"
#include "indexer/readers/text_reader.hpp"

namespace cs::indexer {

namespace {
// Enough to see front matter or a binary signature; sniffers must not read further.
constexpr std::size_t kSniffBytes = 4096;

}  // namespace

const std::vector<const Reader*>& all_readers() {
  // libxml2 sets up its globals at its first use, and two threads' first uses at once race
  // (a sanitizer run saw one of its mutexes made twice, 40 bytes lost): set up here, once,
  // before any reader runs, as libxml2 asks of threaded programs. Every reader is found here.
  [[maybe_unused]] static const bool libxml2_ready = [] {
    xmlInitParser();
    return true;
  }();
  // Sniffing order: feeds and MHTML archives before HTML (an Atom entry or an archive may hold
  // <html>), JSON Lines before JSON (both start with '{'), and plain text last since
  // it sniffs as anything readable.
  static const MarkdownReader markdown;
  static const FeedReader feed;
  static const HtmlReader html;
  static const MhtmlReader mhtml;
  static const JsonLinesReader jsonl;
  static const JsonReader json;
  static const TextReader text;
  static const std::vector<const Reader*> readers = {&markdown, &feed, &mhtml, &html, &jsonl, &json, &text};
  return readers;
}

std::string supported_extensions() {
  std::string list;
  for (const Reader* reader : all_readers()) {
    for (const auto extension : reader->extensions()) {
      if (!list.empty()) list.append(", ");
      list.append(extension);
    }
  }
  return list;
}

const Reader* pick_reader(const SourceFile& file) {
  const std::string extension = ascii_lower(file.path.extension().string());
  for (const Reader* reader : all_readers()) {
    const auto claimed = reader->extensions();
    if (std::find(claimed.begin(), claimed.end(), extension) != claimed.end()) return reader;
  }
  if (!extension.empty()) return nullptr;  // a known non-article type (.png, .pdf, ...)
  const std::string_view head = std::string_view(file.bytes).substr(0, kSniffBytes);
  for (const Reader* reader : all_readers()) {
    if (reader->sniff(head)) return reader;
  }
  return nullptr;
}

}  // namespace cs::indexer
