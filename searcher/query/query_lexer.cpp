#include "searcher/query/query_lexer.hpp"

#include <algorithm>
#include <array>

namespace cs::searcher {

namespace {

constexpr std::array<std::string_view, 6> kFields = {"title", "source", "author", "topic", "lang", "date"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_lower_letter(char c) { return c >= 'a' && c <= 'z'; }

// The window of "NEAR" or "NEAR/5"; 0 when `word` is not a NEAR operator, and -1 when it is
// one with a window that is not a number from 1 to kMaxNearWindow ("NEAR/x", "NEAR/0").
long near_window(std::string_view word) {
  if (word == "NEAR") return kDefaultNearWindow;
  if (!word.starts_with("NEAR/")) return 0;
  const std::string_view digits = word.substr(5);
  // "NEAR/x" and "NEAR/" meant a window; "NEAR/2said:" is a word that only starts so.
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (digits.size() <= 3 && std::all_of(digits.begin(), digits.end(), is_letter)) return -1;
  if (!std::all_of(digits.begin(), digits.end(), is_digit)) return 0;
  if (digits.size() > 4) return -1;
  long window = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return -1;
    window = window * 10 + (c - '0');
  }
  return window >= 1 && window <= static_cast<long>(kMaxNearWindow) ? window : -1;
}

// Quotation marks that open or close a phrase: the ASCII one, and those word processors
// and phones type for it (“…”, „…“, «…», ”…”). A phrase pasted in curly quotes matched its
// words one by one, "the" among them (a new user's trial).
constexpr std::array<std::string_view, 6> kQuoteMarks = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E",
                                                         "\xC2\xAB", "\xC2\xBB"};

// The length of the quotation mark at `i`; 0 when there is none.
std::size_t quote_mark_at(std::string_view text, std::size_t i) {
  for (const std::string_view mark : kQuoteMarks) {
    if (text.substr(i, mark.size()) == mark) return mark.size();
  }
  return 0;
}

// The next quotation mark from `i` (any: one typed “ may be closed by "), and its length.
std::pair<std::size_t, std::size_t> next_quote_mark(std::string_view text, std::size_t i) {
  for (; i < text.size(); ++i) {
    if (const std::size_t length = quote_mark_at(text, i); length > 0) return {i, length};
  }
  return {std::string_view::npos, 0};
}

// The end of the word that starts at `i`: the next space, quotation mark or parenthesis.
std::size_t word_end(std::string_view text, std::size_t i) {
  while (i < text.size() && !is_space(text[i]) && quote_mark_at(text, i) == 0 && text[i] != '(' && text[i] != ')') ++i;
  return i;
}

// The length of the quotation mark at `i` that opens a phrase; 0 when there is none. A
// closing mark ("”", "»") opens one only when a word follows it at once ("»phrase«"): alone
// it is punctuation, as in a breadcrumb pasted with the query ("News » Asia").
std::size_t opening_mark_at(std::string_view text, std::size_t i) {
  const std::size_t length = quote_mark_at(text, i);
  const std::string_view mark = text.substr(i, length);
  const bool closing_kind = mark == "\xE2\x80\x9D" || mark == "\xC2\xBB";
  if (closing_kind && (i + length >= text.size() || is_space(text[i + length]))) return 0;
  return length;
}

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

}  // namespace

Error query_error(std::size_t column, std::string reason, std::string hint) {
  return Error{ErrorKind::kQuery, "", "column " + std::to_string(column), std::move(reason), std::move(hint)};
}

std::string_view field_list() { return "title:, source:, author:, topic:, lang: and date:"; }

Result<Lexed> lex(std::string_view text) {
  Lexed lexed;
  std::vector<Lexeme>& lexemes = lexed.lexemes;
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
    // field:value or field:"phrase"; any other "word:" is text (he added:, http://...).
    std::size_t name_end = i;
    while (name_end < text.size() && is_lower_letter(text[name_end])) ++name_end;
    bool field_is_text = false;
    if (name_end > i && name_end < text.size() && text[name_end] == ':') {
      const std::string_view name = text.substr(i, name_end - i);
      const bool known = std::find(kFields.begin(), kFields.end(), name) != kFields.end();
      const std::size_t value = name_end + 1;
      const bool has_value = value < text.size() && !is_space(text[value]) && text[value] != '(' && text[value] != ')';
      if (known && has_value) {
        lexeme.field = name;
        i = value;
      } else {
        field_is_text = true;
        const std::string_view word = text.substr(i, word_end(text, i) - i);
        if (word.find("://") == std::string_view::npos) {  // a URL is plainly text
          lexed.notes.push_back(quoted(word) + (known ? " has no value, so it is a word" : " is not a field, so it is a word") +
                                " (fields are " + std::string(field_list()) + ")");
        }
      }
    }
    if (const std::size_t opening = opening_mark_at(text, i); opening > 0 && !field_is_text) {
      auto [close, closing] = next_quote_mark(text, i + opening);
      if (close == std::string_view::npos) {
        lexed.notes.push_back("the quote at column " + std::to_string(i + 1) + " is not closed, so its phrase runs to the end");
        close = text.size();
      }
      lexeme.kind = LexemeKind::kPhrase;
      lexeme.text = text.substr(i + opening, close - i - opening);
      i = std::min(close + closing, text.size());
    } else if (const std::size_t mark = quote_mark_at(text, i); mark > 0) {
      i += mark;  // a closing mark alone, or a field name's text: punctuation, no word
      continue;
    } else {
      const std::size_t end = word_end(text, i);
      lexeme.kind = LexemeKind::kWord;
      lexeme.text = text.substr(i, end - i);
      i = end;
      // Operators are upper case and stand alone, so "or" and "not" stay words.
      if (lexeme.sign == 0 && lexeme.field.empty()) {
        if (lexeme.text == "AND") lexeme.kind = LexemeKind::kAnd;
        if (lexeme.text == "OR") lexeme.kind = LexemeKind::kOr;
        if (lexeme.text == "NOT") lexeme.kind = LexemeKind::kNot;
        if (const long window = near_window(lexeme.text); window > 0) {
          lexeme.kind = LexemeKind::kNear;
          lexeme.near_window = static_cast<Xapian::termcount>(window);
        } else if (window < 0) {
          return query_error(lexeme.column, "'" + std::string(lexeme.text) + "' needs a window from 1 to " +
                                                std::to_string(kMaxNearWindow) + " words",
                             "write NEAR/5, or NEAR for 10 words");
        }
      }
    }
    lexemes.push_back(lexeme);
  }
  Lexeme end;
  end.column = text.size() + 1;
  lexemes.push_back(end);
  return lexed;
}

}  // namespace cs::searcher
