#include "indexer/analyse/stories.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "common/schema.hpp"

namespace cs::indexer {

namespace {

constexpr std::size_t kRowsPerBand = kSignatureHashes / kSignatureBands;

// FNV-1a, 64 bits: stable across builds and platforms, as stored signatures must be.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 14695981039346656037ull) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// splitmix64's finaliser: a good 64-bit mix, used to derive the independent hash functions.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// One-permutation MinHash (Li, Owen and Zhang 2012): a shingle's one mixed hash picks its
// bin by its top bits and competes for that bin's minimum with its low 32 bits, where a
// hash function a minimum put every shingle through kSignatureHashes multiplications (6%
// of indexing the speeches at 1x, perf). A bin no shingle fell in borrows the minimum of
// the next filled bin to its right, shifted by the distance (rotation densification,
// Shrivastava and Li 2014), so two texts still agree on it about as often as they share
// shingles.
constexpr unsigned kBinShift = 64 - std::countr_zero(kSignatureHashes);
static_assert(std::has_single_bit(kSignatureHashes), "bins are picked by the hash's top bits");
static_assert(kMinSignatureWords >= 3, "a signature has a shingle, so a bin to borrow from");
static_assert(std::endian::native == std::endian::little, "signatures are stored little-endian");
constexpr std::uint32_t kBorrowStep = 0x9e3779b9u;

std::uint32_t minimum_at(std::string_view signature, std::size_t i) {
  std::uint32_t value = 0;
  std::memcpy(&value, signature.data() + i * sizeof value, sizeof value);
  return value;
}

std::uint64_t band_key(std::string_view signature, std::size_t band) {
  return fnv1a(signature.substr(band * kRowsPerBand * sizeof(std::uint32_t), kRowsPerBand * sizeof(std::uint32_t)),
               band + 1);
}

bool is_signature(std::string_view value) { return value.size() == kSignatureHashes * sizeof(std::uint32_t); }

}  // namespace

std::string story_signature(const std::vector<Token>& words) {
  if (words.empty()) return {};
  if (words.size() < kMinSignatureWords) {
    std::uint64_t hash = 0;
    for (const Token& word : words) hash = fnv1a("\x1F", fnv1a(word.word, hash));
    std::string key(1 + sizeof hash, 'x');  // never the size of a MinHash signature
    std::memcpy(key.data() + 1, &hash, sizeof hash);
    return key;
  }
  std::array<std::uint32_t, kSignatureHashes> minimums;
  minimums.fill(std::numeric_limits<std::uint32_t>::max());
  std::uint64_t filled = 0;  // bit b: bin b holds a shingle's minimum
  static_assert(kSignatureHashes <= 64, "one bit a bin");
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    std::uint64_t shingle = fnv1a(words[i].word);
    shingle = fnv1a("\x1F", shingle);
    shingle = fnv1a(words[i + 1].word, shingle);
    shingle = fnv1a("\x1F", shingle);
    shingle = fnv1a(words[i + 2].word, shingle);
    const std::uint64_t mixed = mix(shingle);
    const auto bin = static_cast<std::size_t>(mixed >> kBinShift);
    minimums[bin] = std::min(minimums[bin], static_cast<std::uint32_t>(mixed));
    filled |= std::uint64_t{1} << bin;
  }
  for (std::size_t bin = 0; bin < kSignatureHashes; ++bin) {
    if ((filled >> bin & 1) != 0) continue;
    std::size_t distance = 1;  // kMinSignatureWords words make shingles, so some bin is filled
    while ((filled >> ((bin + distance) % kSignatureHashes) & 1) == 0) ++distance;
    minimums[bin] = minimums[(bin + distance) % kSignatureHashes] + static_cast<std::uint32_t>(distance) * kBorrowStep;
  }
  // Little-endian on every platform cs-index builds for (x86-64, arm64).
  std::string signature(kSignatureHashes * sizeof(std::uint32_t), '\0');
  std::memcpy(signature.data(), minimums.data(), signature.size());
  return signature;
}

double signature_agreement(std::string_view a, std::string_view b) {
  if (!is_signature(a) || !is_signature(b)) return 0;
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kSignatureHashes; ++i) if (minimum_at(a, i) == minimum_at(b, i)) ++equal;
  return static_cast<double>(equal) / kSignatureHashes;
}

void StoryIndex::load(const Xapian::Database& db) {
  Xapian::ValueIterator stories = db.valuestream_begin(schema::kStorySlot);
  for (auto it = db.valuestream_begin(schema::kSignatureSlot); it != db.valuestream_end(schema::kSignatureSlot);
       ++it) {
    const std::string signature = *it;
    stories.skip_to(it.get_docid());
    if (stories == db.valuestream_end(schema::kStorySlot) || stories.get_docid() != it.get_docid()) continue;
    if (is_signature(signature)) {
      remember(signature, *stories);
    } else if (!signature.empty()) {
      exact_.try_emplace(signature, *stories);
    }
  }
}

std::string StoryIndex::assign(const std::string& own_story, const std::string& signature) {
  if (signature.empty()) return own_story;
  if (!is_signature(signature)) {  // a short text's exact key
    return exact_.try_emplace(signature, own_story).first->second;
  }
  for (std::size_t band = 0; band < kSignatureBands; ++band) {
    const auto [first, last] = bands_[band].equal_range(band_key(signature, band));
    for (auto it = first; it != last; ++it) {
      const Entry& known = entries_[it->second];
      if (signature_agreement(known.signature, signature) >= kMinStoryAgreement) {
        std::string story = known.story;
        remember(signature, story);
        return story;
      }
    }
  }
  remember(signature, own_story);
  return own_story;
}

void StoryIndex::remember(const std::string& signature, std::string story) {
  entries_.push_back(Entry{signature, std::move(story)});
  for (std::size_t band = 0; band < kSignatureBands; ++band) {
    bands_[band].emplace(band_key(signature, band), entries_.size() - 1);
  }
}

}  // namespace cs::indexer
