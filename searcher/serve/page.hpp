// The web page of cs-search --serve: a search page at / and an article view at
// /article/{id}, rendered on the server (page_html.hpp), so they work without JavaScript;
// the script (assets.hpp) only enhances them. The page asks the same Searcher as the API.
#pragma once

#include <string>

#include "searcher/request_options.hpp"
#include "searcher/serve/request_params.hpp"
#include "searcher/serve/searcher_pool.hpp"

namespace cs::searcher {

struct PageResponse {
  int status = 200;
  std::string html;
};

class WebPage {
 public:
  WebPage(SearcherPool& pool, RequestOptions defaults, ApiLimits limits);

  // GET /?q=...&source=...&since=...&offset=...: a search box; with q (or like=ID) the
  // results, facets and timeline, each link narrowing the search.
  PageResponse search(const Params& params);
  // GET /article/{id}?q=...: the article whole, the query's words highlighted.
  PageResponse article(const std::string& article_id, const Params& params);
  // Any other path.
  static PageResponse not_found();

 private:
  SearcherPool& pool_;
  RequestOptions defaults_;
  ApiLimits limits_;
};

}  // namespace cs::searcher
