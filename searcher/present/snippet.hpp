// Finds what to show of a passage: the words the user typed, matched as typed or by their
// stem, so "calls" highlights "call" and "Calls" but not unrelated words; and the window of
// whole sentences that holds the most of them, the rare ones counting most.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/query/query.hpp"

namespace cs::searcher {

// Byte spans of `passage` to highlight, in order, not overlapping. With `terms`, the query
// stem (or word) each span matched is appended to it, one per span.
std::vector<Span> highlight_spans(std::string_view passage, const ParsedQuery& query, Analyzer& analyzer,
                                  std::vector<std::string>* terms = nullptr);

// A snippet of about four terminal lines: short enough to read at a glance, long enough for
// two or three sentences.
inline constexpr std::size_t kSnippetBytes = 360;

// The part of a passage to show: consecutive whole `sentences` (byte spans covering the
// passage, in order) of at most `max_bytes` together, or the single sentence a longer one
// is. Chosen for the most weight of distinct highlighted terms (`highlights[i]` matched
// term `term_ids[i]`, worth `term_weights[term_id]`: rare terms weigh more), then for the
// shortest stretch holding one highlight of each of its terms, then the earliest. The
// whole passage when it fits.
Span snippet_window(std::span<const Span> sentences, std::span<const Span> highlights,
                    std::span<const std::size_t> term_ids, std::span<const double> term_weights,
                    std::size_t max_bytes = kSnippetBytes);

// The snippet of `passage` whose `highlights` matched `terms` (as highlight_spans gives
// them): the whole passage when it fits in `max_bytes`; otherwise some of its `sentences`
// (as cs-index stored them: Analyzer::sentences of the passage), chosen by snippet_window
// with each distinct term worth `weight_of(term)`, and without the spaces that end the last
// sentence.
Span choose_snippet(std::string_view passage, std::span<const Span> sentences, std::span<const Span> highlights,
                    std::span<const std::string> terms, const std::function<double(const std::string&)>& weight_of,
                    std::size_t max_bytes = kSnippetBytes);

}  // namespace cs::searcher
