// The words a document builder has met under one stemmer, each with its stem's term and
// what the last article that held it made of it. Every word of every article is looked up
// here (about two million lookups for the speeches at 1x), so the table is laid out for the
// cache: a lookup reads one 8-byte slot of an open-addressing array, then the one entry it
// names. std::unordered_map took three dependent reads a lookup (bucket, the node before,
// the node) and about 7.5% of indexing's cycles, this table 4.3% (perf record, cs-index
// --jobs 2, the speeches at 1x).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

class KnownWords {
 public:
  struct Entry {
    std::string word;       // field prefix and word, as written
    std::string stem_term;  // empty until the caller fills it in, once
    std::uint32_t stem_hash = 0;
    std::uint64_t article = 0;  // the last article (its number, from 1) that held the word
    bool body_word = false;     // in that article: a word of the body as written, not only an alternative form
    bool title_word = false;    // the same in a title
  };
  using Index = std::uint32_t;

  // The index of `word`'s entry, and whether it was added (then only its word is set).
  std::pair<Index, bool> find_or_add(std::string_view word);
  // The index of `word`'s entry, or kNone.
  Index find(std::string_view word) const;
  static constexpr Index kNone = ~Index{0};

  // Indexes stay valid until clear(); references until the next find_or_add.
  Entry& operator[](Index index) { return entries_[index]; }
  const Entry& operator[](Index index) const { return entries_[index]; }
  std::size_t size() const { return entries_.size(); }
  void clear();

 private:
  // The high half of a word's hash (the low half picks the slot) and its entry's index + 1;
  // 0 is an empty slot. Words whose tags agree are compared in full.
  struct Slot {
    std::uint32_t tag = 0;
    std::uint32_t entry = 0;
  };
  // The slot holding `word` (hash `hash`), or the empty one where it would go.
  std::size_t slot_of(std::string_view word, std::uint64_t hash) const;
  void grow();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::vector<Entry> entries_;
};

}  // namespace cs::indexer
