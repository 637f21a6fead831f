// Turns what the user typed into a Xapian query, through the same analyzer the indexer
// used, so query terms and index terms always agree.
//
// Syntax: words, matched by stem in text and title; "exact phrases", matched word for
// word; +x must match; -x and NOT x must not; x AND y, x OR y (AND binds tighter),
// parentheses; x NEAR y, x NEAR/n y; prefix* wildcards; title:x searches titles only;
// source:, author:, topic:, lang: and date:A..B narrow the words beside them (filters, no
// score). Words side by side are optional: BM25 ranks passages that match more of them.
// Operators are upper case, so "war or peace" is three words.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"
#include "searcher/query/stem_languages.hpp"
#include "searcher/query/synonyms.hpp"

namespace cs::searcher {

// A stem that matches only in the articles of some of the index's languages: a word whose
// stems differ between them gave it in these ("portuguese"), not in the others.
struct ScopedStem {
  std::string stem;
  std::vector<std::string> stemmers;  // Snowball names, sorted
};

struct ParsedQuery {
  Xapian::Query query;
  std::vector<std::string> highlight_words;  // normalised words the user asked for
  std::vector<std::string> highlight_stems;  // stems of the words matched by stem
  // The words asked for (not excluded), in query order, each as its stems in every language
  // of the index: the terms the second-stage scoring loop looks for.
  std::vector<std::vector<std::string>> scoring_terms;
  // The stems above that match only in some languages' articles, sorted by stem; the others
  // match in every article.
  std::vector<ScopedStem> scoped_stems;
  // How the text was read where it was not query syntax ("'added:' is not a field, so it is
  // a word"; query_lexer.hpp, query_repair.hpp), for one note to the user.
  std::vector<std::string> notes;
  // A source: or author: value that names no source or author, with the closest ones.
  std::vector<std::string> field_notes;
  // Every piece of the query is a filter (source:, date: ...): it weighs no match above
  // another, and its matches are listed newest first.
  bool filters_only = false;

  // Whether `stem` counts in an article stemmed by `stemmer` ("english", "none"): the second
  // stage and the highlighter ask, as the first stage's language filters decide.
  bool stem_counts_in(std::string_view stem, std::string_view stemmer) const;
};

// Limits that keep a hostile query fast to refuse rather than slow to run.
inline constexpr std::size_t kMaxQueryBytes = 16 * 1024;
inline constexpr std::size_t kMaxQueryWords = 1024;

// What a query is parsed against, besides the text.
struct QueryContext {
  // Words and phrases also match their alternatives (see synonyms.hpp).
  const Synonyms* synonyms = nullptr;
  // A word in capitals ("US", "U.S.", "NATO") is read as an acronym, so it does not match
  // the word "us"; with a vocabulary, only when the index holds it as an acronym (a shouted
  // "IRAN" still finds "Iran" in an index with no "IRAN").
  const Xapian::Database* vocabulary = nullptr;
  // The stemmers the index was built with and their articles (stem_languages.hpp): a word
  // matches its stem in each language, in that language's articles. Null or empty: the
  // analyzer's own language, everywhere.
  const StemLanguages* stem_languages = nullptr;
  // The index's words that begin with a prefix, at most a count of them, the most frequent
  // first, each with the articles holding it (the search box's completions:
  // PassageSearcher::complete). A wildcard matches the stems of these words as well as the
  // stems that begin with its prefix, so "climate*" finds "climate" (stem "climat").
  // Empty: the stems alone.
  std::function<std::vector<std::pair<std::string, std::uint64_t>>(std::string_view, std::size_t)> words_starting;
  // The languages a --lang filter leaves ("en", "pt-BR"; empty: all): only their stemmers
  // stem the query, since no other language's article can match.
  std::vector<std::string> langs;
};

// Text is never a syntax error: what is not query syntax is read as text, with a note.
// Fails with a kQuery error whose location names the column (1-based, in bytes) for a value
// the syntax cannot take (date:2018-02-30, NEAR/x), a query with no searchable words, only
// excluded words, OR joining an excluded word, or a query over the limits.
Result<ParsedQuery> parse_query(std::string_view text, Analyzer& analyzer, const QueryContext& context = {});

}  // namespace cs::searcher
