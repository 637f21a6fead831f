// The words a batch offers the spelling table (common/spelling_table.hpp, from which
// cs-search suggests corrections), each with the number of the batch's articles that hold
// it: counted here, on the analysing threads, one entry a distinct word of the batch.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"
#include "common/compact_text.hpp"

namespace cs::indexer {

// Whether a token's alternative form is listed beside its word: an acronym's letters
// ("nato" for "NATO") are how it is typed, so they complete and are never "corrected"; a
// hyphenated chain's joined form ("ingwen") is not a word anyone wrote.
inline bool lists_alternative(const Token& token) { return token.is_acronym(); }

// The spelling words an indexed article was counted for (ArticleDocumentBuilder's
// spelling_words), read back from its stored passages and title: what deleting or replacing
// it takes off the counts, so that completions and suggestions count the articles the
// index holds. Its other titles are not stored, and words only they held stay counted.
// Xapian errors propagate.
std::vector<std::string> stored_spelling_words(const Xapian::Document& document,
                                               const compact_text::DictionaryLookup& dictionaries, Analyzer& analyzer);

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
