// What a front end asks the searcher, as plain values: the query (or an article to find
// others like), how many hits, and the options that narrow, order, count and rank them.
// The command line, batch mode and any other front end fill one SearchRequest per query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"
#include "searcher/rank/signals.hpp"
#include "searcher/results.hpp"

namespace cs::searcher {

// --since, --until, --source, --author, --topic, --lang: which articles may match.
struct SearchFilters {
  std::string since;  // as typed: YYYY, YYYY-MM or YYYY-MM-DD; inclusive
  std::string until;  // the same; inclusive of the whole year, month or day
  std::vector<std::string> sources;  // any of them (case and accents ignored)
  std::vector<std::string> authors;
  std::vector<std::string> topics;
  std::vector<std::string> langs;  // "en" also matches "en-US"; "fr-FR" also "fr"; "English" is "en"

  bool empty() const {
    return since.empty() && until.empty() && sources.empty() && authors.empty() && topics.empty() && langs.empty();
  }
};

// A malformed date in `filters` as a kUsage error naming the option (filters.hpp builds them).
Status check_filters(const SearchFilters& filters, const Analyzer& analyzer);

enum class SortOrder { kRelevance, kOldestFirst, kNewestFirst };

// "relevance", "date" (oldest first) or "-date" (newest first); else a kUsage error.
Result<SortOrder> parse_sort_order(std::string_view text);

// "source,year" -> the fields, in order; an unknown name is a kUsage error.
Result<std::vector<FacetField>> parse_facet_fields(std::string_view text);
// "year", "month", "week" or "day"; else a kUsage error.
Result<Period> parse_period(std::string_view text);

// BM25 parameters suited to passages: shorter documents than whole articles want less
// length normalisation (b) and faster term-frequency saturation (k1) than Xapian's defaults
// (k1 = 1, b = 0.5). On the judged queries (bench/judged/) 0.9,0.4 beat the pairs from
// 0.5 to 1.5 × 0.2 to 0.75 tried, with and without the second stage.
struct Bm25Parameters {
  double k1 = 0.9;
  double b = 0.4;
};

// How hits are ranked: the first stage (Xapian, BM25, best passage per story), then the
// second stage (passage_scoring.hpp) over the first stage's best `depth` stories.
struct Ranking {
  Bm25Parameters bm25;
  ScoringWeights weights;
  std::size_t depth = 30;
  bool second_stage = true;  // false: first stage only (for evaluation)
  std::int64_t today = 0;    // days since 1970-01-01, for recency (see --recency)
};

// --weight NAME=VALUE (repeatable): the second stage's weights, each named as --explain shows
// it (signals.hpp), VALUE from 0 to 10; the others keep their value in `weights`. Fails with
// a kUsage error naming the bad assignment.
Result<ScoringWeights> parse_weights(const std::vector<std::string>& assignments, ScoringWeights weights);

// --limit: how many hits a query shows: a number (0: counts, facets and histogram alone) or
// "all" (every match: kAllMatches). Fails with a kUsage error for anything else.
inline constexpr std::size_t kAllMatches = static_cast<std::size_t>(-1);
Result<std::size_t> parse_limit(std::string_view text);

// Hits a page of a long export holds: a --limit above it is written a page at a time
// (QueryResult::first_page), so cs-search holds one page of hits, whatever the limit. The
// first page's best Ranking::depth stories are re-ranked by the second stage; the rest of it
// and the pages after it follow the first stage's order (Xapian's BM25), each article still
// shown by its best passage.
inline constexpr std::size_t kExportPage = 1000;

// --bm25 K1,B: the first stage's BM25 parameters, K1 from 0 to 10 and B from 0 to 1.
Result<Bm25Parameters> parse_bm25(std::string_view text);

// --recency's half-life in days: "90", "90d", "12w", "6m" (30 days), "2y" (365 days).
// Fails with a kUsage error for anything else, zero or over 100 years.
Result<float> parse_half_life(std::string_view text);

struct SearchRequest {
  std::string qid = "1";        // names the answer in batch and TREC output
  std::string query;  // as typed (query.hpp); unused with like_article_id
  std::optional<std::string> like_article_id;  // when set: articles like this one instead of a query
  std::size_t limit = 10;
  std::size_t offset = 0;  // matches skipped: a later page of a long export (session.hpp's Retrieval)
  // Find the query's words in each passage and choose its snippet; otherwise each hit
  // has no highlights and shows its whole passage.
  bool highlight = true;
  // What of each hit's story to read: what the output shows (ResultWriter::shows_story).
  StoryDetail story = StoryDetail::kWhole;
  SearchFilters filters;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<FacetField> facets;  // counted over the whole match set
  Period histogram = Period::kNone;
  Ranking ranking;  // --rerank, --weight, --bm25, --recency
};

}  // namespace cs::searcher
