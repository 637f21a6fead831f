#include "searcher/query/field_values.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "common/language.hpp"
#include "common/schema.hpp"
#include "searcher/query/spelling.hpp"

namespace cs::searcher {

namespace {

// Letters and digits (any non-ASCII byte is part of a letter) make words; the rest parts
// them, and so does a change between ASCII and other letters: "nhkニュース" is NHK's news
// (values are folded: the accents of Latin letters are gone).
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  bool ascii_word = false;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool ascii_letter = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    const bool in_word = c >= 0x80 || ascii_letter;
    if (start != std::string_view::npos && (!in_word || ascii_letter != ascii_word)) {
      words.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
    if (in_word && start == std::string_view::npos) {
      start = i;
      ascii_word = ascii_letter;
    }
  }
  return words;
}

// Whether `value_word` is the word `wanted`, or, in a script written without spaces, begins
// with it: a paper's name runs on into its edition's ("自由時報" names 自由時報電子報).
bool names_word(std::string_view value_word, std::string_view wanted) {
  if (value_word == wanted) return true;
  constexpr std::size_t kShortestBeginning = 6;  // bytes: two ideographs or kana
  return wanted.size() >= kShortestBeginning && value_word.starts_with(wanted) && written_without_spaces(wanted);
}

// Whether `wanted` appears side by side, in order, among `words`.
bool holds_run(const std::vector<std::string_view>& words, const std::vector<std::string_view>& wanted) {
  if (wanted.empty() || wanted.size() > words.size()) return false;
  for (std::size_t first = 0; first + wanted.size() <= words.size(); ++first) {
    if (std::equal(wanted.begin(), wanted.end(), words.begin() + static_cast<std::ptrdiff_t>(first),
                   [](std::string_view want, std::string_view word) { return names_word(word, want); })) {
      return true;
    }
  }
  return false;
}

// Whether `wanted`, its words written together, is a run of `words` written together:
// "al jazeera" names aljazeera.com, and "aljazeera" names Al Jazeera English.
bool holds_joined_run(const std::vector<std::string_view>& words, const std::vector<std::string_view>& wanted) {
  std::string joined;
  for (const std::string_view word : wanted) joined += word;
  for (std::size_t first = 0; first < words.size(); ++first) {
    std::string run;
    for (std::size_t last = first; last < words.size() && run.size() < joined.size(); ++last) {
      run += words[last];
      if (run == joined && (last > first || wanted.size() > 1)) return true;
    }
  }
  return false;
}

// How far `folded` is from a value: from its closest word, or from the whole value,
// whichever is nearer ("guardain" is one transposition from "guardian").
std::size_t distance_to(std::string_view folded, std::string_view value) {
  constexpr std::size_t kAny = std::numeric_limits<std::size_t>::max() - 1;
  std::size_t best = edit_distance(folded, value, kAny);
  for (const std::string_view word : words_of(value)) best = std::min(best, edit_distance(folded, word, best));
  return best;
}

// The value as an article of the index writes it: the first holder's, from its facet key
// (schema::kFacetKeySlot, stored as written and uncompressed in every shard).
std::string shown_value(const Xapian::Database& db, const std::string& term, std::string_view prefix) {
  const auto holder = db.postlist_begin(term);
  if (holder != db.postlist_end(term)) {
    const schema::FacetKey key = schema::decode_facet_key(db.get_document(*holder).get_value(schema::kFacetKeySlot));
    if (prefix == schema::kSourcePrefix && !key.source.empty()) return key.source;
    if (prefix == schema::kAuthorPrefix && !key.author.empty()) return key.author;
  }
  return term.substr(prefix.size());
}

}  // namespace

std::vector<std::string> terms_naming(const Xapian::Database& db, std::string_view prefix, std::string_view folded) {
  std::vector<std::string> terms;
  const std::vector<std::string_view> wanted = words_of(folded);
  const std::string start(prefix);
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    const std::string term = *it;
    const std::string_view value = std::string_view(term).substr(prefix.size());
    const std::vector<std::string_view> words = words_of(value);
    if (value == folded || holds_run(words, wanted) || holds_joined_run(words, wanted)) terms.push_back(term);
  }
  return terms;
}

std::vector<std::string> closest_values(const Xapian::Database& db, std::string_view prefix, std::string_view folded,
                                        std::size_t count) {
  std::vector<std::pair<std::size_t, std::string>> scored;
  const std::string start(prefix);
  for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
    const std::string term = *it;
    scored.emplace_back(distance_to(folded, std::string_view(term).substr(prefix.size())), term);
  }
  const std::size_t kept = std::min(count, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(kept), scored.end());
  std::vector<std::string> closest;
  for (std::size_t i = 0; i < kept; ++i) closest.push_back(shown_value(db, scored[i].second, prefix));
  return closest;
}

}  // namespace cs::searcher
