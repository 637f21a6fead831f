// The query syntax's lexer: cuts what the user typed into words, "phrases", parentheses and
// the upper-case operators (AND, OR, NOT, NEAR, NEAR/n), each with its column, its +/-
// sign and its field (title:, source:...). query.cpp parses the lexemes.
//
// Text typed or pasted as text is never a syntax error: an unknown "word:" (he added:, a
// URL's http:), a field with no value, or an unclosed quote (its phrase runs to the end) is
// read as text, with a note saying so. Only a value the syntax cannot take (NEAR/x) fails.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace cs::searcher {

// NEAR without /N: words within this many positions of each other (NEAR/1: side by side,
// in either order).
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

struct Lexed {
  std::vector<Lexeme> lexemes;  // views into the text, ending with a kEnd
  // How the text was read otherwise than as query syntax, one short clause each
  // ("'added:' is not a field, so it is a word").
  std::vector<std::string> notes;
};

// A NEAR/n whose n is not a number from 1 to 1000 is a kQuery error naming its column.
Result<Lexed> lex(std::string_view text);

// The fields a query can name ("title", "source", ...), as the syntax spells them.
std::string_view field_list();

// A kQuery error at `column` (1-based, in bytes) of the query.
Error query_error(std::size_t column, std::string reason, std::string hint);

}  // namespace cs::searcher
