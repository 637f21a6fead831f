#include "searcher/query/query_lexer.hpp"

#include <algorithm>
#include <array>

namespace cs::searcher {

namespace {

constexpr std::array<std::string_view, 6> kFields = {"title", "source", "author", "topic", "lang", "date"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

// "NEAR" or "NEAR/5"; 0 when `word` is not a NEAR operator.
Xapian::termcount near_window(std::string_view word) {
  if (word == "NEAR") return kDefaultNearWindow;
  if (!word.starts_with("NEAR/") || word.size() == 5 || word.size() > 9) return 0;
  Xapian::termcount window = 0;
  for (const char c : word.substr(5)) {
    if (c < '0' || c > '9') return 0;
    window = window * 10 + static_cast<Xapian::termcount>(c - '0');
  }
  return std::clamp<Xapian::termcount>(window, 1, kMaxNearWindow);
}

}  // namespace

Error query_error(std::size_t column, std::string reason, std::string hint) {
  return Error{ErrorKind::kQuery, "", "column " + std::to_string(column), std::move(reason), std::move(hint)};
}

Result<std::vector<Lexeme>> lex(std::string_view text) {
  std::vector<Lexeme> lexemes;
  std::size_t i = 0;
  while (i < text.size()) {
    if (is_space(text[i])) {
      ++i;
      continue;
    }
    Lexeme lexeme;
    lexeme.column = i + 1;
    if ((text[i] == '+' || text[i] == '-') && i + 1 < text.size() && !is_space(text[i + 1])) {
      lexeme.sign = text[i++];
    }
    if (text[i] == '(' || text[i] == ')') {
      lexeme.kind = text[i] == '(' ? LexemeKind::kOpen : LexemeKind::kClose;
      ++i;
      lexemes.push_back(lexeme);
      continue;
    }
    // field:value or field:"phrase"
    std::size_t name_end = i;
    while (name_end < text.size() && is_lower_letter(text[name_end])) ++name_end;
    if (name_end > i && name_end < text.size() && text[name_end] == ':') {
      const std::string_view name = text.substr(i, name_end - i);
      if (std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
        return query_error(i + 1, "unknown field '" + std::string(name) + ":'",
                           "fields are title:, source:, author:, topic:, lang: and date:");
      }
      lexeme.field = name;
      i = name_end + 1;
      if (i >= text.size() || is_space(text[i]) || text[i] == '(' || text[i] == ')') {
        return query_error(lexeme.column, "field '" + std::string(name) + ":' has no value",
                           "write " + std::string(name) + ":word or " + std::string(name) + ":\"a phrase\"");
      }
    }
    if (text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) {
        return query_error(i + 1, "unbalanced quote", "close the phrase with \" or remove the quote");
      }
      lexeme.kind = LexemeKind::kPhrase;
      lexeme.text = text.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      std::size_t end = i;
      while (end < text.size() && !is_space(text[end]) && text[end] != '"' && text[end] != '(' && text[end] != ')') {
        ++end;
      }
      lexeme.kind = LexemeKind::kWord;
      lexeme.text = text.substr(i, end - i);
      i = end;
      // Operators are upper case and stand alone, so "or" and "not" stay words.
      if (lexeme.sign == 0 && lexeme.field.empty()) {
        if (lexeme.text == "AND") lexeme.kind = LexemeKind::kAnd;
        if (lexeme.text == "OR") lexeme.kind = LexemeKind::kOr;
        if (lexeme.text == "NOT") lexeme.kind = LexemeKind::kNot;
        if (const auto window = near_window(lexeme.text); window > 0) {
          lexeme.kind = LexemeKind::kNear;
          lexeme.near_window = window;
        }
      }
    }
    lexemes.push_back(lexeme);
  }
  Lexeme end;
  end.column = text.size() + 1;
  lexemes.push_back(end);
  return lexemes;
}

}  // namespace cs::searcher
