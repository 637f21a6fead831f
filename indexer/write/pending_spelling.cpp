#include "indexer/write/pending_spelling.hpp"

#include <charconv>
#include <cstdio>
#include <string_view>

#include "common/schema.hpp"
#include "common/spelling_table.hpp"

namespace cs::indexer {

namespace {

std::string record_key(std::uint64_t number) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%016llu", static_cast<unsigned long long>(number));
  return std::string(schema::kPendingSpellingPrefix) + digits;
}

}  // namespace

void PendingSpelling::load(const Xapian::Database& db) {
  const std::string prefix(schema::kPendingSpellingPrefix);
  for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
    const std::string name = *key;
    std::uint64_t number = 0;
    const char* digits = name.data() + prefix.size();
    if (std::from_chars(digits, name.data() + name.size(), number).ec == std::errc()) {
      next_record_ = std::max(next_record_, number + 1);
    }
    record_keys_.push_back(name);
    // The spelling table's own lines (a line this class did not write is passed over).
    spelling_table::for_each_count(db.get_metadata(name), [&](std::string_view word, std::int64_t count) {
      counts_[std::string(word)] += count;
    });
  }
}

void PendingSpelling::add(Xapian::WritableDatabase& db, const std::vector<std::pair<std::string, std::int64_t>>& words) {
  if (words.empty()) return;
  std::string lines;
  for (const auto& [word, count] : words) {
    counts_[word] += count;
    spelling_table::append_count(lines, word, count);
  }
  record_keys_.push_back(record_key(next_record_++));
  db.set_metadata(record_keys_.back(), lines);
}

void PendingSpelling::apply(Xapian::WritableDatabase& db) {
  spelling_table::add(db, counts_);
  for (const std::string& key : record_keys_) db.set_metadata(key, "");  // an empty value deletes the key
  counts_.clear();
  record_keys_.clear();
}

}  // namespace cs::indexer
