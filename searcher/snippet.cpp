#include "searcher/snippet.hpp"

#include <algorithm>

namespace cs::searcher {

std::vector<Span> highlight_spans(std::string_view passage, const ParsedQuery& query, Analyzer& analyzer) {
  std::vector<Token> tokens;
  analyzer.tokenize(passage, tokens);
  std::vector<Span> spans;
  const auto& words = query.highlight_words;  // sorted by parse_query
  const auto& stems = query.highlight_stems;
  const auto asked_for = [&](const std::string& word) {
    return std::binary_search(words.begin(), words.end(), word) ||
           std::binary_search(stems.begin(), stems.end(), analyzer.stem(word));
  };
  const auto add = [&](Span span) {  // tokens come in text order; a joined chain may overlap the next
    if (!spans.empty() && span.begin < spans.back().end) {
      spans.back().end = std::max(spans.back().end, span.end);
    } else {
      spans.push_back(span);
    }
  };
  for (const Token& token : tokens) {
    if (!token.alternative.empty() && asked_for(token.alternative)) {
      add(Span{token.begin, token.alternative_end});  // "US" for us, "Ing-wen" for ingwen
    } else if (asked_for(token.word)) {
      add(Span{token.begin, token.end});
    }
  }
  return spans;
}

}  // namespace cs::searcher
