// The first stage: Xapian's Enquire ranks the articles that match a query with BM25, one
// article per story (collapsed on the story key, as near-duplicate articles from several
// outlets are one story: by this stage over local databases, as Xapian's collapse does, and
// by Xapian when a shard is remote). It uses only what Xapian's remote backend runs on a
// server (built-in weight; Xapian's own match spies when a shard is remote,
// value_counter.hpp), so sharded and remote searches rank and count alike.
#pragma once

#include <xapian.h>

#include <cstdint>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "searcher/results.hpp"
#include "searcher/retrieve/open_database.hpp"
#include "searcher/retrieve/value_table.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

// One article of the first stage's ranking, with the key of its story.
struct RankedArticle {
  Xapian::MSetIterator at;  // its weight, document id and document
  std::string story;        // its story's key (schema::kStorySlot); empty: none, never collapsed
};

struct FirstStage {
  // One article a story (the best ranked of the story's matches), in rank order.
  std::vector<RankedArticle> ranked;
  // The stories that match (articles after collapsing copies, the unit every count uses):
  // exact with a spy, when no story is wanted, or when every match was ranked; else an
  // estimate.
  std::uint64_t stories = 0;
  // The session's story keys when it holds them (value_table.hpp): a hit's story members
  // are listed from them.
  std::shared_ptr<const ValueTable> story_table;
};

// The best `wanted` stories matching `query` and `filter` (when not empty, it restricts
// the matches without changing their scores) after the first `skipped`, in `sort` order. With a `spy`, or with none
// wanted (counts alone: -n 0), every match is visited so that the counts are exact.
// `remote`: a remote shard is among those `db` searches. `tables`, when not null, are the
// session's (value_table.hpp): once they hold the story keys, the exact story count and the
// collapse of the ranked articles into stories read them there.
FirstStage first_stage(const Xapian::Database& db, bool remote, const Xapian::Query& query, const Xapian::Query& filter,
                       SortOrder sort, const Bm25Parameters& bm25, Xapian::MatchSpy* spy, std::size_t wanted,
                       std::size_t skipped = 0, ValueTables* tables = nullptr);

}  // namespace cs::searcher
