#include "searcher/query/spelling.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <vector>

#include "common/schema.hpp"
#include "common/spelling_table.hpp"

namespace cs::searcher {

namespace {

// A correction is at most this many edits away (edits_allowed).
constexpr std::size_t kMaxEdits = 2;

// An edit costs as much as a word this many times as frequent (the chance of a typo, as a
// noisy channel puts it): "goverment" -> "government" (1 edit) needs ten times the articles.
constexpr double kEditCost = 10;
// A word the index holds is corrected only when the correction is this many times as
// frequent: "goverment" in 2 articles beside "government" in 500.
constexpr double kMuchMoreFrequent = 50;

// The edits a correction of `typed` may take: kMaxEdits, and fewer for a short word unless
// the two sound alike, as Elasticsearch's fuzziness AUTO has it: none up to two letters,
// one up to five. Two edits turn most three-letter words into a common one (a new user's
// trial: "bye" offered "the", "share" offered "here"), where "Blare" for "Blair" and
// "Chnia" for "China" sound alike.
std::size_t edits_allowed(std::string_view typed, bool sounds_alike) {
  if (typed.size() <= 2) return 0;
  if (typed.size() <= 5 && !sounds_alike) return 1;
  return kMaxEdits;
}

// American Soundex of an ASCII word ("blare" and "blair" are B460, "blame" B450); empty for
// a word with other letters. Words that sound alike are one edit closer.
std::string soundex(std::string_view word) {
  static constexpr char kCodes[] = "01230120022455012623010202";  // a..z
  std::string key;
  char last = 0;
  for (const char c : word) {
    if (c < 'a' || c > 'z') return {};
    const char code = kCodes[c - 'a'];
    if (key.empty()) {
      key.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if (code != '0' && code != last) {
      key.push_back(code);
    }
    if (c != 'h' && c != 'w') last = code;
    if (key.size() == 4) break;
  }
  if (!key.empty()) key.resize(4, '0');
  return key;
}

struct Correction {
  std::string word;
  double score = -1e300;
  double frequency = 0;        // the correction's, in the spelling table
  double typed_frequency = 0;  // the typed word's (0: not in the table)
  std::size_t edits = 0;       // from the typed word to the correction
};

// Whether `a` is `b` with two neighbouring letters swapped ("recieve", "thier"): the commonest
// typo, one slip of the fingers though two edits apart.
bool swaps_two_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t first = 0;
  while (first < a.size() && a[first] == b[first]) ++first;
  return first + 1 < a.size() && a[first] == b[first + 1] && a[first + 1] == b[first] &&
         a.substr(first + 2) == b.substr(first + 2);
}

// The spelling table's word that best explains `typed` as a typo: most frequent for the
// edits it needs, a sound-alike one edit nearer.
Correction best_correction(const SpellingWords& words, const std::string& typed) {
  Correction best;
  const std::string typed_sound = soundex(typed);
  const std::size_t reach = edits_allowed(typed, true);
  words.for_each_near(typed, reach, [&](std::string_view candidate, std::uint32_t held) {
    const auto frequency = static_cast<double>(held);
    if (candidate == typed) {
      best.typed_frequency = frequency;
      return;
    }
    const std::size_t edits = edit_distance(typed, candidate, reach);
    const bool sounds_alike = !typed_sound.empty() && soundex(candidate) == typed_sound;
    if (edits > edits_allowed(typed, sounds_alike)) return;
    const double cost = static_cast<double>(edits) - (sounds_alike ? 1.0 : 0.0);
    const double score = std::log(frequency) - cost * std::log(kEditCost);
    if (score > best.score || (score == best.score && candidate < best.word)) {
      best.word = candidate;
      best.score = score;
      best.frequency = frequency;
      best.edits = edits;
    }
  });
  return best;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  // One row of the table; words are short, so it lives on the stack unless one is not.
  constexpr std::size_t kShortWord = 64;
  std::array<std::size_t, kShortWord + 1> short_row;
  std::vector<std::size_t> long_row;
  std::size_t* row = short_row.data();
  if (b.size() > kShortWord) {
    long_row.resize(b.size() + 1);
    row = long_row.data();
  }
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;  // every later row is at least this far
  }
  return std::min(row[b.size()], limit + 1);
}

std::uint64_t SpellingWords::byte_set(std::string_view word) {
  std::uint64_t set = 0;
  for (const char c : word) set |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  return set;
}

namespace {

// Counts a run committed with its articles but has not moved into the table yet (a run in
// progress, or one killed before its last commit: pending_spelling.hpp), by bucket key.
std::map<std::string, std::string> pending_buckets(const std::vector<Xapian::Database>& shards) {
  std::map<std::string, std::string> pending;
  const std::string pending_prefix(schema::kPendingSpellingPrefix);
  for (const Xapian::Database& db : shards) {
    for (auto key = db.metadata_keys_begin(pending_prefix); key != db.metadata_keys_end(pending_prefix); ++key) {
      spelling_table::for_each_count(db.get_metadata(*key), [&](std::string_view word, std::int64_t count) {
        spelling_table::append_count(pending[spelling_table::bucket_key(word)], word, count);
      });
    }
  }
  return pending;
}

// Bucket `key` merged over the shards that hold it and what waits for it.
std::string merged_bucket(const std::vector<Xapian::Database>& shards, const std::string& key,
                          const std::map<std::string, std::string>& pending) {
  std::vector<std::string> values;
  for (const Xapian::Database& db : shards) values.push_back(spelling_table::read_bucket(db, key));
  if (const auto waiting = pending.find(key); waiting != pending.end()) values.push_back(waiting->second);
  if (values.size() == 1) return std::move(values.front());  // a shard's bucket holds each word once, in order
  return spelling_table::merge({values.begin(), values.end()});
}

}  // namespace

void SpellingWords::walk(const std::function<bool(std::string_view, std::uint64_t)>& visit) const {
  const std::string prefix(schema::kSpellingWordsPrefix);
  bool more = true;
  // Merged buckets hold positive counts only; a table's own lines are positive. Of the words
  // listed, corrections are those of letters a to z.
  const auto each = [&](std::string_view word, std::int64_t count) {
    if (count > 0 && spelling_table::is_correctable_word(word)) more = more && visit(word, static_cast<std::uint64_t>(count));
  };
  const std::map<std::string, std::string> pending = pending_buckets(shards_);
  if (shards_.size() == 1 && pending.empty()) {  // a shard's buckets hold each word once, in order
    const Xapian::Database& db = shards_.front();
    for (auto key = db.metadata_keys_begin(prefix); more && key != db.metadata_keys_end(prefix); ++key) {
      spelling_table::for_each_count(spelling_table::read_bucket(db, *key), each);
    }
    return;
  }
  std::set<std::string> keys;
  for (const auto& [key, lines] : pending) keys.insert(key);
  for (const Xapian::Database& db : shards_) {
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) keys.insert(*key);
  }
  for (auto key = keys.begin(); more && key != keys.end(); ++key) {
    spelling_table::for_each_count(merged_bucket(shards_, *key, pending), each);
  }
}

