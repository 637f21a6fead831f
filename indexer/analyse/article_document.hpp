// Maps an article to its Xapian document by schema.hpp: the terms that find it, the values
// that sort, collapse and count it, its passages' texts and bounds (from which, with the
// positions of its stems, the searcher picks and shows the best passage), and the record
// that shows it.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/compact_text.hpp"
#include "common/passage_record.hpp"
#include "indexer/analyse/known_words.hpp"
#include "indexer/analyse/passages.hpp"

namespace cs::indexer {

// The dictionaries a database compresses new passage texts and records with
// (common/stored_dictionaries.hpp); none while it has none yet.
struct DocumentDictionaries {
  std::optional<compact_text::Dictionary> passages, records;
};

// The record shown for an article of `passages` passages indexed under `root`: what the
// document's data holds.
PassageRecord article_record(const Article& article, std::string_view root, std::uint32_t passages);

class ArticleDocumentBuilder {
 public:
  explicit ArticleDocumentBuilder(Analyzer& analyzer) : analyzer_(analyzer) {}

  // One document for the article, its body cut as `body` (cut_text); only words inside a
  // passage are indexed, numbered from position 1 in passage order. `root` is the absolute
  // folder the article's path is relative to. Passage texts and the record are compressed
  // with `dictionaries`.
  Xapian::Document build(const Article& article, const CutText& body, std::string_view root,
                         const DocumentDictionaries& dictionaries = {});
  // The body's and titles' words as written (not their alternative forms, but for an
  // acronym's letters) in the last document built, each once, in no order: what the
  // spelling table counts (SpellingCounter).
  // A word only a headline holds is still offered as a correction (a trial: "Eclpise").
  const std::vector<std::string>& spelling_words() const { return spelling_words_; }

 private:
  void add_field_terms(Xapian::Document& document, const Article& article) const;
  // Adds words to `document` from `position` on, in a field ("" for the body): each word's
  // stem with its position (phrases and NEAR match stems at their places, and the second
  // stage places the query's stems in passages; one set of positions instead of two keeps
  // the index and its writing half as heavy). The word as written is no term of its own
  // (schema.hpp): it is noted for collect_spelling_words. The stems' hashes go to `hashes`
  // when given.
  void add_words(Xapian::Document& document, std::string_view prefix, std::vector<Token>::const_iterator first,
                 std::vector<Token>::const_iterator last, Xapian::termpos position, std::vector<std::uint32_t>* hashes);
  // Moves the words noted since the last call into spelling_words().
  void collect_spelling_words();

  // Picks the table of the article's stemmer, forgetting its words when there are too many.
  void start_article();

  // Words in a stemmer's table at most, checked between articles: about 100 bytes each (an
  // entry and two slots), 13 MB; the entries' room doubles past it within an article and is
  // kept when the table is cleared, so a language's table may hold up to about 25 MB.
  static constexpr std::size_t kMaxKnownWords = std::size_t{1} << 17;

  Analyzer& analyzer_;
  std::vector<Token> title_words_;  // reused between articles to avoid reallocating
  std::vector<std::uint32_t> title_hashes_, passage_starts_;
  std::vector<Span> sentences_;
  // The words met, a table a stemmer: a batch's articles come in no order of language.
  // Each word as written (field prefix and word) has its stem's term looked up once, not at
  // each use nor in each article (stemming each article's words again was 6% of indexing
  // the speeches, and a table built and freed an article a tenth).
  std::unordered_map<std::string, KnownWords> known_by_language_;
  KnownWords* known_ = nullptr;  // the current article's stemmer's
  std::uint64_t article_ = 0;
  std::vector<KnownWords::Index> in_article_;  // the last article's words, in known_
  std::string term_;
  std::vector<std::string> spelling_words_;
};

}  // namespace cs::indexer
