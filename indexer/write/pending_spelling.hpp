// Spelling counts on their way to the spelling table (common/spelling_table.hpp), whose
// buckets of words a commit that adds words rewrites: with a commit every batch they were
// rewritten batch after batch. So the counts gather here, a batch's words at a time, and
// reach the table when many have gathered, every kApplyAtBatches batches, or when the run
// ends. Each batch's counts are also stored in the database's metadata in the batch's own
// commit ("word count" lines, as the table's), so a killed run loses none (the next run
// reads them back and applies them) and the searcher suggests them meanwhile
// (searcher/query/spelling.hpp reads them beside the table).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cs::indexer {

class PendingSpelling {
 public:
  // Above this many distinct waiting words the counts are applied at the next commit:
  // memory stays bounded (a few MB) however large the run.
  static constexpr std::size_t kApplyAtWords = 200000;
  // And after this many batches (32 MB of text at cs-index's default --batch-mb): a run of
  // 1 GB rewrites the trigram lists some 30 times instead of a thousand.
  static constexpr std::size_t kApplyAtBatches = 32;

  explicit PendingSpelling(std::size_t apply_at_words = kApplyAtWords, std::size_t apply_at_batches = kApplyAtBatches)
      : apply_at_words_(apply_at_words), apply_at_batches_(apply_at_batches) {}

  // Reads back what an earlier, killed run left waiting in `db`.
  void load(const Xapian::Database& db);
  // Adds a batch's words with their article counts (negative: the articles a batch deleted
  // or replaced), and records them in the metadata (inside the caller's transaction).
  void add(Xapian::WritableDatabase& db, const std::vector<std::pair<std::string, std::int64_t>>& words);
  bool empty() const { return counts_.empty(); }
  bool due() const { return counts_.size() >= apply_at_words_ || record_keys_.size() >= apply_at_batches_; }
  // Moves every waiting count into the spelling table and removes the metadata records
  // (inside the caller's transaction).
  void apply(Xapian::WritableDatabase& db);

 private:
  std::size_t apply_at_words_;
  std::size_t apply_at_batches_;
  std::unordered_map<std::string, std::int64_t> counts_;
  std::vector<std::string> record_keys_;  // the metadata keys holding the counts
  std::uint64_t next_record_ = 0;
};

}  // namespace cs::indexer