SpellingWords SpellingWords::read(const std::vector<Xapian::Database>& shards, std::size_t max_copied) {
  SpellingWords words;
  words.shards_ = shards;
  bool too_many = false;
  words.walk([&](std::string_view word, std::uint64_t count) {
    if (words.entries_.size() == max_copied) {
      too_many = true;
      return false;
    }
    words.entries_.push_back({byte_set(word), static_cast<std::uint32_t>(words.text_.size()),
                              static_cast<std::uint32_t>(word.size()),
                              static_cast<std::uint32_t>(std::min<std::uint64_t>(count, UINT32_MAX))});
    words.text_ += word;
    return true;
  });
  if (too_many) {
    words.text_ = std::string();
    words.entries_ = std::vector<Entry>();
    return words;  // walked at each suggestion
  }
  words.copied_ = true;
  words.shards_.clear();  // the copy needs no handle
  words.text_.shrink_to_fit();
  words.entries_.shrink_to_fit();
  return words;
}

std::string suggest_spelling(const SpellingWords& spelling, std::string_view query_text, Analyzer& analyzer) {
  // Words of the query, not the operators or field names around them, are corrected.
  std::vector<Token> words;
  analyzer.tokenize(query_text, words);
  std::string suggestion;
  std::size_t copied = 0;
  bool changed = false;
  for (const Token& word : words) {
    const std::string_view surface = query_text.substr(word.begin, word.end - word.begin);
    if (word.word.size() < 3 || surface == "AND" || surface == "OR" || surface == "NOT" || surface == "NEAR") continue;
    if (word.end < query_text.size() && query_text[word.end] == ':') continue;  // a field name
    if (word.end < query_text.size() && query_text[word.end] == '*') continue;  // a wildcard's prefix
    // Corrections are words of letters a to z: an acronym ("a.i"), a word with digits ("f35")
    // or in another script has none there, only a wrong one.
    if (!spelling_table::is_correctable_word(word.word)) continue;
    const Correction correction = best_correction(spelling, word.word);
    if (correction.word.empty()) continue;
    // A word the index holds stays, unless it is a rare misspelling of a common word, one
    // slip from it (an edit, or two letters swapped): two edits make another word ("Lagat",
    // a runner's name, is no "last").
    const double held = correction.typed_frequency;
    const bool one_slip = correction.edits <= 1 || swaps_two_letters(word.word, correction.word);
    if (held > 0 && (!one_slip || correction.frequency < kMuchMoreFrequent * held)) continue;
    suggestion.append(query_text.substr(copied, word.begin - copied)).append(correction.word);
    copied = word.end;
    changed = true;
  }
  if (!changed) return {};
  suggestion.append(query_text.substr(copied));
  return suggestion;
}

std::vector<std::pair<std::string, std::uint64_t>> words_starting(const std::vector<Xapian::Database>& shards,
                                                                  std::string_view prefix) {
  std::vector<std::pair<std::string, std::uint64_t>> words;
  if (prefix.empty() || shards.empty()) return words;
  const std::string bucket = merged_bucket(shards, spelling_table::bucket_key(prefix), pending_buckets(shards));
  // The bucket's lines are in word order: the words that begin with `prefix` are one run.
  spelling_table::for_each_count(bucket, [&](std::string_view word, std::int64_t count) {
    if (count > 0 && word.starts_with(prefix)) words.emplace_back(word, static_cast<std::uint64_t>(count));
  });
  return words;
}

std::vector<std::pair<std::string, std::uint64_t>> complete_word(const std::vector<Xapian::Database>& shards,
                                                                 std::string_view prefix, std::size_t count) {
  std::vector<std::pair<std::string, std::uint64_t>> words = words_starting(shards, prefix);
  const auto more_articles = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
  const std::size_t kept = std::min(count, words.size());
  std::partial_sort(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(kept), words.end(), more_articles);
  words.resize(kept);
  return words;
}

}  // namespace cs::searcher
