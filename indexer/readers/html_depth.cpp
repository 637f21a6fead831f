#include "indexer/readers/html_depth.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "common/ascii.hpp"

namespace cs::indexer {

namespace {

constexpr std::size_t kLibxml2DepthLimit = 256;

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9'); }

template <std::size_t N>
bool one_of(std::string_view name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

// Elements that never stay open (libxml2 pops them at once).
constexpr std::string_view kVoid[] = {"area", "base", "br",   "col",   "embed",  "hr",    "img",
                                      "input", "link", "meta", "param", "source", "track", "wbr"};
// Elements whose content libxml2 2.9.14 reads as raw text, not markup: skipped up to their
// end tag. (It parses markup inside <title>, <textarea> and the like, so those count.)
constexpr std::string_view kRawText[] = {"script", "style"};
// Start tags libxml2 checks against every open element (htmlParseStartTag: a second <body>).
constexpr std::string_view kSearchingStartTags[] = {"body", "html", "head"};
// Containers that no start tag closes implicitly in libxml2 (its htmlStartClose table names
// inline font styles, paragraphs, lists, table parts, headings and the like, never these),
// so an end tag that finds one of them on top of our stack finds it on top of libxml2's.
constexpr std::string_view kNeverClosedImplicitly[] = {"div",   "span",  "section", "article",   "main", "header",
                                                       "footer", "nav", "aside",   "figure", "figcaption"};

// One tag of the page: where it starts, whether it is an end tag, its lower-case name.
struct Tag {
  bool end = false;
  std::string name;
  std::size_t after = 0;  // where scanning resumes
};

// The next tag at or after `at`, skipping comments, declarations and the content of
// raw-text elements; false at the end of the page.
bool next_tag(std::string_view html, std::size_t at, Tag& tag) {
  for (at = html.find('<', at); at != std::string_view::npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 4, "<!--") == 0) {
      const std::size_t close = html.find("-->", at + 4);
      if (close == std::string_view::npos) return false;
      at = close + 2;
      continue;
    }
    tag.end = at + 1 < html.size() && html[at + 1] == '/';
    std::size_t i = at + (tag.end ? 2 : 1);
    const std::size_t name_begin = i;
    while (i < html.size() && is_ascii_alnum(html[i])) ++i;
    if (i == name_begin || !is_ascii_alpha(html[name_begin])) continue;
    tag.name = ascii_lower(html.substr(name_begin, i - name_begin));
    const std::size_t close = html.find('>', i);
    tag.after = close == std::string_view::npos ? html.size() : close + 1;
    if (!tag.end && close != std::string_view::npos && html[close - 1] == '/') tag.name += '/';  // self-closed
    return true;
  }
  return false;
}

}  // namespace

TagScan scan_tags(std::string_view html) {
  std::vector<std::string> open;  // outermost first; libxml2's stack is always a part of it
  bool in_order = true;
  TagScan scan;
  Tag tag;
  for (std::size_t at = 0; next_tag(html, at, tag); at = tag.after) {
    if (!tag.end) {
      if (tag.name.ends_with('/') || one_of(tag.name, kVoid)) continue;
      if (one_of(tag.name, kSearchingStartTags)) scan.stack_searches += open.size();
      if (one_of(tag.name, kRawText)) {
        const std::string end = "</" + tag.name;
        std::size_t close = tag.after;
        while (close < html.size() && (close = html.find("</", close)) != std::string_view::npos &&
               ascii_lower(html.substr(close, end.size())) != end) {
          close += 2;
        }
        const std::size_t end_close = close >= html.size() ? std::string_view::npos : html.find('>', close);
        tag.after = end_close == std::string_view::npos ? html.size() : end_close + 1;  // past its end tag
        continue;
      }
      open.push_back(tag.name);
      scan.max_depth = std::max(scan.max_depth, open.size());
      continue;
    }
    const bool on_top = !open.empty() && open.back() == tag.name;
    if (in_order && on_top && one_of(tag.name, kNeverClosedImplicitly)) {
      scan.stack_searches += 1;
      open.pop_back();
      continue;
    }
    // libxml2 may search its whole stack: charge all of ours, which holds it.
    scan.stack_searches += open.size();
    if (!in_order) continue;  // ours only grows now, so it still holds libxml2's
    if (on_top) {
      open.pop_back();  // libxml2 pops it too, or closed it before: either way ours holds its stack
    } else {
      in_order = false;  // libxml2 may pop less than we would, or more: pop nothing from now on
    }
  }
  return scan;
}

DepthPlan plan_depth(std::string_view html) {
  // Cheap first: a page with fewer tags than the limit cannot reach it.
  std::size_t tags = 0;
  for (std::size_t at = html.find('<'); at != std::string_view::npos && tags <= kLibxml2DepthLimit;
       at = html.find('<', at + 1)) {
    ++tags;
  }
  if (tags <= kLibxml2DepthLimit) return {};
  const TagScan scan = scan_tags(html);
  if (scan.max_depth < kLibxml2DepthLimit) return {};
  if (scan.stack_searches <= kMaxEndTagScans) return {true, false};
  return {false, true};
}

}  // namespace cs::indexer
