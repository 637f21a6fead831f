#include "searcher/retrieve/first_stage.hpp"

#include <algorithm>

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
                       std::size_t skipped) {
  Xapian::Enquire enquire(db);
  enquire.set_query(filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter));
  if (sort != SortOrder::kRelevance) {
    // By date, then by relevance among articles of the same date. Undated articles have an
    // empty date, which sorts first oldest-first and last newest-first.
    enquire.set_sort_by_value_then_relevance(schema::kDateSlot, sort == SortOrder::kNewestFirst);
  }
  enquire.set_weighting_scheme(make_weight(bm25));
  enquire.set_collapse_key(schema::kStorySlot);
  // Xapian's count of a collapsed match is an estimate even when it visits every match:
  // exact counts are the distinct story keys a spy saw, plus the articles without one. They
  // are taken when asked for (facets, -n 0), and always in a collection small enough that
  // visiting every match costs little: there Xapian's estimate was off by up to 2.5x.
  const bool exact = spy != nullptr || wanted == 0 || db.get_doccount() <= kExactCountArticles;
  ValueCounter stories(schema::kStorySlot, remote);
  if (spy != nullptr) enquire.add_matchspy(spy);
  if (exact) enquire.add_matchspy(&stories.spy());
  FirstStage result{enquire.get_mset(static_cast<Xapian::doccount>(skipped), static_cast<Xapian::doccount>(wanted),
                                     exact ? db.get_doccount() : 0),
                    0};
  result.stories = result.mset.get_matches_estimated();
  if (exact) {
    std::uint64_t keyed = 0;
    std::uint64_t distinct = 0;
    stories.for_each([&](const std::string&, Xapian::doccount articles) {
      ++distinct;
      keyed += articles;
    });
    result.stories = distinct + (stories.total() - keyed);
  }
  return result;
}

}  // namespace cs::searcher
