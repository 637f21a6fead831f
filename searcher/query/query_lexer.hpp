// The query syntax's lexer: cuts what the user typed into words, "phrases", parentheses and
// the upper-case operators (AND, OR, NOT, NEAR, NEAR/n), each with its column, its +/-
// sign and its field (title:, source:...). query.cpp parses the lexemes.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace cs::searcher {

// NEAR without /N: words within this many positions of each other (Xapian's window).
inline constexpr Xapian::termcount kDefaultNearWindow = 10;
inline constexpr Xapian::termcount kMaxNearWindow = 1000;

enum class LexemeKind { kWord, kPhrase, kOpen, kClose, kAnd, kOr, kNot, kNear, kEnd };

// One lexeme of the query text. `sign` is '+' or '-' written directly before it; `field`
// is the "title" of title:word or title:"a phrase".
struct Lexeme {
  LexemeKind kind = LexemeKind::kEnd;
  std::string_view text;
  std::size_t column = 0;  // 1-based, in bytes
  char sign = 0;
  std::string_view field;
  Xapian::termcount near_window = kDefaultNearWindow;
};

// The lexemes of `text` (views into it), ending with a kEnd. An unknown field, a field with
// no value or an unbalanced quote is a kQuery error naming the column.
Result<std::vector<Lexeme>> lex(std::string_view text);

// A kQuery error at `column` (1-based, in bytes) of the query.
Error query_error(std::size_t column, std::string reason, std::string hint);

}  // namespace cs::searcher
