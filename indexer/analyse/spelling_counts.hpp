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

namespace cs::indexer {

// Words worth suggesting: Latin letters only (after accent folding), at least three of
// them; numbers, CJK and fragments are left out.
bool is_spelling_word(const std::string& word);

class SpellingCounter {
 public:
  // Counts the spelling words of one indexed article, given once each (its document
  // builder's spelling_words: a lookup a distinct word, not one a use).
  void add_article(const std::vector<std::string>& words);
  // Adds another counter's counts to this one's, and empties it.
  void absorb(SpellingCounter& other);
  // The words and their article counts, in no order; the counter is left empty.
  std::vector<std::pair<std::string, std::uint32_t>> take();

 private:
  std::unordered_map<std::string, std::uint32_t> articles_;  // holding each word
};

}  // namespace cs::indexer
