// The second stage's policy: every passage of the first stage's articles is scored by the
// scoring loop (passage_scoring.hpp) and each article is represented by its best passage;
// with relevance order the articles are then ranked by it, ties to the newer article, then
// the smaller article id.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "searcher/query/query.hpp"
#include "searcher/rank/signals.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

// An article's passage as the second stage chose it: the best-scoring one, its signals, and
// how many of the article's other passages hold a query word.
struct PassageChoice {
  ScoreParts parts;
  float passage_bm25 = 0;  // its own BM25, which parts.first_stage is a share of
  std::uint32_t index = 0;
  std::uint32_t more = 0;
};

// Keeps its arrays from query to query: a search scores a few thousand passages, and fresh
// arrays of that size cost page faults each time.
class SecondStage {
 public:
  SecondStage();
  ~SecondStage();
  // The chosen passage of each of `articles` (the first stage's), in their order. For each
  // article, the positions of the query's stems and its passages' bounds are read from `db`
  // (`remote`: a remote shard is among its databases).
  std::vector<PassageChoice> choose_passages(const Xapian::Database& db, bool remote,
                                             const std::vector<Xapian::MSetIterator>& articles, const ParsedQuery& query,
                                             const Ranking& ranking);

 private:
  struct Buffers;
  std::unique_ptr<Buffers> buffers_;
};

// Sorts `order` (indexes into `articles`) by the chosen passages' scores, then newer date,
// then smaller article id, so runs are reproducible.
void rank_by_choice(const std::vector<Xapian::MSetIterator>& articles, const std::vector<PassageChoice>& choices,
                    std::vector<std::size_t>& order);

}  // namespace cs::searcher
