// "Did you mean": a query whose words the database does not hold, corrected from Xapian's
// spelling table.
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::searcher {

// Levenshtein distance over bytes, or `limit` + 1 as soon as it is known to be more.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// A database's spelling table, read once into memory for the suggestions of a long run (a
// batch, the server): Xapian's table costs about 60 ns a word to walk (1.4 ms a query word
// at 23,451 words), the copy a few ns a word, most of them passed over by their letters.
class SpellingWords {
 public:
  // Every word of `db`'s spelling table with its frequency. Throws Xapian::Error.
  static SpellingWords read(const Xapian::Database& db);

  std::size_t size() const { return entries_.size(); }

  // Calls `visit(word, frequency)` for every word that may lie within `limit` edits of
  // `typed` (none that does is skipped), and for `typed` itself when it is held.
  template <typename Visit>
  void for_each_near(std::string_view typed, std::size_t limit, Visit visit) const {
    const std::uint64_t typed_bytes = byte_set(typed);
    for (const Entry& entry : entries_) {
      const std::size_t length_gap = entry.length > typed.size() ? entry.length - typed.size() : typed.size() - entry.length;
      if (length_gap > limit) continue;
      // Each byte value one word holds and the other lacks costs at least one edit.
      if (static_cast<std::size_t>(std::popcount(typed_bytes & ~entry.bytes)) > limit ||
          static_cast<std::size_t>(std::popcount(entry.bytes & ~typed_bytes)) > limit) {
        continue;
      }
      visit(std::string_view(text_).substr(entry.offset, entry.length), entry.frequency);
    }
  }

 private:
  struct Entry {
    std::uint32_t offset = 0;  // in text_
    std::uint32_t length = 0;
    std::uint32_t frequency = 0;
    std::uint64_t bytes = 0;  // byte_set of the word
  };
  // The byte values of `word`, folded into 64 bits: a bit one word has and another lacks
  // marks a byte value the other does not hold at all.
  static std::uint64_t byte_set(std::string_view word);

  std::string text_;  // the words, back to back
  std::vector<Entry> entries_;
};

// `query_text` with each word that looks like a typo replaced by the word of `db`'s spelling
// table that best explains it: within two edits, the most frequent for the edits it needs
// (an edit weighs as a tenfold frequency, and a word that sounds alike by Soundex is one
// edit nearer, so "Blare" becomes "blair" where "blame" is rarer). A word the index holds
// stays unless the correction is fifty times as frequent ("goverment" in a few articles
// becomes "government"). Operators and field names are left alone. Empty when nothing was
// replaced. Weighs every word of `words` that passes its filter: for queries that found
// little, not for every query.
std::string suggest_spelling(const SpellingWords& words, std::string_view query_text, Analyzer& analyzer);

// The words of `db` that begin with `prefix` (a folded word; itself too), the most frequent first, at
// most `count`, each with the articles holding it. Reads at most a few thousand terms.
std::vector<std::pair<std::string, std::uint64_t>> complete_word(const Xapian::Database& db, std::string_view prefix,
                                                                 std::size_t count);

}  // namespace cs::searcher
