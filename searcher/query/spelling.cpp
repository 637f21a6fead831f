#include "searcher/query/spelling.hpp"

#include <vector>

#include "common/schema.hpp"

namespace cs::searcher {

std::string suggest_spelling(const Xapian::Database& db, std::string_view query_text, Analyzer& analyzer) {
  // Words of the query, not the operators or field names around them, are corrected.
  std::vector<Token> words;
  analyzer.tokenize(query_text, words);
  std::string suggestion;
  std::size_t copied = 0;
  bool changed = false;
  try {
    for (const Token& word : words) {
      const std::string_view surface = query_text.substr(word.begin, word.end - word.begin);
      if (word.word.size() < 3 || surface == "AND" || surface == "OR" || surface == "NOT" || surface == "NEAR") continue;
      if (word.end < query_text.size() && query_text[word.end] == ':') continue;  // a field name
      if (db.term_exists(schema::exact_term("", word.word))) continue;
      const std::string corrected = db.get_spelling_suggestion(word.word, 2);
      if (corrected.empty()) continue;
      suggestion.append(query_text.substr(copied, word.begin - copied)).append(corrected);
      copied = word.end;
      changed = true;
    }
  } catch (const Xapian::Error&) {
    return {};  // a suggestion is a courtesy; a failure to find one is not an error
  }
  if (!changed) return {};
  suggestion.append(query_text.substr(copied));
  return suggestion;
}

}  // namespace cs::searcher
