// A search session: one open database and one analyzer, answering queries one after
// another (a single query, or every line of a batch) without reopening anything. It works
// in Xapian's terms; front ends use Searcher (searcher.hpp), which fills a Retrieval from
// a SearchRequest's plain values.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/query/synonyms.hpp"
#include "searcher/results.hpp"
#include "searcher/retrieve/retrieve.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

// How a query's articles are found, counted and ranked.
struct Retrieval {
  Xapian::Query filter;  // see filters.hpp; empty for none
  SortOrder sort = SortOrder::kRelevance;
  std::vector<FacetField> facets;  // counted over each query's whole match set
  Period histogram = Period::kNone;
  Ranking ranking;  // --rerank, --recency
  // The languages the filter keeps (--lang; empty: all): only their stemmers stem the query.
  std::vector<std::string> langs;
  // The options `filter` was built from: when nothing matches, the session counts what
  // would without each of them (filters.hpp's loosened_filters).
  SearchFilters filters;
  // Matches skipped before the first hit: a later page of a long export (--limit all). Such a
  // page is in the first stage's order (only the first page's best stories are re-ranked),
  // and carries no facets, suggestion or filter counts, which the first page had.
  std::size_t offset = 0;
  // What of each hit's story is read (the front end's ResultWriter::shows_story).
  StoryDetail story = StoryDetail::kWhole;
};

// What applies to every query of a session, unless a query brings its own Retrieval.
struct SessionOptions : Retrieval {
  Synonyms synonyms;  // --synonyms FILE; empty for none
  ShardPolicy shard_policy;  // --shard-timeout, --strict-shards
};

class SearchSession {
 public:
  // The databases are searched as one (see PassageSearcher::open).
  static Result<std::unique_ptr<SearchSession>> open(const std::vector<std::filesystem::path>& dbs,
                                                     SessionOptions options = {});

  // Parses, retrieves and, when asked, finds the query's words in each passage (otherwise
  // QueryResult::highlights holds an empty list per hit, and each snippet is the whole
  // passage); a query that finds nothing gets a suggestion. Query errors are kQuery,
  // database errors kDatabase. Without `retrieval`, the session's options apply.
  Result<QueryResult> run(std::string qid, std::string_view query, std::size_t limit, bool highlight);
  Result<QueryResult> run(std::string qid, std::string_view query, std::size_t limit, bool highlight,
                          const Retrieval& retrieval);
  // The same for articles like `article_id` (see PassageSearcher::like_query).
  Result<QueryResult> run_like(std::string qid, const std::string& article_id, std::size_t limit, bool highlight);
  Result<QueryResult> run_like(std::string qid, const std::string& article_id, std::size_t limit, bool highlight,
                               const Retrieval& retrieval);

  // The search box's suggestions: the query's last word completed from the index's words
  // (at most `completions`), or, when nothing completes it, the query corrected.
  Suggestions suggest(std::string_view query, std::size_t completions);
  IndexStats stats() const { return searcher_->stats(); }

  // The article `given` names, whole (article_lookup.hpp); with a non-empty `query`, each
  // passage's words of it highlighted. A query that does not parse is a kQuery error.
  Result<ArticleView> article(const std::string& given, std::string_view query = {});

  // Moves to what cs-index committed or swapped in since the session opened (a live batch).
  Status catch_up() { return searcher_->catch_up(); }

  // The session's analyzer, for folding filter values as queries are.
  const Analyzer& analyzer() const { return analyzer_; }
  // The database's terms, for matching filter values by their words (field_values.hpp).
  const Xapian::Database& vocabulary() const { return searcher_->vocabulary(); }

 private:
  Result<QueryResult> answer(std::string qid, std::string_view query, const ParsedQuery& parsed, std::size_t limit,
                             bool highlight, const Retrieval& retrieval);
  // What parsing a query needs of the session, for articles of `langs` (empty: all).
  QueryContext query_context(const std::vector<std::string>& langs) const;
  // `query` corrected when the correction finds more than `at_least` articles (within
  // `filter`), else "".
  std::string correction(std::string_view query, std::uint64_t at_least, const Xapian::Query& filter,
                         const std::vector<std::string>& langs);

  SearchSession(std::unique_ptr<PassageSearcher> searcher, SessionOptions options)
      : searcher_(std::move(searcher)), options_(std::move(options)) {}

  std::unique_ptr<PassageSearcher> searcher_;
  SessionOptions options_;
  Analyzer analyzer_;
};

}  // namespace cs::searcher
