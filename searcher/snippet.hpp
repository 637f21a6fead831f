// Finds what to highlight in a passage: the words the user typed, matched as typed or by
// their stem, so "calls" highlights "call" and "Calls" but not unrelated words.
#pragma once

#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/query.hpp"

namespace cs::searcher {

// Byte spans of `passage` to highlight, in order, not overlapping.
std::vector<Span> highlight_spans(std::string_view passage, const ParsedQuery& query, Analyzer& analyzer);

}  // namespace cs::searcher
