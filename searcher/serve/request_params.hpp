// A request's URL parameters as a SearchRequest, for the JSON API and the web page alike:
// each parameter is the command line's option of that name, over the server's defaults.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "searcher/request_options.hpp"

namespace cs::searcher {

// URL parameters in the order given; a repeated one (source=a&source=b) means any of them.
using Params = std::multimap<std::string, std::string>;

// Bounds on what one request may ask.
struct ApiLimits {
  std::size_t hits = 1000;           // limit + offset of a search
  std::size_t query_bytes = 2000;    // q; longer is 414
  std::size_t batch_queries = 1000;  // lines of /api/batch; more is 413
  std::size_t completions = 8;       // of /api/suggest
};

// The parameters a search takes (q, since, until, source, ..., offset, explain).
bool is_search_param(const std::string& name);

// The last value of `name`, or nullptr.
const std::string* last_value(const Params& params, const std::string& name);

struct ParamsRequest {
  SearchRequest request;  // query and filters set; limit = offset + the hits shown
  std::size_t offset = 0;  // hits ranked and left out before those shown
  bool explain = false;
  // When the parameters are wrong: the error, and 400 (or 414 for a query over the limit).
  std::optional<Error> error;
  int status = 200;
};

// `params` over `defaults` as a search for their q (which may be empty; the caller decides).
// An unknown parameter is an error (the API: a typo must not go unnoticed) unless `lenient`
// (the page: a shared link may carry a tracker's utm_source).
ParamsRequest request_from_params(const Params& params, const RequestOptions& defaults, const ApiLimits& limits,
                                  bool lenient = false);

// Drops the first `offset` hits of `result` (ranked only to rank the rest as one ranking).
void leave_out_first(QueryResult& result, std::size_t offset);

}  // namespace cs::searcher
