// A question typed as a sentence ("What did Ortega say about enforcement?") is searched by
// its content words: its function words (what, did, about) would otherwise rank first the
// articles that hold the most of them. Only questions: a phrase a reader remembers ("fans
// held up a sign asking who knew") keeps every word, as its function words help find the
// paragraph (the judged sets lost precision when they were left out of every query).
#pragma once

#include <vector>

#include "searcher/query/query_lexer.hpp"

namespace cs::searcher {

// Drops English function words from `lexemes` when they are a question: four words or more,
// plain words only (no quotes, operators, signs or fields), the first a question word (what,
// who, how, did, is ...). Negations (not, no, nor) stay, and so do a name's words ("Will
// Smith") and a question whose words are all function words. Nothing is dropped unless
// `english_searched` (no --lang, or an English one).
void drop_question_function_words(std::vector<Lexeme>& lexemes, bool english_searched);

}  // namespace cs::searcher
