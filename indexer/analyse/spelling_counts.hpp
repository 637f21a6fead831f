// The words a batch offers Xapian's spelling table (from which cs-search suggests
// corrections), each with the number of the batch's articles that hold it. Xapian counts a
// word once for each add_spelling(word, 1); one add_spelling(word, n) a batch stores the
// same table with one call a distinct word instead of one a distinct word an article
// (about a fifth of the calls on news), and the counting runs on the analysing threads.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::indexer {

// Words worth suggesting: Latin letters only (after accent folding), at least three of
// them; numbers, CJK and fragments are left out.
bool is_spelling_word(const std::string& word);

class SpellingCounter {
 public:
  // Counts each spelling word of one article once, however often the article uses it.
  void add_article(const std::vector<Token>& words);
  // The same for an article whose words are given once each (ArticleDocumentBuilder's
  // body_words: a lookup a distinct word, not one a word).
  void add_distinct_words(const std::vector<std::string>& words);
  // Adds another counter's counts to this one's, and empties it.
  void absorb(SpellingCounter& other);
  // The words and their article counts, in no order; the counter is left empty.
  std::vector<std::pair<std::string, std::uint32_t>> take();

 private:
  struct Seen {
    std::uint32_t articles = 0;
    std::uint32_t last_article = 0;  // the article that counted it last (1-based)
  };
  std::unordered_map<std::string, Seen> words_;
  std::uint32_t article_ = 0;
};

}  // namespace cs::indexer
