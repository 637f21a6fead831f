// The stemmers an index was built with and which articles each one stemmed, so a query
// word's stem in one language matches only the articles of that language: "Notícias" is
// "notic" in Portuguese, and so is English "notices", but the Portuguese stem is kept to
// Portuguese articles. The index holds stems without a language (schema.hpp); an article's
// stemmer is that of its language tag (stemmer_for), and the tags are boolean terms, so a
// stem is kept to its languages by a filter on those terms, at query time.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs::searcher {

// A set of an index's stemmers, one bit each (Xapian has fewer than 40 Snowball languages).
using StemmerSet = std::uint64_t;

class StemLanguages {
 public:
  StemLanguages() = default;
  // Stemmers by name, with no knowledge of their articles: stems are never filtered.
  explicit StemLanguages(const std::vector<std::string>& stemmers);
  // The stemmers of `stem_languages` (kStemLanguagesKey) and the language terms of the
  // articles each stemmed, read from `db`. Throws what Xapian throws.
  static StemLanguages read(const Xapian::Database& db, const std::vector<std::string>& stem_languages);

  bool empty() const { return stemmers_.empty(); }
  // Whether the articles of each stemmer are known (read), so stems can be kept to them.
  bool knows_articles() const { return knows_articles_; }
  std::size_t size() const { return stemmers_.size(); }
  // The stemmer names ("english", "none"), in a stable order: bit i of a StemmerSet is name(i).
  const std::string& name(std::size_t i) const { return stemmers_[i].name; }
  StemmerSet all() const;
  // The stemmers of articles in `langs` (a --lang filter: "en", "pt-BR"), or all() when
  // none of them is one of the index's.
  StemmerSet of_langs(const std::vector<std::string>& langs) const;
  // The stemmer of an article in language `lang` (its tag), or no bit when it is none of them.
  StemmerSet of_lang(std::string_view lang) const;
  // How many articles `stemmers` stemmed (0 when articles are unknown).
  Xapian::doccount articles(StemmerSet stemmers) const;
  // Whether `term` is a function word of the articles `stemmers` stemmed: held by more than
  // half of them, counted in those articles alone, and by at least two (one cannot tell).
  bool is_function_word(const Xapian::Database& db, const std::string& term, StemmerSet stemmers) const;

  // `query` matching only in articles stemmed by `stemmers`; unchanged when that leaves out
  // none of `searched` (the articles the search can match anyway) or articles are unknown.
  // Exact: every article has one stemmer, found by its language term or by having none.
  Xapian::Query within(const Xapian::Query& query, StemmerSet stemmers, StemmerSet searched) const;

 private:
  struct Stemmer {
    std::string name;
    std::vector<std::string> language_terms;  // the primary tags of its articles, as kLanguagePrefix terms
    Xapian::doccount articles = 0;            // the terms' frequencies, summed: the cost of filtering on them
  };
  Xapian::Query language_terms(StemmerSet stemmers) const;

  std::vector<Stemmer> stemmers_;
  bool knows_articles_ = false;
};

}  // namespace cs::searcher
