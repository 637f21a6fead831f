// The options of a query as a user types them (on the command line, in the config file, or
// as the HTTP API's URL parameters), turned into a SearchRequest by one function, so that
// every front end accepts and rejects the same values with the same messages.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

struct RequestOptions {
  std::string limit = "10";  // a number, or "all"
  std::string sort = "relevance";
  std::string facets;     // "source,year"; empty for none
  std::string histogram;  // "year"...; empty for none
  std::string rerank = "30";
  std::string recency;               // a half-life; empty for none
  std::vector<std::string> weights;  // NAME=VALUE
  std::string bm25;                  // K1,B; empty for the default
  SearchFilters filters;
};

// A SearchRequest (its query, qid and highlight left for the caller to fill) and the hits
// asked for: `limit` may exceed request.limit, which holds one page (kExportPage) at most.
struct RequestPlan {
  SearchRequest request;
  std::size_t limit = 10;  // kAllMatches for "all"
};

// Fails with a kUsage error naming the option and, in its hint, what the option takes.
// `today` (days since 1970-01-01) anchors --recency.
Result<RequestPlan> plan_request(const RequestOptions& options, const Analyzer& analyzer, std::int64_t today);

// Days since 1970-01-01, today (UTC).
std::int64_t days_since_epoch_today();

}  // namespace cs::searcher
