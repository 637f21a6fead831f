// A search session: one open database and one analyzer, answering queries one after
// another (a single query, or every line of a batch) without reopening anything.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.hpp"
#include "searcher/retrieve.hpp"

namespace cs::searcher {

// One query's answer, ready for a ResultWriter.
struct QueryResult {
  std::string qid;
  std::string query;
  SearchResults results;
  std::vector<std::vector<Span>> highlights;  // per hit, byte spans of its passage text
  std::vector<Span> snippets;                 // per hit, the sentences of its passage to show
  std::string suggestion;  // a corrected query when this one found nothing ("did you mean")
};

// What applies to every query of a session.
struct SessionOptions {
  Xapian::Query filter;  // see filters.hpp; empty for none
  SortOrder sort = SortOrder::kRelevance;
  std::vector<FacetField> facets;  // counted over each query's whole match set
  Period histogram = Period::kNone;
  Synonyms synonyms;  // --synonyms FILE; empty for none
  Ranking ranking;    // --rerank, --recency
};

class SearchSession {
 public:
  // The databases are searched as one (see PassageSearcher::open).
  static Result<std::unique_ptr<SearchSession>> open(const std::vector<std::filesystem::path>& dbs,
                                                     SessionOptions options = {});

  // Parses, retrieves and, when asked, finds the query's words in each passage (otherwise
  // QueryResult::highlights holds an empty list per hit, and each snippet is the whole passage). Query errors are kQuery, database
  // errors kDatabase.
  Result<QueryResult> run(std::string qid, std::string_view query, std::size_t limit, bool highlight);
  // The same for articles like `article_id` (see PassageSearcher::like_query).
  Result<QueryResult> run_like(std::string qid, const std::string& article_id, std::size_t limit, bool highlight);

 private:
  Result<QueryResult> answer(std::string qid, std::string_view query, const ParsedQuery& parsed, std::size_t limit,
                             bool highlight);

  SearchSession(std::unique_ptr<PassageSearcher> searcher, SessionOptions options)
      : searcher_(std::move(searcher)), options_(std::move(options)) {}

  std::unique_ptr<PassageSearcher> searcher_;
  SessionOptions options_;
  Analyzer analyzer_;
};

}  // namespace cs::searcher
