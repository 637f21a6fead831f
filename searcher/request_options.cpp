#include "searcher/request_options.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>

namespace cs::searcher {

namespace {

constexpr std::size_t kMaxRerank = 100000;

Error usage(std::string reason, std::string hint = "") {
  return Error{ErrorKind::kUsage, "", "", std::move(reason), std::move(hint)};
}

}  // namespace

std::int64_t days_since_epoch_today() {
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
}

Result<RequestPlan> plan_request(const RequestOptions& options, const Analyzer& analyzer, std::int64_t today) {
  RequestPlan plan;
  SearchRequest& request = plan.request;
  auto limit = parse_limit(options.limit);
  if (!limit) return limit.error();
  plan.limit = *limit;
  // A query shows `limit` hits, a page (kExportPage) at a time when there are more.
  request.limit = std::min(plan.limit, kExportPage);
  auto sort = parse_sort_order(options.sort);
  if (!sort) return sort.error();
  request.sort = *sort;
  if (Status checked = check_filters(options.filters, analyzer); !checked) return checked.error();
  request.filters = options.filters;
  if (!options.facets.empty()) {
    auto fields = parse_facet_fields(options.facets);
    if (!fields) return fields.error();
    request.facets = std::move(*fields);
  }
  if (!options.histogram.empty()) {
    auto period = parse_period(options.histogram);
    if (!period) return period.error();
    request.histogram = *period;
  }
  std::size_t rerank = 0;
  const std::string& depth = options.rerank;
  const auto [end, error] = std::from_chars(depth.data(), depth.data() + depth.size(), rerank);
  if (depth.empty() || error != std::errc() || end != depth.data() + depth.size() || rerank > kMaxRerank) {
    return usage("--rerank takes a number from 0 to " + std::to_string(kMaxRerank) + ", not '" + depth + "'",
                 "0: articles by BM25 alone");
  }
  request.ranking.second_stage = rerank > 0;
  // At most a page of a long export is re-ranked, whatever the limit: deeper, re-ranking
  // would move articles between pages, shown twice or never, and a depth that held only
  // below the page's size would make a longer list begin unlike a shorter one.
  request.ranking.depth = std::min(rerank, kExportPage);
  auto weights = parse_weights(options.weights, request.ranking.weights);
  if (!weights) return weights.error();
  request.ranking.weights = *weights;
  if (!options.bm25.empty()) {
    auto bm25 = parse_bm25(options.bm25);
    if (!bm25) return bm25.error();
    request.ranking.bm25 = *bm25;
  }
  if (!options.recency.empty()) {
    auto half_life = parse_half_life(options.recency);
    if (!half_life) return half_life.error();
    if (rerank == 0) return usage("--recency needs the second stage (--rerank above 0)");
    request.ranking.weights.recency_half_life_days = *half_life;
    request.ranking.today = today;
  }
  return plan;
}

}  // namespace cs::searcher
