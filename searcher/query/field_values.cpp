#include "searcher/query/field_values.hpp"

#include <algorithm>
#include <utility>

#include "common/passage_record.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace {

// Letters and digits (any non-ASCII byte is part of a letter) make words; the rest parts them.
std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    const bool in_word = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (in_word && start == std::string_view::npos) start = i;
    if (!in_word && start != std::string_view::npos) {
      words.push_back(text.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  return words;
}

// Whether `wanted` appears side by side, in order, among `words`.
bool holds_run(const std::vector<std::string_view>& words, const std::vector<std::string_view>& wanted) {
  if (wanted.empty() || wanted.size() > words.size()) return false;
  for (std::size_t first = 0; first + wanted.size() <= words.size(); ++first) {
    if (std::equal(wanted.begin(), wanted.end(), words.begin() + static_cast<std::ptrdiff_t>(first))) return true;
  }
  return false;
}

// Levenshtein distance over bytes, with one row.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// How far `folded` is from a value: from its closest word, or from the whole value,
// whichever is nearer ("guardain" is one transposition from "guardian").
std::size_t distance_to(std::string_view folded, std::string_view value) {
  std::size_t best = edit_distance(folded, value);
  for (const std::string_view word : words_of(value)) best = std::min(best, edit_distance(folded, word));
  return best;
}

// The value as an article of the index writes it: the first holder's record.
std::string shown_value(const Xapian::Database& db, const std::string& term, std::string_view prefix) {
  const auto holder = db.postlist_begin(term);
  if (holder != db.postlist_end(term)) {
    if (auto record = decode_article_record(db.get_document(*holder).get_data())) {
      if (prefix == schema::kSourcePrefix && !record->source.empty()) return record->source;
      if (prefix == schema::kAuthorPrefix && !record->author.empty()) return record->author;
    }
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
    if (value == folded || holds_run(words_of(value), wanted)) terms.push_back(term);
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
