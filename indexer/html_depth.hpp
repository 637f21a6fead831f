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

// An upper bound on the stack comparisons libxml2's end tags make on `html` with the depth
// limit lifted. While the page's end tags close the element last opened, each costs one
// (for the elements no start tag closes implicitly) or the depth; from the first one that
// does not, every end tag is charged every element opened so far.
std::uint64_t end_tag_scans(std::string_view html);

// True when the page nests deeper than libxml2's default limit and end_tag_scans stays
// within kMaxEndTagScans: parse it with XML_PARSE_HUGE. A page over the bound is read to
// 256 levels, as libxml2 does by default.
bool parse_past_depth_limit(std::string_view html);

}  // namespace cs::indexer
