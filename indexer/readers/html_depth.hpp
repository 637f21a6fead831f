// Whether a page may be parsed past libxml2's depth limit. libxml2's HTML parser stops at
// 256 open elements (xmlParserMaxDepth) and drops the rest of the page; XML_PARSE_HUGE lifts
// that, but then each end tag makes libxml2 search its stack of open elements
// (htmlParseEndTag): one that closes nothing, or an element closed implicitly before, scans
// the whole stack, so a deep page full of such end tags costs depth x end tags (100,000
// <div> and 20,000 </span> took 15 s). The bound below is counted on the page's tags in one
// linear pass before parsing, and never under what libxml2 will do.
#pragma once

#include <cstdint>
#include <string_view>

namespace cs::indexer {

// About 2 s of libxml2's stack comparisons (7.5 ns each) at worst.
inline constexpr std::uint64_t kMaxEndTagScans = 250'000'000;

// What one linear pass over a page's tags tells about parsing it past the limit.
struct TagScan {
  // An upper bound on the stack searches libxml2's tags make with the depth limit lifted.
  // While the page's end tags close the element last opened, each costs one (for the
  // elements no start tag closes implicitly) or the depth; from the first one that does not,
  // every end tag is charged every element opened so far; a <body> start tag (which libxml2
  // checks against every open element) is charged the depth.
  std::uint64_t stack_searches = 0;
  // The deepest nesting the tags reach, counting elements libxml2 may close implicitly.
  std::size_t max_depth = 0;
};
TagScan scan_tags(std::string_view html);

// How libxml2 should read a page.
struct DepthPlan {
  bool parse_deep = false;        // use XML_PARSE_HUGE: deeper than the limit, and cheap to read so
  bool cut_at_limit = false;      // deeper than the limit but too costly to read so: text below 256 levels is lost
};
DepthPlan plan_depth(std::string_view html);

}  // namespace cs::indexer
