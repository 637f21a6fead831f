#include "searcher/query/question_words.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "common/ascii.hpp"

namespace cs::searcher {

namespace {

constexpr std::size_t kMinQuestionWords = 4;

constexpr std::array<std::string_view, 24> kQuestionWords = {
    "what", "who",  "whom",  "whose", "which", "when",   "where", "why",    "how",  "did",  "does", "do",
    "is",   "are",  "was",   "were",  "can",   "could",  "should", "would", "will", "has",  "have", "had"};

// Snowball's English stop words, less the negations, which change what a question asks.
constexpr std::array<std::string_view, 173> kFunctionWords = {
    "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself", "yourselves",
    "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they", "them", "their",
    "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these", "those", "am", "is", "are",
    "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "would",
    "should", "could", "ought", "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've",
    "we've", "they've", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll",
    "we'll", "they'll", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't",
    "didn't", "won't", "wouldn't", "shan't", "shouldn't", "can't", "cannot", "couldn't", "mustn't", "let's",
    "that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's", "a", "an", "the",
    "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for", "with", "about",
    "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up",
    "down", "in", "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
    "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only",
    "own", "same", "so", "than", "too", "very", "will", "can"};

// The word as the lists spell it: lower case, without the question mark or comma after it,
// with a typographic apostrophe made straight ("didn’t").
std::string plain_word(std::string_view text) {
  std::string word;
  const std::string lower = ascii_lower(text);
  for (std::size_t at = 0; at < lower.size(); ++at) {
    if (lower.compare(at, 3, "\xE2\x80\x99") == 0) {
      word.push_back('\'');
      at += 2;
    } else {
      word.push_back(lower[at]);
    }
  }
  while (!word.empty() && std::string_view("?!.,;:").find(word.back()) != std::string_view::npos) word.pop_back();
  return word;
}

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

}  // namespace

void drop_question_function_words(std::vector<Lexeme>& lexemes, bool english_searched) {
  if (!english_searched) return;
  std::size_t words = 0;
  for (const Lexeme& lexeme : lexemes) {
    if (lexeme.kind == LexemeKind::kEnd) break;
    if (lexeme.kind != LexemeKind::kWord || lexeme.sign != 0 || !lexeme.field.empty()) return;
    ++words;
  }
  if (words < kMinQuestionWords || !listed(kQuestionWords, plain_word(lexemes.front().text))) return;
  // A capitalised word before another is a name's ("Will Smith", "The Hague"); a question's
  // first word before a name ("Did Merz ...") is kept with it, which costs little.
  const auto in_name = [&lexemes](const Lexeme& lexeme) {
    const std::size_t at = static_cast<std::size_t>(&lexeme - lexemes.data());
    const auto capital = [](std::string_view text) { return !text.empty() && text.front() >= 'A' && text.front() <= 'Z'; };
    return capital(lexeme.text) && at + 1 < lexemes.size() && lexemes[at + 1].kind == LexemeKind::kWord &&
           capital(lexemes[at + 1].text);
  };
  const auto function_word = [&](const Lexeme& lexeme) {
    return lexeme.kind == LexemeKind::kWord && listed(kFunctionWords, plain_word(lexeme.text)) && !in_name(lexeme);
  };
  std::vector<Lexeme> kept;
  kept.reserve(lexemes.size());
  bool content = false;
  for (const Lexeme& lexeme : lexemes) {
    if (function_word(lexeme)) continue;
    content = content || lexeme.kind == LexemeKind::kWord;
    kept.push_back(lexeme);
  }
  if (content) lexemes = std::move(kept);
}

}  // namespace cs::searcher
