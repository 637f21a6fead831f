// Opens a cs-search database and searches it: the first stage ranks articles with Xapian
// (BM25, one article per story: collapse on the story id, as near-duplicate articles from
// several outlets are one story); the second stage scores each article's passages from
// their stem hashes, shows the best, and re-ranks the articles by it. Hits come with their
// records and the story's other articles.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/error.hpp"
#include "common/passage_record.hpp"
#include "searcher/facets.hpp"
#include "searcher/filters.hpp"
#include "searcher/passage_scoring.hpp"
#include "searcher/query.hpp"

namespace cs::searcher {

struct SecondStageBuffers;  // retrieve.cpp

// Another article of a hit's story, as shown under it ("also in: Reuters, CNN").
struct StoryMember {
  std::string article_id;
  std::string title;
  std::string source;
  std::string date;
  std::string url;
  std::string path;  // for display: root joined with the relative path
};

struct Hit {
  double score = 0;               // the ranking score: parts.total, or BM25 without a second stage
  double bm25 = 0;                // the first stage's weight of the article
  std::uint32_t more_passages = 0;  // the article's other passages that hold a query word
  PassageRecord record;
  std::vector<StoryMember> also_in;  // the story's other articles, at most kMaxStoryMembers
  ScoreParts parts;                  // the second stage's signals (--explain); first_stage holds BM25
};

inline constexpr std::size_t kMaxStoryMembers = 10;
// Values listed per facet field: enough to see the spread, few enough to read.
inline constexpr std::size_t kFacetValuesShown = 10;

struct SearchResults {
  std::vector<Hit> hits;
  std::uint64_t matching_articles = 0;  // Xapian's estimate, after collapsing
  Facets facets;                        // when a FacetCounter watched the search
  bool second_stage = false;            // whether hits were re-scored (Hit::parts hold the signals)
  ScoringWeights weights;               // the weights they were re-scored with
};

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
// it (bm25, proximity, phrase, title, position, recency), VALUE from 0 to 10; the others keep
// their value in `weights`. Fails with a kUsage error naming the bad assignment.
Result<ScoringWeights> parse_weights(const std::vector<std::string>& assignments, ScoringWeights weights);

// --bm25 K1,B: the first stage's BM25 parameters, K1 from 0 to 10 and B from 0 to 1.
Result<Bm25Parameters> parse_bm25(std::string_view text);

// --recency's half-life in days: "90", "90d", "12w", "6m" (30 days), "2y" (365 days).
// Fails with a kUsage error for anything else, zero or over 100 years.
Result<float> parse_half_life(std::string_view text);

class PassageSearcher {
 public:
  ~PassageSearcher();
  // Opens the databases read-only and searches them as one collection (Xapian combines
  // their statistics, so the ranking is that of one database holding them all). Each may
  // be a database folder, a sharded folder, or a Xapian stub file listing local databases
  // and remote ones ("remote HOST:PORT", served by xapian-tcpsrv). Fails with kDatabase and
  // a hint to run cs-index when one is missing or is not a cs-search database.
  static Result<std::unique_ptr<PassageSearcher>> open(const std::vector<std::filesystem::path>& paths);

  // The best `limit` articles for `query`, each by its best passage. Ties keep index order.
  // `filter`, when not empty, restricts the matches without changing their scores. With a
  // `spy`, every match is visited (not just the best) so that its counts are exact.
  // Ranked by relevance, the first stage's best `ranking.depth` stories are re-scored by the
  // second stage; ties go to the newer article, then the smaller article id.
  Result<SearchResults> search(const ParsedQuery& query, std::size_t limit, const Xapian::Query& filter = {},
                               SortOrder sort = SortOrder::kRelevance, FacetCounter* spy = nullptr,
                               const Ranking& ranking = {});

  // A query for articles like `article_id`: the terms that best tell its passages from the
  // rest of the database (Xapian's relevance feedback, an ESet of stems), the article itself
  // excluded. An id not in the database is a kQuery error.
  Result<ParsedQuery> like_query(const std::string& article_id);

  // `query_text` with each word the database does not hold replaced by the closest one it
  // does (Xapian's spelling table, edit distance up to 2); empty when nothing was replaced.
  std::string suggest(std::string_view query_text, Analyzer& analyzer);

  // How telling a query term (a stem, or a word the query wanted as typed) is in this
  // database: log(1 + articles / articles holding it), high for rare terms. For choosing
  // snippets; 0 when the database cannot say.
  double term_weight(const std::string& term) const;

  // The database's terms, for the query parser's acronym check (see QueryContext).
  const Xapian::Database& vocabulary() const { return db_; }
  // The stemmers the articles were indexed with (see QueryContext): read with the database
  // revision (at open, and again when a search reopens it), not once per query.
  const std::vector<std::string>& stem_languages() const { return stem_languages_; }

 private:
  PassageSearcher(Xapian::Database db, std::vector<Xapian::Database> parts, std::filesystem::path path);
  void read_stem_languages();
  // The other articles of `story`, besides `article_id`.
  Result<std::vector<StoryMember>> story_members(const std::string& story, const std::string& article_id);

  Xapian::Database db_;                 // all of them
  std::vector<Xapian::Database> parts_;  // each as named, for its metadata
  std::filesystem::path path_;           // for messages: the names, joined
  std::vector<std::string> stem_languages_;
  std::unique_ptr<SecondStageBuffers> buffers_;
};

}  // namespace cs::searcher
