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
};

class SearchSession {
 public:
  // `filter` (see filters.hpp) and `sort` apply to every query of the session.
  static Result<std::unique_ptr<SearchSession>> open(const std::filesystem::path& db, Xapian::Query filter = {},
                                                     SortOrder sort = SortOrder::kRelevance);

  // Parses, retrieves and, when asked, finds the query's words in each passage (otherwise
  // QueryResult::highlights holds an empty list per hit). Query errors are kQuery, database
  // errors kDatabase.
  Result<QueryResult> run(std::string qid, std::string_view query, std::size_t limit, bool highlight);

 private:
  SearchSession(std::unique_ptr<PassageSearcher> searcher, Xapian::Query filter, SortOrder sort)
      : searcher_(std::move(searcher)), filter_(std::move(filter)), sort_(sort) {}

  std::unique_ptr<PassageSearcher> searcher_;
  Xapian::Query filter_;
  SortOrder sort_;
  Analyzer analyzer_;
};

}  // namespace cs::searcher
