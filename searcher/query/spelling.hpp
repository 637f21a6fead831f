// "Did you mean": a query whose words the database does not hold, corrected from the
// spelling table's words (common/spelling_table.hpp).
#pragma once

#include <xapian.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::searcher {

// Levenshtein distance over bytes, or `limit` + 1 as soon as it is known to be more.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

// The corrections of the spelling tables of the databases searched (common/spelling_table.hpp:
// their words of letters a to z), read once into
// memory for the suggestions of a long run (a batch, the server), the counts of a word
// several shards hold summed: walking the stored table costs far more than the copy, a few
// ns a word, most of them passed over by their letters. A table of more than
// kMaxCopiedWords is walked in the databases at each suggestion instead: each searcher (a
// batch job, a server worker) holds its own copy.
class SpellingWords {
 public:
  // About 30 bytes a word in memory: 15 MB at most.
  static constexpr std::size_t kMaxCopiedWords = 500'000;

  // The spelling tables of `shards` (each shard's own: Xapian gives a combined database's
  // metadata from its first only), copied when they hold at most `max_copied` words.
  // Throws Xapian::Error.
  static SpellingWords read(const std::vector<Xapian::Database>& shards, std::size_t max_copied = kMaxCopiedWords);

  // Whether the words are held in memory (else each call walks the database), and how many.
  bool copied() const { return copied_; }
  std::size_t size() const { return entries_.size(); }

  // Calls `visit(word, frequency)` for every word that may lie within `limit` edits of
  // `typed` (none that does is skipped), and for `typed` itself when it is held. Throws
  // Xapian::Error when the table is walked in the database.
  template <typename Visit>
  void for_each_near(std::string_view typed, std::size_t limit, Visit visit) const {
    const std::uint64_t typed_bytes = byte_set(typed);
    if (!copied_) {
      walk([&](std::string_view word, std::uint64_t count) {
        if (may_be_near(typed, typed_bytes, word.size(), byte_set(word), limit)) {
          visit(word, static_cast<std::uint32_t>(std::min<std::uint64_t>(count, UINT32_MAX)));
        }
        return true;
      });
      return;
    }
    for (const Entry& entry : entries_) {
      if (may_be_near(typed, typed_bytes, entry.length, entry.bytes, limit)) {
        visit(std::string_view(text_).substr(entry.offset, entry.length), entry.frequency);
      }
    }
  }

 private:
  struct Entry {
    std::uint64_t bytes = 0;  // byte_set of the word
    std::uint32_t offset = 0;  // in text_
    std::uint32_t length = 0;
    std::uint32_t frequency = 0;
  };
  // The byte values of `word`, folded into 64 bits: a bit one word has and another lacks
  // marks a byte value the other does not hold at all.
  static std::uint64_t byte_set(std::string_view word);
  // False when a word of `length` bytes and `bytes` lies more than `limit` edits from
  // `typed`: each byte value one word holds and the other lacks costs at least one edit.
  static bool may_be_near(std::string_view typed, std::uint64_t typed_bytes, std::size_t length,
                          std::uint64_t bytes, std::size_t limit) {
    const std::size_t length_gap = length > typed.size() ? length - typed.size() : typed.size() - length;
    return length_gap <= limit && static_cast<std::size_t>(std::popcount(typed_bytes & ~bytes)) <= limit &&
           static_cast<std::size_t>(std::popcount(bytes & ~typed_bytes)) <= limit;
  }

  // Calls `visit(word, count)` for every word of the shards' tables, in word order, the
  // counts of a word several hold summed, until it returns false.
  void walk(const std::function<bool(std::string_view, std::uint64_t)>& visit) const;

  bool copied_ = false;
  std::vector<Xapian::Database> shards_;  // walked when not copied
  std::string text_;     // the words, back to back
  std::vector<Entry> entries_;
};

// `query_text` with each word that looks like a typo replaced by the word of the spelling
// table `words` that best explains it: within two edits, the most frequent for the edits it needs
// (an edit weighs as a tenfold frequency, and a word that sounds alike by Soundex is one
// edit nearer, so "Blare" becomes "blair" where "blame" is rarer). A word the index holds
// stays unless the correction is fifty times as frequent ("goverment" in a few articles
// becomes "government"). Operators and field names are left alone. Empty when nothing was
// replaced. Weighs every word of `words` that passes its filter: for queries that found
// little, not for every query. Throws Xapian::Error when `words` walks the database.
std::string suggest_spelling(const SpellingWords& words, std::string_view query_text, Analyzer& analyzer);

// The words of the spelling tables of `shards` (and the counts waiting for them) that begin
// with `prefix` (a folded word; itself too), in word order, each with the articles holding
// it, summed over the shards: the words common/spelling_table.hpp lists. Reads one bucket of
// each shard and every record of counts waiting (none but during a run). Throws
// Xapian::Error.
std::vector<std::pair<std::string, std::uint64_t>> words_starting(const std::vector<Xapian::Database>& shards,
                                                                  std::string_view prefix);

// words_starting's most frequent `count`, the most frequent first. Throws Xapian::Error.
std::vector<std::pair<std::string, std::uint64_t>> complete_word(const std::vector<Xapian::Database>& shards,
                                                                 std::string_view prefix, std::size_t count);

}  // namespace cs::searcher
