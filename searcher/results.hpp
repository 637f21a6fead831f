// What a search answers, as plain data: the hits (each an article shown by its best
// passage, with its story's other articles), the facet counts and histogram, the totals,
// and per hit what to highlight and show. No Xapian and no I/O: every front end and every
// ResultWriter reads this and nothing deeper.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.hpp"
#include "common/passage_record.hpp"
#include "searcher/rank/signals.hpp"

namespace cs::searcher {

// What of each hit's story a front end shows (ResultWriter::shows_story), and so what is read
// of the story's other articles: nothing; their sources ("also in: Reuters, CNN"), which a
// session holds in memory; or each one's record, a read and a decompression an article
// (at news 10x, with about four copies a story, 15% of a query's time).
enum class StoryDetail { kNone, kSources, kWhole };

// Another article of a hit's story, as shown under it ("also in: Reuters, CNN"). With
// StoryDetail::kSources only `source` is filled, or `article_id` for an article without one.
struct StoryMember {
  std::string article_id;
  std::string title;
  std::string source;
  std::string date;
  std::string url;
  std::string path;  // for display: root joined with the relative path
};

// One article whole (--show, the HTTP API's article view): its fields, every passage's
// text in order, and its story's other articles.
struct ArticleView {
  PassageRecord record;  // the article's fields; text, passage_id and index left empty
  std::vector<std::string> passages;
  std::vector<StoryMember> also_in;
  // With a query: per passage, the byte spans of its words (empty: the passage does not
  // hold them); without one, empty.
  std::vector<std::vector<Span>> highlights;
};

struct Hit {
  double score = 0;               // the ranking score: parts.total, or BM25 without a second stage
  double bm25 = 0;                // the first stage's weight of the article
  std::uint32_t more_passages = 0;  // the article's other passages that hold a query word
  PassageRecord record;
  std::vector<StoryMember> also_in;  // the story's other articles (story_members.hpp)
  ScoreParts parts;                  // the second stage's signals (--explain)
  // Whether the second stage scored it (score is parts.total): not a hit past --rerank's
  // depth, which follows the first stage's order, its BM25 scaled to at most the last
  // re-ranked hit's score (PassageSearcher::search).
  bool second_stage = false;
  double passage_bm25 = 0;           // the shown passage's own BM25, whose share is parts.first_stage
};

enum class FacetField { kSource, kYear, kAuthor, kTopic, kLang };
enum class Period { kNone, kYear, kMonth, kWeek, kDay };

// "source", "year", "author", "topic" or "lang".
std::string_view facet_name(FacetField field);

struct FacetCount {
  std::string value;
  std::uint64_t articles = 0;
};

struct Facets {
  std::vector<std::pair<FacetField, std::vector<FacetCount>>> fields;  // most articles first
  // In time order, every period from the first to the last (0 for an empty one), then
  // "undated" for the articles without a date.
  std::vector<FacetCount> histogram;
  bool empty() const { return fields.empty() && histogram.empty(); }
};

// A remote shard left out of a search because it did not answer.
struct MissingShard {
  std::string name;       // "HOST:PORT"
  std::string reason;     // Xapian's words: "Timeout expired while trying to connect", ...
  std::string listed_in;  // the --db (stub file) that names it
};

// The shards a search was answered from (remote shards that do not answer are left out).
struct ShardCounts {
  std::size_t total = 0;
  std::size_t answered = 0;
  std::vector<MissingShard> missing;
  bool partial() const { return answered < total; }
};

struct SearchResults {
  std::vector<Hit> hits;
  // Matching stories (articles after collapsing copies, the unit of every count): exact
  // with facets, a histogram or -n 0 and in a database of up to 1,000 articles, else
  // Xapian's estimate.
  std::uint64_t matching_articles = 0;
  Facets facets;                        // when facets or a histogram were asked for
  bool second_stage = false;            // whether the second stage ran (the hits it scored: Hit::second_stage)
  ScoringWeights weights;               // the weights they were re-scored with
  ShardCounts shards;                   // partial() when a remote shard did not answer
};

struct FilterCount {
  std::string filter;  // the options left out, as typed: "--since 2019", "--source guardian"
  std::uint64_t articles = 0;
};

// What a search box offers while a query is typed (the HTTP API's /api/suggest).
struct Completion {
  std::string query;          // the query with its last word completed
  std::uint64_t articles = 0;  // articles holding the completed word
};
struct Suggestions {
  std::string spelling;  // the query corrected (spelling.hpp), or empty
  std::vector<Completion> completions;  // most articles first
};

// What the database holds, for health checks and metrics.
struct IndexStats {
  std::uint64_t articles = 0;
  std::int64_t last_commit = 0;  // seconds since 1970 of the newest commit seen; 0 unknown
};

// One query's answer, ready for a ResultWriter.
struct QueryResult {
  std::string qid;
  std::string query;
  SearchResults results;
  std::vector<std::vector<Span>> highlights;  // per hit, byte spans of its passage text
  std::vector<Span> snippets;                 // per hit, the sentences of its passage to show
  std::string suggestion;  // a corrected query when this one found nothing ("did you mean")
  // What the user should know of how the query was taken, one line each: how it was read
  // where it was not query syntax, a filter value that names nothing.
  std::vector<std::string> notes;
  // When nothing matched and filters were given: how many articles match with each filter
  // left out ("--since 2019"), and with all of them when there are several ("any filter").
  std::vector<FilterCount> without_filter;
  // A long export (--limit all) comes as pages, each written as it comes: the rank of
  // hits[0], and whether this page opens the query's output (it then holds the counts,
  // facets and notes) and whether it closes it.
  std::size_t first_rank = 1;
  bool first_page = true;
  bool last_page = true;
};

}  // namespace cs::searcher
