// Near-duplicate articles grouped into stories: the same wire story saved from several
// outlets, or a page saved twice with a different footer. Each article gets a MinHash
// signature (Broder, 1997; one permutation, binned: stories.cpp) of its word 3-shingles; two
// articles whose signatures agree on at least kMinStoryAgreement of their kSignatureHashes
// minimums (an estimate of the Jaccard similarity of their shingle sets) are one story.
// Candidates are found by locality-sensitive hashing over bands of the signature instead of
// by comparing with every article.
#pragma once

#include <xapian.h>

#include <array>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/analyzer.hpp"

namespace cs::indexer {

// Fewer words than this give no reliable MinHash: such articles (feed items, briefs) join a
// story only when their words are exactly those of another article.
inline constexpr std::size_t kMinSignatureWords = 40;
inline constexpr std::size_t kSignatureHashes = 64;
// 16 bands of 4 rows: with independent minimums, pairs with Jaccard 0.8 share a band with
// probability 0.9998, pairs with Jaccard 0.3 with probability 0.12 (then rejected by the
// agreement check). One-permutation minimums of a short article are not independent (a
// review's simulation at 43 shingles: Jaccard 0.3 pairs share a band half the time), which
// costs agreement checks, not wrong stories.
inline constexpr std::size_t kSignatureBands = 16;
// Estimated Jaccard similarity at which two articles are the same story: the same text
// with a different dateline, byline or footer scores above 0.9; rewrites of a story by
// different reporters score well under 0.5.
inline constexpr double kMinStoryAgreement = 0.7;

// The MinHash signature of the word 3-shingles of `words`, as kSignatureHashes 32-bit
// minimums in a byte string (the form stored in schema::kSignatureSlot). With fewer than
// kMinSignatureWords words, a short key of the exact words instead; empty with no words.
std::string story_signature(const std::vector<Token>& words);

// The share of minimums two signatures agree on: an estimate of their Jaccard similarity.
double signature_agreement(std::string_view a, std::string_view b);

class StoryIndex {
 public:
  // Reads the signatures and stories of the articles already in `db`.
  void load(const Xapian::Database& db);

  // The story of article `id`: that of a known article whose signature agrees on at least
  // kMinStoryAgreement, else the story it begins alone (schema::story_key of its id and
  // signature). The article is remembered for the articles after it.
  std::string assign(std::string_view id, const std::string& signature);

 private:
  using Minimums = std::array<std::uint32_t, kSignatureHashes>;
  using StoryKey = std::array<char, 8>;  // schema::story_key's 8 bytes
  void remember(const Minimums& minimums, const StoryKey& story);
  void rehash();
  std::size_t bucket_of(const std::uint32_t* minimums, std::size_t band) const;

  // An index holds every article of a run and of the database before it, so it is kept
  // flat: about 370 bytes an article (a signature string, a story string and a node in each
  // band's std::unordered_multimap took 1.1 KB). Its arrays grow a block at a time
  // (std::deque), never copied whole: vectors that doubled held the old and the new array
  // at once, three times the 256 bytes an article of minimums at the moment they grew.
  std::deque<Minimums> minimums_;  // article k's minimums
  std::deque<StoryKey> stories_;   // article k's story
  std::unordered_map<std::string, std::string> exact_;  // short texts' keys -> story
  // The bands' hash table, chained: entry i is band i % kSignatureBands of article
  // i / kSignatureBands, next_[i] the entry after it in its bucket, heads_ each bucket's
  // first (kNoEntry: none), a bucket for every two entries at least. A band's rows are
  // compared, not its hash.
  std::deque<std::uint32_t> next_;
  std::vector<std::uint32_t> heads_;
};

// One story index for every part of a run that writes several databases at once, so that
// near-duplicates written to different shards still form one story.
class SharedStories {
 public:
  void load(const Xapian::Database& db) {
    const std::lock_guard<std::mutex> lock(mutex_);
    index_.load(db);
  }
  std::string assign(std::string_view id, const std::string& signature) {
    const std::lock_guard<std::mutex> lock(mutex_);
    return index_.assign(id, signature);
  }

 private:
  std::mutex mutex_;
  StoryIndex index_;
};

}  // namespace cs::indexer
