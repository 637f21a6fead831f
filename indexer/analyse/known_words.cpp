#include "indexer/analyse/known_words.hpp"

#include <xxhash.h>

#include <algorithm>

namespace cs::indexer {

namespace {

std::uint64_t hash_of(std::string_view word) { return XXH3_64bits(word.data(), word.size()); }

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

std::size_t KnownWords::slot_of(std::string_view word, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  // Linear probing: the next slots share the cache line, and at most half are taken.
  for (std::size_t at = static_cast<std::size_t>(hash) & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.entry == 0 || (slot.tag == tag && entries_[slot.entry - 1].word == word)) return at;
  }
}

std::pair<KnownWords::Index, bool> KnownWords::find_or_add(std::string_view word) {
  if (2 * (entries_.size() + 1) > slots_.size()) grow();
  const std::uint64_t hash = hash_of(word);
  Slot& slot = slots_[slot_of(word, hash)];
  if (slot.entry != 0) return {slot.entry - 1, false};
  entries_.emplace_back().word = word;
  slot = Slot{tag_of(hash), static_cast<std::uint32_t>(entries_.size())};
  return {static_cast<Index>(entries_.size() - 1), true};
}

KnownWords::Index KnownWords::find(std::string_view word) const {
  if (slots_.empty()) return kNone;
  const Slot& slot = slots_[slot_of(word, hash_of(word))];
  return slot.entry == 0 ? kNone : slot.entry - 1;
}

void KnownWords::clear() {
  entries_.clear();
  std::fill(slots_.begin(), slots_.end(), Slot{});
}

void KnownWords::grow() {
  slots_.assign(slots_.empty() ? 1024 : 2 * slots_.size(), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = 0; k < entries_.size(); ++k) {
    const std::uint64_t hash = hash_of(entries_[k].word);
    std::size_t at = static_cast<std::size_t>(hash) & mask;
    while (slots_[at].entry != 0) at = (at + 1) & mask;
    slots_[at] = Slot{tag_of(hash), static_cast<std::uint32_t>(k + 1)};
  }
}

}  // namespace cs::indexer
