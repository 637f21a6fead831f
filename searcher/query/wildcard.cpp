#include "searcher/query/wildcard.hpp"

#include <algorithm>
#include <map>

#include "common/schema.hpp"

namespace cs::searcher {

std::vector<WildcardStem> wildcard_stems(const Xapian::Database& vocabulary, std::string_view field_prefix,
                                         std::string_view typed, const std::vector<WildcardStem>& word_stems,
                                         StemmerSet all, std::size_t limit) {
  std::map<std::string, WildcardStem, std::less<>> found;
  const std::string start = schema::stemmed_term(field_prefix, typed);
  const std::size_t prefix_size = start.size() - typed.size();
  for (auto term = vocabulary.allterms_begin(start); term != vocabulary.allterms_end(start); ++term) {
    std::string stem = (*term).substr(prefix_size);
    found.emplace(stem, WildcardStem{stem, term.get_termfreq(), all});
  }
  // The words' stems that begin with `typed` were listed above if the field holds them;
  // the shorter ones are looked up once each (a few: a word's stem drops an ending, and
  // many words share one), those the field does not hold kept with no articles.
  for (const WildcardStem& word_stem : word_stems) {
    if (word_stem.stem.starts_with(typed)) continue;  // listed, in every language, or not held
    auto [entry, added] = found.try_emplace(word_stem.stem, WildcardStem{word_stem.stem, 0, 0});
    if (added) entry->second.articles = vocabulary.get_termfreq(schema::stemmed_term(field_prefix, word_stem.stem));
    entry->second.stemmers |= word_stem.stemmers;
  }
  std::vector<WildcardStem> stems;
  stems.reserve(found.size());
  for (auto& [stem, entry] : found) {
    if (entry.articles > 0) stems.push_back(std::move(entry));
  }
  const auto more_articles = [](const WildcardStem& a, const WildcardStem& b) {
    return a.articles != b.articles ? a.articles > b.articles : a.stem < b.stem;
  };
  const std::size_t kept = std::min(limit, stems.size());
  std::partial_sort(stems.begin(), stems.begin() + static_cast<std::ptrdiff_t>(kept), stems.end(), more_articles);
  stems.resize(kept);
  return stems;
}

}  // namespace cs::searcher
