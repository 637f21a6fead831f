// The web page's HTML, written from the results model (no Xapian, no I/O): the frame with
// the search box, the hits with their highlighted passages, the facets and timeline that
// narrow a search, the pager, and the article view. Every document field is escaped where
// it is written (html.hpp); every link is built from the URL's parameters, so the URL holds
// the whole state.
#pragma once

#include <string>

#include "searcher/results.hpp"
#include "searcher/serve/request_params.hpp"

namespace cs::searcher {

// A whole page: `title` in the tab, the search box holding `query`, then `body`.
std::string html_page(const std::string& title, const std::string& query, const std::string& body);

// A paragraph saying `text` (escaped); an error stands out.
std::string html_message(const std::string& text, bool error);

// The front page's line under the search box: the articles held, and how to ask.
std::string html_front_page(const IndexStats& index);

// How a search page was asked for: its parameters (the URL's), and the page size.
struct SearchPageView {
  const Params& params;
  std::size_t page_size = 10;
  std::size_t offset = 0;
  std::size_t max_hits = 1000;  // no page reaches past it
};

// The count line, notes, suggestion, active filters, hits, facets, timeline and pager.
std::string html_results(const QueryResult& result, const SearchPageView& view);

// The article whole: title, fields, links, and every passage (those holding the query's
// words marked and highlighted); `search` is the search it was opened from ("← results").
std::string html_article(const ArticleView& article, const Params& search);

}  // namespace cs::searcher
