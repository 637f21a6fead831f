// Maps an article to its Xapian document by schema.hpp: the terms that find it, the values
// that sort, collapse and count it, its passages' texts and bounds (from which, with the
// positions of its stems, the searcher picks and shows the best passage), and the record
// that shows it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/compact_text.hpp"

namespace cs::indexer {

class ArticleDocumentBuilder {
 public:
  explicit ArticleDocumentBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}

  // One document for the article. `passages` are its body's passages in order and `words`
  // the analyzer's tokens of article.body; only words inside a passage are indexed, numbered
  // from position 1 in passage order. `root` is the absolute folder the article's path is
  // relative to. Passage texts are compressed with `dictionary` when given.
  Xapian::Document build(const Article& article, const std::vector<Passage>& passages, const std::vector<Token>& words,
                         std::string_view root, const compact_text::Dictionary* dictionary = nullptr);

 private:
  void add_field_terms(Xapian::Document& document, const Article& article) const;

  Analyzer& analyzer_;
  std::vector<Token> title_words_;  // reused between articles to avoid reallocating
  std::vector<std::uint32_t> title_hashes_, passage_starts_;
  std::vector<Span> sentences_;
};

}  // namespace cs::indexer
