#include "searcher/query/stem_languages.hpp"

#include <map>

#include "common/language.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace {

constexpr std::size_t kMaxStemmers = 64;  // the bits of a StemmerSet

StemmerSet bit(std::size_t i) { return StemmerSet{1} << i; }

}  // namespace

StemLanguages::StemLanguages(const std::vector<std::string>& stemmers) {
  for (const std::string& name : stemmers) {
    if (stemmers_.size() < kMaxStemmers) stemmers_.push_back({name, {}, 0});
  }
}

StemLanguages StemLanguages::read(const Xapian::Database& db, const std::vector<std::string>& stem_languages) {
  std::map<std::string, Stemmer> by_name;
  for (const std::string& name : stem_languages) by_name[name].name = name;
  const std::string prefix(schema::kLanguagePrefix);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string value = (*term).substr(prefix.size());
    // A whole tag ("pt-br"); its article also holds the primary subtag ("pt"), read instead.
    if (value.find_first_of("-_") != std::string::npos) continue;
    Stemmer& stemmer = by_name[stemmer_for(value)];
    stemmer.name = stemmer_for(value);
    stemmer.language_terms.push_back(*term);
    stemmer.articles += term.get_termfreq();
  }
  StemLanguages languages;
  if (by_name.size() > kMaxStemmers) return StemLanguages(stem_languages);  // cannot say: stems unfiltered
  for (auto& [name, stemmer] : by_name) languages.stemmers_.push_back(std::move(stemmer));
  languages.knows_articles_ = true;
  return languages;
}

StemmerSet StemLanguages::all() const { return stemmers_.size() == kMaxStemmers ? ~StemmerSet{0} : bit(stemmers_.size()) - 1; }

StemmerSet StemLanguages::of_lang(std::string_view lang) const {
  // A language's own name ("Deutsch") too, which Snowball does not know as it knows "german".
  const std::string name = stemmer_for(language_tag(lang));
  for (std::size_t i = 0; i < stemmers_.size(); ++i) {
    if (stemmers_[i].name == name) return bit(i);
  }
  return 0;
}

Xapian::doccount StemLanguages::articles(StemmerSet stemmers) const {
  Xapian::doccount count = 0;
  for (std::size_t i = 0; i < stemmers_.size(); ++i) {
    if ((stemmers & bit(i)) != 0) count += stemmers_[i].articles;
  }
  return count;
}

bool StemLanguages::is_function_word(const Xapian::Database& db, const std::string& term, StemmerSet stemmers) const {
  constexpr Xapian::doccount kFewestArticles = 2;
  const Xapian::doccount languages_articles = articles(stemmers);
  if (!knows_articles_ || languages_articles < kFewestArticles) return false;
  const Xapian::doccount half = languages_articles / 2;
  if (db.get_termfreq(term) <= half) return false;  // every article holding it, of any language
  // Counted in the languages' articles, and no further than a count past half: an English
  // index's "not" is no French function word (French "notes" is "not" too).
  Xapian::Enquire enquire(db);
  enquire.set_query(within(Xapian::Query(term), stemmers, all()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, half + 1).get_matches_lower_bound() > half;
}

StemmerSet StemLanguages::of_langs(const std::vector<std::string>& langs) const {
  StemmerSet set = 0;
  for (const std::string& lang : langs) set |= of_lang(lang);
  return set == 0 ? all() : set;
}

Xapian::Query StemLanguages::language_terms(StemmerSet stemmers) const {
  std::vector<Xapian::Query> terms;
  for (std::size_t i = 0; i < stemmers_.size(); ++i) {
    if ((stemmers & bit(i)) == 0) continue;
    for (const std::string& term : stemmers_[i].language_terms) terms.emplace_back(term);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query StemLanguages::within(const Xapian::Query& query, StemmerSet stemmers, StemmerSet searched) const {
  if (!knows_articles_ || (searched & ~stemmers) == 0) return query;
  const StemmerSet others = all() & ~stemmers;
  Xapian::doccount kept = 0, left_out = 0;
  StemmerSet none = 0;
  for (std::size_t i = 0; i < stemmers_.size(); ++i) {
    ((stemmers & bit(i)) != 0 ? kept : left_out) += stemmers_[i].articles;
    if (stemmers_[i].name == kNoStemmer) none = bit(i);
  }
  // Articles stemmed by no stemmer may have no language term to name them (no tag): with
  // "none" kept, only leaving out the others is exact; with it left out, only keeping.
  // Else, of the two exact ways, the one with the shorter lists of language terms to walk.
  const bool exclude = (stemmers & none) != 0 || ((others & none) == 0 && left_out < kept);
  if (exclude) {
    const Xapian::Query others_terms = language_terms(others);
    return others_terms.empty() ? query : Xapian::Query(Xapian::Query::OP_AND_NOT, query, others_terms);
  }
  const Xapian::Query kept_terms = language_terms(stemmers);
  if (kept_terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, kept_terms);
}

}  // namespace cs::searcher
