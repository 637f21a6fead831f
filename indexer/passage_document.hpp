// Maps an article's passages to Xapian documents by schema.hpp: the terms that find them,
// the values that sort and collapse them, and the record that shows them.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"

namespace cs::indexer {

class PassageDocumentBuilder {
 public:
  explicit PassageDocumentBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}

  // One document per passage. `words` are the analyzer's tokens of article.body; `root` is
  // the absolute folder the article's path is relative to.
  std::vector<Xapian::Document> build(const Article& article, const std::vector<Passage>& passages,
                                      const std::vector<Token>& words, std::string_view root);

 private:
  void add_field_terms(Xapian::Document& document, const Article& article) const;

  Analyzer& analyzer_;
  std::vector<Token> title_words_;  // reused between articles to avoid reallocating
  std::vector<std::uint32_t> title_hashes_, text_hashes_;
};

}  // namespace cs::indexer
