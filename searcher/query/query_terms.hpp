// The leaves of a parsed query: what one word, "phrase", NEAR chain, prefix* wildcard,
// field:value or date:A..B becomes in Xapian terms, through the same analyzer the indexer
// used. query.cpp's parser arranges the leaves with AND, OR, NOT, +, - and parentheses; the
// leaves record, as they are built, the words to highlight and the terms the second stage
// scores (ParsedQuery). Only query.cpp uses this.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"
#include "searcher/query/query.hpp"
#include "searcher/query/query_lexer.hpp"

namespace cs::searcher {

// What a piece of the query parses to. A piece with no words ("!!!") is `empty` and drops
// out; a piece that only excludes ("-trump", "NOT trump") is `negative` and only means
// something next to a positive piece; a `filter` (source:, author:, topic:, lang:, date:)
// narrows the words beside it instead of being one more alternative to them.
struct QueryPart {
  Xapian::Query query;
  bool empty = false;
  bool negative = false;
  bool filter = false;
};

// Builds the leaves of one query, counting its words against kMaxQueryWords as it goes.
// Errors are kQuery errors naming the lexeme's column.
class QueryTerms {
 public:
  QueryTerms(Analyzer& analyzer, const QueryContext& context, ParsedQuery& parsed);

  // A word or "phrase", with its field (title:, source:, author:, topic:, lang:, date:) or
  // a trailing * when it has one.
  Result<QueryPart> leaf(const Lexeme& lexeme);
  // Plain words joined by NEAR: within `window` positions of each other, in the text or in
  // the title.
  Result<QueryPart> near(const std::vector<const Lexeme*>& items, Xapian::termcount window);

  // Plain words typed side by side (no quotes, field, sign or *) that together make an entry
  // of the synonyms file with alternatives: those alternatives, as one optional part
  // ("north atlantic treaty organization" also finds "NATO", as the quoted phrase does);
  // empty when there are none. Each word was searched as itself already (leaf).
  QueryPart run_synonyms(const std::vector<const Lexeme*>& run);

  // Between these, the words found are searched for but not highlighted or scored: the
  // parser calls them around what NOT or '-' excludes.
  void begin_excluded() { ++negated_; }
  void end_excluded() { --negated_; }

  // After the last leaf: the stems that match only in some languages go into the
  // ParsedQuery (scoped_stems).
  void finish();

 private:
  // A word's stem in some of the languages searched: the stemmers that give it.
  struct LanguageStem {
    std::string stem;
    StemmerSet stemmers = 0;
  };
  using WordStems = std::vector<LanguageStem>;

  const std::string& query_form(const Token& token) const;
  Status count_words(const Lexeme& lexeme, std::size_t count);
  void note_highlight(const std::string& word, const WordStems& stems);
  WordStems stems_of(const std::string& word);
  void drop_function_word_stems(WordStems& stems) const;
  Xapian::Query stem_query(const WordStems& stems, std::string_view field_prefix);
  // `words` as a phrase or NEAR (`op`) of their stems, each stem in any of the fields of
  // `field_prefixes` ("" the body).
  Xapian::Query positional(const std::vector<WordStems>& words, std::initializer_list<std::string_view> field_prefixes,
                           Xapian::Query::op op, Xapian::termcount window);
  Xapian::Query word_query(const WordStems& stems, bool title_only);
  Xapian::Query words_query(const Synonyms::Words& words, bool title_only);
  Xapian::Query unspaced_words_query(const Synonyms::Words& words, bool title_only);
  Result<QueryPart> wildcard_leaf(const Lexeme& lexeme, bool title_only);
  Result<QueryPart> date_leaf(const Lexeme& lexeme);

  Analyzer& analyzer_;
  const QueryContext& context_;
  ParsedQuery& parsed_;
  std::vector<Token> tokens_;
  std::size_t words_ = 0;
  int negated_ = 0;  // inside NOT or -: words found are not highlighted
  StemmerSet searched_ = 0;  // the stemmers of the articles the search can match (all, or --lang's)
  std::vector<std::pair<std::string, StemmerSet>> scopes_;  // each highlighted stem, and where it counts
};

}  // namespace cs::searcher
