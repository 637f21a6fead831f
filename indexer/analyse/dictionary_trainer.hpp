// Trains a database's Zstandard dictionaries (common/stored_dictionaries.hpp) once it holds
// enough articles: one for passage texts, trained on pieces of the articles' bodies about a
// passage long, and one for article records, trained on their records. Samples gather from
// what earlier runs stored and from the batches written, until there are enough; articles
// written before then are compressed without. The databases one run writes (the parts of a
// parallel build, the shards) share one set (SharedDictionaries).
#pragma once

#include <xapian.h>

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/article.hpp"
#include "indexer/analyse/article_document.hpp"

namespace cs::indexer {

class DictionaryTrainer {
 public:
  // Text gathered for the passages' dictionary: about 700 passages. A 64 KB dictionary
  // trained on half a megabyte keeps news passages at 38.5% of their size, one trained on
  // 5 MB at 37.7% (training took 0.1 s and 0.5 s).
  static constexpr std::size_t kPassageSampleBytes = 512 * 1024;
  static constexpr std::size_t kPassageDictionaryBytes = 64 * 1024;
  // Records gathered for the records' dictionary. A 16 KB dictionary trained on 64 news
  // records keeps them at 30% of their size (60% without) and decodes one in a third of
  // the time; trained on 1,000, at 24%.
  static constexpr std::size_t kRecordSamples = 64;
  static constexpr std::size_t kRecordDictionaryBytes = 16 * 1024;

  // Gathers samples from the passages and records `db` holds (written without the
  // dictionaries it lacks), for each dictionary `have` lacks; Xapian errors propagate.
  void gather_stored(const Xapian::Database& db, const DocumentDictionaries& have);

  // Gathers samples of `articles` (indexed under `roots`) for each dictionary `have` lacks;
  // the dictionaries trained now (each at most once, and none when Zstandard cannot train
  // one from its samples).
  DocumentDictionaries offer(const std::vector<Article>& articles, const std::vector<std::string>& roots,
                             const DocumentDictionaries& have);

 private:
  struct Samples {
    std::vector<std::string> pieces;
    std::size_t bytes = 0;
    bool done = false;
    void add(std::string piece) {
      bytes += piece.size();
      pieces.push_back(std::move(piece));
    }
    // The dictionary trained on the pieces once `enough` (at most once), and nullopt
    // before, after, or when Zstandard cannot train one.
    std::optional<compact_text::Dictionary> train_when(bool enough, std::size_t capacity, compact_text::Training training);
  };
  bool wants_passages() const { return passages_.bytes < kPassageSampleBytes; }
  bool wants_records() const { return records_.pieces.size() < kRecordSamples; }
  Samples passages_, records_;
};

// The dictionaries of every database one run writes, trained once on samples from all of
// them, behind a lock: each part or shard compresses with the same ones, so a search that
// reads them all makes one set of decoding tables, not one a part.
class SharedDictionaries {
 public:
  // Adopts `db`'s current dictionaries for the uses no database of the run has given one
  // yet, and samples what it holds for the others. Xapian errors propagate.
  void load(const Xapian::Database& db);
  // The dictionaries to compress a batch with, each part's batches in turn: those adopted or
  // trained so far, `articles` (indexed under `roots`) sampled for the others.
  DocumentDictionaries offer(const std::vector<Article>& articles, const std::vector<std::string>& roots);

 private:
  std::mutex mutex_;
  DictionaryTrainer trainer_;
  DocumentDictionaries known_;
};

}  // namespace cs::indexer
