#include "common/spelling_table.hpp"

#include <algorithm>

#include "common/compact_text.hpp"
#include "common/schema.hpp"

namespace cs::spelling_table {

namespace {

constexpr std::size_t kBucketBytes = 1;
// A bucket's lines are never longer: a word of 128 bytes in each of 256 Ki lines.
constexpr std::size_t kMaxBucketBytes = std::size_t{256} << 20;

}  // namespace

void append_count(std::string& bucket, std::string_view word, std::int64_t count) {
  bucket.append(word).push_back(' ');
  bucket.append(std::to_string(count)).push_back('\n');
}

bool is_listed_word(std::string_view word) {
  return word.size() >= 3 && word.find_first_of(" \n") == std::string_view::npos &&
         std::any_of(word.begin(), word.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
         });
}

bool is_correctable_word(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string stored_bucket(std::string_view lines) {
  if (lines.empty()) return {};
  std::optional<std::string> compressed = compact_text::compress(lines, nullptr);
  return compressed ? std::move(*compressed) : std::string(lines);  // too short to shrink
}

std::string bucket_lines(std::string_view stored) {
  if (!compact_text::is_compressed(stored)) return std::string(stored);
  std::optional<std::string> lines = compact_text::decompress(stored, kMaxBucketBytes, nullptr);
  if (!lines) throw Xapian::DatabaseCorruptError("a bucket of the spelling table cannot be decompressed");
  return std::move(*lines);
}

std::string read_bucket(const Xapian::Database& db, const std::string& key) { return bucket_lines(db.get_metadata(key)); }

std::string bucket_key(std::string_view word) {
  return std::string(schema::kSpellingWordsPrefix).append(word.substr(0, kBucketBytes));
}

bool is_bucket_key(std::string_view key) {
  const std::size_t at = key.find(schema::kSpellingWordsPrefix);
  return (at == 0 || at == 2) && key.size() - at - schema::kSpellingWordsPrefix.size() <= kBucketBytes;
}

std::string merge(const std::vector<std::string_view>& buckets) {
  std::map<std::string, std::int64_t, std::less<>> counts;
  for (const std::string_view bucket : buckets) {
    for_each_count(bucket, [&](std::string_view word, std::int64_t count) {
      if (const auto found = counts.find(word); found != counts.end()) {
        found->second += count;
      } else {
        counts.emplace(std::string(word), count);
      }
    });
  }
  std::string merged;
  for (const auto& [word, count] : counts) {
    if (count > 0) append_count(merged, word, count);
  }
  return merged;
}

void add(Xapian::WritableDatabase& db, const std::unordered_map<std::string, std::int64_t>& counts) {
  // The new counts of each bucket, as a bucket's lines, merged into the stored one.
  std::map<std::string, std::vector<std::pair<std::string_view, std::int64_t>>> by_bucket;
  for (const auto& [word, count] : counts) {
    if (is_listed_word(word)) by_bucket[bucket_key(word)].emplace_back(word, count);
  }
  for (auto& [key, words] : by_bucket) {
    std::sort(words.begin(), words.end());
    std::string added;
    for (const auto& [word, count] : words) append_count(added, word, count);
    db.set_metadata(key, stored_bucket(merge({read_bucket(db, key), added})));  // an empty value deletes the key
  }
}

std::map<std::string, std::int64_t> read_all(const Xapian::Database& db) {
  std::map<std::string, std::int64_t> words;
  const std::string prefix(schema::kSpellingWordsPrefix);
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    for_each_count(read_bucket(db, *key), [&](std::string_view word, std::int64_t count) { words[std::string(word)] += count; });
  }
  return words;
}

}  // namespace cs::spelling_table
