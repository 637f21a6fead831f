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

bool is_signature(std::string_view value) { return value.size() == kSignatureHashes * sizeof(std::uint32_t); }

std::array<std::uint32_t, kSignatureHashes> minimums_of(std::string_view signature) {
  std::array<std::uint32_t, kSignatureHashes> minimums;
  std::memcpy(minimums.data(), signature.data(), sizeof minimums);
  return minimums;
}

// A band's rows hashed as the bytes of the stored signature (little-endian, as here).
std::uint64_t band_key(const std::uint32_t* minimums, std::size_t band) {
  const auto* rows = reinterpret_cast<const char*>(minimums + band * kRowsPerBand);
  return fnv1a(std::string_view(rows, kRowsPerBand * sizeof(std::uint32_t)), band + 1);
}

double agreement(const std::uint32_t* a, const std::uint32_t* b) {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < kSignatureHashes; ++i) equal += a[i] == b[i] ? 1 : 0;
  return static_cast<double>(equal) / kSignatureHashes;
}

constexpr std::uint32_t kNoEntry = std::numeric_limits<std::uint32_t>::max();

std::array<char, 8> key_of(std::string_view story) {
  std::array<char, 8> key;
  std::memcpy(key.data(), story.data(), key.size());
  return key;
}

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
  return agreement(minimums_of(a).data(), minimums_of(b).data());
}

void StoryIndex::load(const Xapian::Database& db) {
  Xapian::ValueIterator stories = db.valuestream_begin(schema::kStorySlot);
  for (auto it = db.valuestream_begin(schema::kSignatureSlot); it != db.valuestream_end(schema::kSignatureSlot);
       ++it) {
    const std::string signature = *it;
    stories.skip_to(it.get_docid());
    if (stories == db.valuestream_end(schema::kStorySlot) || stories.get_docid() != it.get_docid()) continue;
    if (is_signature(signature)) {
      const std::string story = *stories;
      // Every story is an 8-byte key (schema version 8); another value names none to join.
      if (story.size() == sizeof(StoryKey)) remember(minimums_of(signature), key_of(story));
    } else if (!signature.empty()) {
      exact_.try_emplace(signature, *stories);
    }
  }
}

std::string StoryIndex::assign(std::string_view id, const std::string& signature) {
  std::string own_story = schema::story_key(id, signature);
  if (signature.empty()) return own_story;
  if (!is_signature(signature)) {  // a short text's exact key
    return exact_.try_emplace(signature, own_story).first->second;
  }
  const Minimums minimums = minimums_of(signature);
  for (std::size_t band = 0; band < kSignatureBands && !heads_.empty(); ++band) {
    const std::uint32_t* rows = minimums.data() + band * kRowsPerBand;
    for (std::uint32_t entry = heads_[bucket_of(minimums.data(), band)]; entry != kNoEntry; entry = next_[entry]) {
      if (entry % kSignatureBands != band) continue;
      const std::uint32_t* known = minimums_[entry / kSignatureBands].data();
      if (!std::equal(rows, rows + kRowsPerBand, known + band * kRowsPerBand)) continue;
      if (agreement(known, minimums.data()) >= kMinStoryAgreement) {
        const StoryKey story = stories_[entry / kSignatureBands];
        remember(minimums, story);
        return std::string(story.begin(), story.end());
      }
    }
  }
  remember(minimums, key_of(own_story));
  return own_story;
}

std::size_t StoryIndex::bucket_of(const std::uint32_t* minimums, std::size_t band) const {
  return static_cast<std::size_t>(band_key(minimums, band)) & (heads_.size() - 1);
}

void StoryIndex::remember(const Minimums& minimums, const StoryKey& story) {
  // Entries are numbered in 32 bits, kNoEntry apart: past this many articles (a corpus of
  // terabytes) an article still joins the stories before it but is not remembered.
  constexpr std::size_t kMaxArticles = kNoEntry / kSignatureBands;
  if (stories_.size() >= kMaxArticles) return;
  if (next_.size() + kSignatureBands > 2 * heads_.size()) {  // chains stay short
    std::vector<std::uint32_t> grown(std::max<std::size_t>(1024, 2 * heads_.size()), kNoEntry);
    heads_.swap(grown);
    rehash();
  }
  // An allocation that fails leaves the arrays as they were, in step.
  const std::size_t article = stories_.size();
  minimums_.push_back(minimums);
  try {
    stories_.push_back(story);
    for (std::size_t band = 0; band < kSignatureBands; ++band) next_.push_back(kNoEntry);
  } catch (...) {
    next_.resize(article * kSignatureBands);
    stories_.resize(article);
    minimums_.pop_back();
    throw;
  }
  for (std::size_t band = 0; band < kSignatureBands; ++band) {
    std::uint32_t& head = heads_[bucket_of(minimums.data(), band)];
    next_[article * kSignatureBands + band] = head;
    head = static_cast<std::uint32_t>(article * kSignatureBands + band);
  }
}

void StoryIndex::rehash() {
  for (std::size_t entry = 0; entry < next_.size(); ++entry) {
    const std::uint32_t* minimums = minimums_[entry / kSignatureBands].data();
    std::uint32_t& head = heads_[bucket_of(minimums, entry % kSignatureBands)];
    next_[entry] = head;
    head = static_cast<std::uint32_t>(entry);
  }
}

}  // namespace cs::indexer
