#include "searcher/session.hpp"

#include "searcher/snippet.hpp"

namespace cs::searcher {

Result<std::unique_ptr<SearchSession>> SearchSession::open(const std::filesystem::path& db, Xapian::Query filter,
                                                           SortOrder sort) {
  auto searcher = PassageSearcher::open(db);
  if (!searcher) return searcher.error();
  return std::unique_ptr<SearchSession>(new SearchSession(std::move(*searcher), std::move(filter), sort));
}

Result<QueryResult> SearchSession::run(std::string qid, std::string_view query, std::size_t limit,
                                       bool highlight) {
  auto parsed = parse_query(query, analyzer_);
  if (!parsed) return parsed.error();
  auto results = searcher_->search(*parsed, limit, filter_, sort_);
  if (!results) return results.error();
  QueryResult answer{std::move(qid), std::string(query), std::move(*results), {}};
  answer.highlights.reserve(answer.results.hits.size());
  for (const Hit& hit : answer.results.hits) {
    answer.highlights.push_back(highlight ? highlight_spans(hit.record.text, *parsed, analyzer_) : std::vector<Span>{});
  }
  return answer;
}

}  // namespace cs::searcher
