#include "indexer/analyse/spelling_counts.hpp"

#include <algorithm>

namespace cs::indexer {

bool is_spelling_word(const std::string& word) {
  return word.size() >= 3 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

void SpellingCounter::add_article(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (is_spelling_word(word)) ++articles_[word];
  }
}

void SpellingCounter::absorb(SpellingCounter& other) {
  if (articles_.empty()) {
    std::swap(articles_, other.articles_);
  } else {
    for (const auto& [word, articles] : other.articles_) articles_[word] += articles;
  }
  other.articles_.clear();
}

std::vector<std::pair<std::string, std::uint32_t>> SpellingCounter::take() {
  std::vector<std::pair<std::string, std::uint32_t>> counts(articles_.begin(), articles_.end());
  articles_.clear();
  return counts;
}

}  // namespace cs::indexer
