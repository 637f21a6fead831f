#include "searcher/retrieve/first_stage.hpp"

#include <algorithm>
#include <optional>

#include "common/schema.hpp"
#include "searcher/retrieve/value_counter.hpp"

namespace cs::searcher {

namespace {

// Xapian's BM25 arguments past k1 and b: k2 = 0 (no query-length correction), k3 = 1
// (query term frequency barely counts), min_normlen = 0.5, its defaults.
Xapian::BM25Weight make_weight(const Bm25Parameters& p) { return Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5); }

// Up to this many articles every count is exact, where it costs little (bench/latency_bench
// at 233 articles: p50 1.03 ms without, 1.09 ms with); at 2,330 it cost 0.44 ms a query.
constexpr Xapian::doccount kExactCountArticles = 1000;

}  // namespace

FirstStage first_stage(const Xapian::Database& db, bool remote, const Xapian::Query& query, const Xapian::Query& filter,
                       SortOrder sort, const Bm25Parameters& bm25, Xapian::MatchSpy* spy, std::size_t wanted,
                       std::size_t skipped, ValueTables* tables) {
  const Xapian::Query matching = filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  // Xapian's count of a collapsed match is an estimate even when it visits every match:
  // exact counts are the distinct story keys a spy saw, plus the articles without one. They
  // are taken when asked for (facets, -n 0), and always in a collection small enough that
  // visiting every match costs little: there Xapian's estimate was off by up to 2.5x.
  const bool exact = spy != nullptr || wanted == 0 || db.get_doccount() <= kExactCountArticles;
  // The counts come from a pass of their own over every match, unweighted and uncollapsed
  // (a spy sees every matching article, collapsed or not), so the ranked pass stops as soon
  // as Xapian knows its top stories: at news 10x a faceted query's two passes took 5.4 +
  // 0.6 ms where one weighted, collapsed walk with the spies took 9.8 ms.
  std::optional<ValueCounter> stories;
  if (exact) {
    stories.emplace(schema::kStorySlot, remote,
                    tables != nullptr && !remote ? tables->for_counting(db, schema::kStorySlot) : nullptr);
    Xapian::Enquire counting(db);
    counting.set_query(matching);
    // Unweighted in effect ("bnn": each term present counts 1), but not BoolWeight: with a
    // weight that needs no wdf, Xapian 1.4.22 reads a term held by every document as the list
    // of all documents, and once one has been deleted it fails with "Unexpected end of posting
    // list" (a deletion made "a" and "to" unsearchable; first_stage_test reproduces it).
    counting.set_weighting_scheme(Xapian::TfIdfWeight("bnn"));
    if (spy != nullptr) counting.add_matchspy(spy);
    counting.add_matchspy(&stories->spy());
    counting.get_mset(0, 0, db.get_doccount());
  }
  FirstStage result;
  if (wanted > 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(matching);
    // Undated articles have an empty date, which sorts last newest-first. Oldest first they
    // come last too (a new user's trial: "--sort date" opened with the undated notes), under
    // a key past every date.
    Xapian::MultiValueKeyMaker undated_last;
    if (sort == SortOrder::kNewestFirst) {
      // By date, then by relevance among articles of the same date.
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
    } else if (sort == SortOrder::kOldestFirst) {
      undated_last.add_value(schema::kDateSlot, false, db.get_value_upper_bound(schema::kDateSlot) + "\xFF");
      enquire.set_sort_by_key_then_relevance(&undated_last, false);
    }
    enquire.set_weighting_scheme(make_weight(bm25));
    enquire.set_collapse_key(schema::kStorySlot);
    result.mset = enquire.get_mset(static_cast<Xapian::doccount>(skipped), static_cast<Xapian::doccount>(wanted));
    result.stories = result.mset.get_matches_estimated();
  }
  if (stories) {
    const ValueCounter::Valued keyed = stories->valued();
    result.stories = keyed.distinct + (stories->total() - keyed.matches);
  }
  return result;
}

}  // namespace cs::searcher
