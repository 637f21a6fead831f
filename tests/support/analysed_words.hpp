// A text's tokens as the indexer's analyzer cuts them, for tests of the parts that read
// tokens (stories, spelling counts).
#pragma once

#include <string_view>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::test {

inline std::vector<Token> analysed_words(std::string_view text) {
  Analyzer analyzer;
  std::vector<Token> words;
  analyzer.tokenize(text, words);
  return words;
}

}  // namespace cs::test
