#include "searcher/serve/page.hpp"

#include "common/exception_error.hpp"
#include "searcher/serve/page_html.hpp"
#include "searcher/serve/server_log.hpp"

namespace cs::searcher {

namespace {

constexpr std::size_t kPageSize = 10;
constexpr const char* kNoDatabase = "There is no database to search yet, or it cannot be read: run cs-index.";

// The timeline's period: years, or the months of a one-year range, or the days of a
// one-month range (a bar followed narrows to one period, the next timeline splits it).
std::string timeline_period(const Params& params) {
  const std::string* since = last_value(params, "since");
  const std::string* until = last_value(params, "until");
  if (since == nullptr || until == nullptr || since->size() < 4 || since->substr(0, 4) != until->substr(0, 4)) return "year";
  if (since->size() >= 7 && until->size() >= 7 && since->substr(0, 7) == until->substr(0, 7)) return "day";
  return "month";
}

PageResponse failed(const Error& error, const std::string& query) {
  if (error.kind != ErrorKind::kQuery && error.kind != ErrorKind::kUsage) log_server_error(error);
  if (error.kind == ErrorKind::kDatabase) return {503, html_page("cs-search", query, html_message(kNoDatabase, true))};
  const int status = error.kind == ErrorKind::kQuery || error.kind == ErrorKind::kUsage ? 400 : 500;
  const std::string text = error.reason + (error.location.empty() ? "" : " (" + error.location + ")");
  return {status, html_page("cs-search", query, html_message(text, true))};
}

}  // namespace

WebPage::WebPage(SearcherPool& pool, RequestOptions defaults, ApiLimits limits)
    : pool_(pool), defaults_(std::move(defaults)), limits_(limits) {
  // Each page shows ten hits and what narrows them; the rest of the server's defaults hold.
  defaults_.limit = std::to_string(kPageSize);
  defaults_.facets = "source,author,topic,lang";
}

PageResponse WebPage::search(const Params& params) try {
  const std::string* typed = last_value(params, "q");
  const std::string query = typed == nullptr ? "" : *typed;
  const std::string* like = last_value(params, "like");
  if (query.empty() && like == nullptr) {
    // The front page: what there is to search, and how to ask.
    auto lease = pool_.lend();
    if (!lease) return failed(lease.error(), query);
    return {200, html_page("cs-search", "", html_front_page((**lease)->stats()))};
  }
  RequestOptions defaults = defaults_;
  defaults.histogram = timeline_period(params);
  ParamsRequest asked = request_from_params(params, defaults, limits_, /*lenient=*/true);
  if (asked.error) {
    PageResponse response = failed(*asked.error, query);
    response.status = asked.status;
    return response;
  }
  if (like != nullptr) asked.request.like_article_id = *like;
  auto lease = pool_.lend();
  if (!lease) return failed(lease.error(), query);
  auto result = (**lease)->search(asked.request);
  if (result) log_shard_warnings(result->results.shards);
  if (!result) {
    if (like != nullptr && result.error().kind == ErrorKind::kQuery) return {404, html_page("cs-search", query, html_message(result.error().reason, true))};
    return failed(result.error(), query);
  }
  leave_out_first(*result, asked.offset);
  const SearchPageView view{params, kPageSize, asked.offset, limits_.hits};
  const std::string title = (like != nullptr ? "like " + *like : query) + " \xE2\x80\x93 cs-search";
  return {200, html_page(title, query, html_results(*result, view))};
} catch (...) {
  return failed(current_exception_error(), "");
}

PageResponse WebPage::article(const std::string& article_id, const Params& params) try {
  const std::string* typed = last_value(params, "q");
  const std::string query = typed == nullptr ? "" : *typed;
  if (query.size() > limits_.query_bytes) return {414, html_page("cs-search", "", html_message("The query is too long.", true))};
  auto lease = pool_.lend();
  if (!lease) return failed(lease.error(), query);
  auto article = (**lease)->article(article_id, query);
  std::string note;
  if (!article && article.error().kind == ErrorKind::kQuery && !query.empty()) {
    // The article may exist and the query not parse: then it is shown without highlights.
    note = html_message("The query's words are not highlighted: " + article.error().reason, false);
    article = (**lease)->article(article_id);
  }
  if (!article && article.error().kind == ErrorKind::kQuery) {
    return {404, html_page("Not found \xE2\x80\x93 cs-search", query, html_message("No such article: " + article_id, true))};
  }
  if (!article) return failed(article.error(), query);
  const std::string title = article->record.title.empty() ? article->record.article_id : article->record.title;
  return {200, html_page(title + " \xE2\x80\x93 cs-search", query, note + html_article(*article, params))};
} catch (...) {
  return failed(current_exception_error(), "");
}

PageResponse WebPage::not_found() { return {404, html_page("Not found \xE2\x80\x93 cs-search", "", html_message("No such page.", true))}; }

}  // namespace cs::searcher
