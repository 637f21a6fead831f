#include "searcher/snippet.hpp"

#include <algorithm>

namespace cs::searcher {

std::vector<Span> highlight_spans(std::string_view passage, const ParsedQuery& query, Analyzer& analyzer) {
  std::vector<Token> tokens;
  analyzer.tokenize(passage, tokens);
  std::vector<Span> spans;
  const auto& words = query.highlight_words;  // sorted by parse_query
  const auto& stems = query.highlight_stems;
  for (const Token& token : tokens) {
    const bool typed = std::binary_search(words.begin(), words.end(), token.word);
    if (typed || std::binary_search(stems.begin(), stems.end(), analyzer.stem(token.word))) {
      spans.push_back(Span{token.begin, token.end});
    }
  }
  return spans;
}

}  // namespace cs::searcher
