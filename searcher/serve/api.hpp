// The HTTP JSON API's answers, apart from HTTP itself (server.hpp routes requests here):
// each endpoint takes the request's parameters as plain strings and returns a status and
// a JSON body. Results are exactly what `cs-search --format json` prints for the same
// query and options; errors are {"error": {"message": ..., "column": N}}.
#pragma once

#include <cstddef>
#include <map>
#include <string>

#include "searcher/request_options.hpp"
#include "searcher/serve/request_params.hpp"
#include "searcher/serve/searcher_pool.hpp"

namespace cs::searcher {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON, one line and a newline; JSON Lines for /api/batch
};

class Api {
 public:
  // `defaults`: the options the server was started with (command line, config file), which
  // a request's parameters replace one by one.
  Api(SearcherPool& pool, RequestOptions defaults, ApiLimits limits)
      : pool_(pool), defaults_(std::move(defaults)), limits_(limits) {}

  // GET /api/search?q=...&since=...: every option of the command line as a parameter.
  ApiResponse search(const Params& params);
  // GET /api/like/{id}: the articles like one, with the same parameters but q.
  ApiResponse like(const std::string& article, const Params& params);
  // GET /api/articles/{id}: the article whole, as cs-search --show ID --format json.
  ApiResponse article(const std::string& article);
  // GET /api/suggest?q=: {"query", "spelling", "completions": [{"query", "articles"}]}.
  ApiResponse suggest(const Params& params);
  // POST /api/batch: a JSON object a line ({"qid": "1", "q": "...", other parameters}), and
  // a line of results (the query's object) or of {"qid", "error"} for each.
  ApiResponse batch(const std::string& body);
  // GET /healthz: {"status": "ok", "documents": N, "last_commit": T}, or 503 without a database.
  ApiResponse health();
  // The database's articles and newest commit, for /metrics (zeros without a database).
  IndexStats stats();

 private:
  ApiResponse answer(const Params& params, const std::string* like_article, const std::string& qid);

  SearcherPool& pool_;
  RequestOptions defaults_;
  ApiLimits limits_;
};

// {"error": {"message": MESSAGE}} with `status`.
ApiResponse api_error(int status, const std::string& message);

}  // namespace cs::searcher
