// Reads the parentheses and operators of a query that have no place in its syntax as what
// they are in pasted text: a ')' that closes nothing is left out, a '(' never closed runs
// to the end, "()" is left out, and an AND, OR, NOT or NEAR without the words it needs is a
// word. Each change adds a note, so the user sees how the query was read.
#pragma once

#include "searcher/query/query_lexer.hpp"

namespace cs::searcher {

// Changes `lexed.lexemes` in place so that query.cpp's parser meets only well-formed
// structure, and adds to `lexed.notes`.
void repair_structure(Lexed& lexed);

}  // namespace cs::searcher
