#include "indexer/analyse/spelling_counts.hpp"

#include <algorithm>

namespace cs::indexer {

bool is_spelling_word(const std::string& word) {
  return word.size() >= 3 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void SpellingCounter::add_article(const std::vector<Token>& words) {
  ++article_;
  for (const Token& token : words) {
    if (!is_spelling_word(token.word)) continue;
    Seen& seen = words_[token.word];
    if (seen.last_article == article_) continue;
    seen.last_article = article_;
    ++seen.articles;
  }
}

void SpellingCounter::add_distinct_words(const std::vector<std::string>& words) {
  ++article_;
  for (const std::string& word : words) {
    if (!is_spelling_word(word)) continue;
    Seen& seen = words_[word];
    seen.last_article = article_;
    ++seen.articles;
  }
}

void SpellingCounter::absorb(SpellingCounter& other) {
  if (words_.empty()) {
    std::swap(words_, other.words_);
  } else {
    for (auto& [word, seen] : other.words_) words_[word].articles += seen.articles;
  }
  other.words_.clear();
  // Articles counted from here on must not match a word's last_article by accident.
  article_ = std::max(article_, other.article_);
  other.article_ = article_;
}

std::vector<std::pair<std::string, std::uint32_t>> SpellingCounter::take() {
  std::vector<std::pair<std::string, std::uint32_t>> counts;
  counts.reserve(words_.size());
  for (auto& [word, seen] : words_) counts.emplace_back(word, seen.articles);
  words_.clear();
  return counts;
}

}  // namespace cs::indexer
