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
    const std::string lines = db.get_metadata(name);
    std::string_view rest = lines;
    while (!rest.empty()) {
      const std::size_t end = std::min(rest.find('\n'), rest.size());
      const std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      const std::size_t space = line.find(' ');
      std::uint32_t count = 0;
      if (space == std::string_view::npos ||
          std::from_chars(line.data() + space + 1, line.data() + line.size(), count).ec != std::errc()) {
        continue;  // not a line this class wrote: nothing to apply
      }
      counts_[std::string(line.substr(0, space))] += count;
    }
  }
}

void PendingSpelling::add(Xapian::WritableDatabase& db, const std::vector<std::pair<std::string, std::uint32_t>>& words) {
  if (words.empty()) return;
  std::string lines;
  for (const auto& [word, count] : words) {
    counts_[word] += count;
    lines.append(word).push_back(' ');
    lines.append(std::to_string(count)).push_back('\n');
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
