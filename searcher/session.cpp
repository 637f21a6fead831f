#include "searcher/session.hpp"

#include "searcher/snippet.hpp"

namespace cs::searcher {

Result<std::unique_ptr<SearchSession>> SearchSession::open(const std::filesystem::path& db, SessionOptions options) {
  auto searcher = PassageSearcher::open(db);
  if (!searcher) return searcher.error();
  return std::unique_ptr<SearchSession>(new SearchSession(std::move(*searcher), std::move(options)));
}

Result<QueryResult> SearchSession::run(std::string qid, std::string_view query, std::size_t limit,
                                       bool highlight) {
  auto parsed = parse_query(query, analyzer_);
  if (!parsed) return parsed.error();
  std::unique_ptr<FacetSpy> spy;
  if (!options_.facets.empty() || options_.histogram != Period::kNone) {
    spy = std::make_unique<FacetSpy>(options_.facets, options_.histogram);
  }
  auto results = searcher_->search(*parsed, limit, options_.filter, options_.sort, spy.get());
  if (!results) return results.error();
  QueryResult answer{std::move(qid), std::string(query), std::move(*results), {}};
  answer.highlights.reserve(answer.results.hits.size());
  for (const Hit& hit : answer.results.hits) {
    answer.highlights.push_back(highlight ? highlight_spans(hit.record.text, *parsed, analyzer_) : std::vector<Span>{});
  }
  return answer;
}

}  // namespace cs::searcher
