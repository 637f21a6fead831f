#include "indexer/analyse/spelling_counts.hpp"

#include <algorithm>
#include <unordered_set>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/schema.hpp"
#include "common/spelling_table.hpp"

namespace cs::indexer {

std::vector<std::string> stored_spelling_words(const Xapian::Document& document,
                                               const compact_text::DictionaryLookup& dictionaries, Analyzer& analyzer) {
  const auto record = decode_article_record(document.get_data(), dictionaries);
  if (!record) return {};
  std::unordered_set<std::string> words;
  std::vector<Token> tokens;
  const auto add_words_of = [&](std::string_view text) {
    tokens.clear();
    analyzer.tokenize(text, tokens);
    for (Token& token : tokens) {  // as ArticleDocumentBuilder lists them
      if (lists_alternative(token) && spelling_table::is_listed_word(token.alternative)) words.insert(token.alternative);
      if (spelling_table::is_listed_word(token.word)) words.insert(std::move(token.word));
    }
  };
  add_words_of(record->title);
  for (std::uint32_t passage = 0; passage < record->count; ++passage) {
    if (const auto text = unpack_passage_text(document.get_value(schema::passage_text_slot(passage)), dictionaries)) {
      add_words_of(text->text);
    }
  }
  return {words.begin(), words.end()};
}

void SpellingCounter::add_article(const std::vector<std::string>& words) {
  for (const std::string& word : words) {
    if (spelling_table::is_listed_word(word)) ++articles_[word];
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
