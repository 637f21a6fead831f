#include "searcher/query/query_repair.hpp"

#include <string>
#include <vector>

namespace cs::searcher {

namespace {

std::string at_column(const Lexeme& lexeme) { return " at column " + std::to_string(lexeme.column); }

// Parentheses matched like brackets; the unmatched ones are dropped or closed at the end.
void balance_parentheses(Lexed& lexed) {
  std::vector<Lexeme>& lexemes = lexed.lexemes;
  std::vector<Lexeme> kept;
  kept.reserve(lexemes.size() + 1);
  std::vector<std::size_t> open;  // indices in `kept` of the '(' not yet closed
  for (const Lexeme& lexeme : lexemes) {
    if (lexeme.kind == LexemeKind::kClose) {
      if (open.empty()) {
        lexed.notes.push_back("the ')'" + at_column(lexeme) + " closes nothing, so it is left out");
        continue;
      }
      if (open.back() + 1 == kept.size()) {  // "()"
        lexed.notes.push_back("the empty parentheses" + at_column(kept.back()) + " are left out");
        kept.pop_back();
        open.pop_back();
        continue;
      }
      open.pop_back();
    } else if (lexeme.kind == LexemeKind::kOpen) {
      open.push_back(kept.size());
    } else if (lexeme.kind == LexemeKind::kEnd) {
      for (auto unclosed = open.rbegin(); unclosed != open.rend(); ++unclosed) {
        const Lexeme& opening = kept[*unclosed];
        if (*unclosed + 1 == kept.size()) {  // a '(' at the very end opens nothing
          lexed.notes.push_back("the '('" + at_column(opening) + " opens nothing, so it is left out");
          kept.pop_back();
          continue;
        }
        lexed.notes.push_back("the '('" + at_column(opening) + " is not closed, so it runs to the end");
        Lexeme close;
        close.kind = LexemeKind::kClose;
        close.column = lexeme.column;
        kept.push_back(close);
      }
    }
    kept.push_back(lexeme);
  }
  lexemes = std::move(kept);
}

// The word an operator is in running text: "and", "or", "not", "near" (NEAR/5's window
// is no word).
std::string_view word_of(LexemeKind kind) {
  switch (kind) {
    case LexemeKind::kAnd: return "and";
    case LexemeKind::kOr: return "or";
    case LexemeKind::kNot: return "not";
    default: return "near";
  }
}

bool is_operator(LexemeKind kind) {
  return kind == LexemeKind::kAnd || kind == LexemeKind::kOr || kind == LexemeKind::kNot || kind == LexemeKind::kNear;
}

// What can end the operand before a binary operator, and start the one after it.
bool ends_operand(const Lexeme& lexeme) {
  return lexeme.kind == LexemeKind::kWord || lexeme.kind == LexemeKind::kPhrase || lexeme.kind == LexemeKind::kClose;
}
bool starts_operand(const Lexeme& lexeme) {
  return lexeme.kind == LexemeKind::kWord || lexeme.kind == LexemeKind::kPhrase || lexeme.kind == LexemeKind::kOpen ||
         lexeme.kind == LexemeKind::kNot;
}
// What NEAR can join: a word of the text, no field, no wildcard; signed only before it.
bool is_near_item(const Lexeme& lexeme, bool first) {
  return lexeme.kind == LexemeKind::kWord && (first || lexeme.sign == 0) && lexeme.field.empty() &&
         !lexeme.text.ends_with('*');
}

// An operator without the operands it needs, read left to right, so that "AND OR x" keeps
// its OR once the AND before it is a word.
bool lacks_operands(const std::vector<Lexeme>& lexemes, std::size_t k) {
  const Lexeme& op = lexemes[k];
  const Lexeme* before = k > 0 ? &lexemes[k - 1] : nullptr;
  const Lexeme& after = lexemes[k + 1];  // there is always a kEnd after an operator
  switch (op.kind) {
    case LexemeKind::kAnd:
    case LexemeKind::kOr:
      return before == nullptr || !ends_operand(*before) || !starts_operand(after);
    case LexemeKind::kNot:
      return !starts_operand(after);
    case LexemeKind::kNear:
      return before == nullptr || !is_near_item(*before, true) || !is_near_item(after, false);
    default:
      return false;
  }
}

}  // namespace

void repair_structure(Lexed& lexed) {
  balance_parentheses(lexed);
  std::vector<Lexeme>& lexemes = lexed.lexemes;
  for (std::size_t k = 0; k + 1 < lexemes.size(); ++k) {
    if (!is_operator(lexemes[k].kind) || !lacks_operands(lexemes, k)) continue;
    lexed.notes.push_back("'" + std::string(lexemes[k].text) + "'" + at_column(lexemes[k]) +
                          " has no words to join, so it is a word");
    // The word it is in running text, not the acronym its capitals would make ("NEAR").
    lexemes[k].text = word_of(lexemes[k].kind);
    lexemes[k].kind = LexemeKind::kWord;
  }
}

}  // namespace cs::searcher
