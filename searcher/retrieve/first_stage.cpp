#include "searcher/retrieve/first_stage.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_set>

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

// The articles ranked one a story. Xapian's own collapse reads the story key of every match
// that could enter the top through the slot's value stream, decoding the stream's chunks
// from their start: at news 10x about 110 us a query, growing with the database. Here the
// best articles are ranked uncollapsed and each kept while its story is new, as Xapian's
// collapse keeps the best ranked article of each story; the keys come from the session's
// table or from the documents ranked, a few dozen. Only a remote shard (xapian-tcpsrv)
// needs Xapian's collapse, whose keys come with its matches.
struct StoryRanking {
  std::vector<RankedArticle> ranked;
  std::uint64_t stories = 0;  // an estimate, or what was seen when every match was ranked
};

StoryRanking collapsed_by_xapian(Xapian::Enquire& enquire, std::size_t skipped, std::size_t wanted) {
  StoryRanking ranking;
  enquire.set_collapse_key(schema::kStorySlot);
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(skipped), static_cast<Xapian::doccount>(wanted));
  for (auto it = mset.begin(); it != mset.end(); ++it) ranking.ranked.push_back({it, it.get_collapse_key()});
  ranking.stories = mset.get_matches_estimated();
  return ranking;
}

// The story key of a ranked article: from `table` when given, else from its document.
std::string story_of(const Xapian::MSetIterator& it, const ValueTable* table) {
  if (table == nullptr) return it.get_document().get_value(schema::kStorySlot);
  const std::uint32_t id = table->id_of(*it);
  return id != 0 ? table->value(id) : std::string();
}

// `estimate`: whether the count of stories is wanted of this ranking (not when a counting
// pass gives it exactly).
StoryRanking collapsed_by_story(Xapian::Enquire& enquire, const ValueTable* table, ValueTables* memory,
                                std::size_t skipped, std::size_t wanted, bool estimate) {
  const std::size_t needed = skipped + wanted;
  // Ranking more articles costs: at news 10x the top 60 took 50 us more than the top 30.
  // Twice the articles wanted is most often enough; a session asks for what its last
  // ranking needed, a quarter more, as copies rank side by side in some collections (each
  // story twice at news 1x) and seldom in others (at news 10x 32 to 44 articles gave 30
  // stories). A ranking that falls short is asked again for as many as the copies it met
  // call for.
  constexpr double kMostArticles = std::numeric_limits<Xapian::doccount>::max();
  const double measured = memory != nullptr ? memory->articles_per_story() : 0;
  double articles = measured > 0 ? static_cast<double>(needed) * measured * 1.25 + 2 : 2.0 * static_cast<double>(needed);
  articles = std::clamp(articles, static_cast<double>(needed) + 2, kMostArticles);
  std::unordered_set<std::string_view> seen;  // the stories met, in `keys`
  for (;;) {
    StoryRanking ranking;
    const auto asked = static_cast<Xapian::doccount>(articles);
    const Xapian::MSet mset = enquire.get_mset(0, asked);
    const bool every_match = mset.size() < asked;
    std::vector<std::string> keys(mset.size());
    seen.clear();
    std::size_t kept = 0, considered = 0, stories = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      if (kept == needed && !every_match) break;  // past the page, only an exact count reads on
      std::string& story = keys[it.get_rank()];
      story = story_of(it, table);
      // An article with no story is its own.
      const bool new_story = story.empty() || seen.insert(story).second;
      if (kept < needed) ++considered;
      if (!new_story) continue;
      ++stories;
      if (kept < needed && kept++ >= skipped) ranking.ranked.push_back({it, story});
    }
    if (kept < needed && !every_match) {
      articles = std::min(kMostArticles, std::max(2 * articles, articles * static_cast<double>(needed) /
                                                                       static_cast<double>(std::max<std::size_t>(kept, 1)) +
                                                                   static_cast<double>(needed)));
      continue;
    }
    if (memory != nullptr && kept == needed) {
      memory->note_articles_per_story(static_cast<double>(considered) / static_cast<double>(kept));
    }
    if (every_match) {
      ranking.stories = stories;  // every match was ranked: the count is exact
    } else if (estimate) {
      // Xapian's estimate of the articles, scaled by the share of those ranked that were new
      // stories (as Xapian scales its own by the share its collapse kept). The estimate is
      // asked of a match that ranks none: one that ranks some refines it by how far it got,
      // which varies with the articles asked for, and so with the session's history.
      const double unique = static_cast<double>(kept) / static_cast<double>(std::max<std::size_t>(considered, 1));
      const Xapian::doccount matches = enquire.get_mset(0, 0).get_matches_estimated();
      ranking.stories = std::max<std::uint64_t>(static_cast<std::uint64_t>(static_cast<double>(matches) * unique + 0.5), kept);
    }
    return ranking;
  }
}

}  // namespace

FirstStage first_stage(const Xapian::Database& db, bool remote, const Xapian::Query& query, const Xapian::Query& filter,
                       SortOrder sort, const Bm25Parameters& bm25, Xapian::MatchSpy* spy, std::size_t wanted,
                       std::size_t skipped, ValueTables* tables) {
  const Xapian::Query matching = filter.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  // Asked once a search: a table is read at a session's second search (value_table.hpp).
  const std::shared_ptr<const ValueTable> story_table =
      tables != nullptr && !remote ? tables->shared_table(db, schema::kStorySlot) : nullptr;
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
    stories.emplace(schema::kStorySlot, remote, story_table);
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
  result.story_table = story_table;
  if (wanted > 0) {
    Xapian::Enquire enquire(db);
    enquire.set_query(matching);
    // Undated articles have an empty date, which sorts last newest-first. Oldest first they
    // come last too (a new user's trial: "--sort date" opened with the undated notes), under
    // a key past every date.
    Xapian::MultiValueKeyMaker undated_last;
    // By the moment in UTC (a database indexed before it was kept: by the date as written).
    const Xapian::valueno by = sort == SortOrder::kRelevance || db.get_value_upper_bound(schema::kInstantSlot).empty()
                                   ? schema::kDateSlot
                                   : schema::kInstantSlot;
    if (sort == SortOrder::kNewestFirst) {
      // By date, then by relevance among articles of the same date.
      enquire.set_sort_by_value_then_relevance(by, true);
    } else if (sort == SortOrder::kOldestFirst) {
      undated_last.add_value(by, false, db.get_value_upper_bound(by) + "\xFF");
      enquire.set_sort_by_key_then_relevance(&undated_last, false);
    }
    enquire.set_weighting_scheme(make_weight(bm25));
    StoryRanking ranking = remote ? collapsed_by_xapian(enquire, skipped, wanted)
                                  : collapsed_by_story(enquire, story_table.get(), tables, skipped, wanted, !exact);
    result.ranked = std::move(ranking.ranked);
    result.stories = ranking.stories;
  }
  if (stories) {
    const ValueCounter::Valued keyed = stories->valued();
    result.stories = keyed.distinct + (stories->total() - keyed.matches);
  }
  return result;
}

}  // namespace cs::searcher
