#include "searcher/serve/request_params.hpp"

#include <algorithm>
#include <charconv>
#include <set>

namespace cs::searcher {

namespace {

// The parameters of a search, named as the command line's options.
const std::set<std::string, std::less<>> kSearchParams = {
    "q",      "since",  "until",     "source", "author",  "topic",   "lang",   "sort", "limit",
    "offset", "facets", "histogram", "rerank", "explain", "recency", "weight", "bm25"};

// Every value of `name`, or `fallback` when there is none.
std::vector<std::string> all_values(const Params& params, const std::string& name, const std::vector<std::string>& fallback) {
  const auto [begin, end] = params.equal_range(name);
  if (begin == end) return fallback;
  std::vector<std::string> values;
  for (auto it = begin; it != end; ++it) values.push_back(it->second);
  return values;
}

// explain=1, true, yes or on (or explain alone) is true; 0, false, no or off false.
std::optional<bool> parse_flag(const std::string& text) {
  if (text.empty() || text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

Error bad_request(std::string reason, std::string hint = "") {
  return Error{ErrorKind::kUsage, "", "", std::move(reason), std::move(hint)};
}

// The options of `params` over `defaults`, one by one.
RequestOptions merge_options(const Params& params, RequestOptions options) {
  const auto set = [&](const char* name, std::string& field) {
    if (const std::string* value = last_value(params, name)) field = *value;
  };
  set("limit", options.limit);
  set("sort", options.sort);
  // facets=source&facets=year (or a JSON list in a batch) is facets=source,year.
  if (const std::vector<std::string> facets = all_values(params, "facets", {}); !facets.empty()) {
    options.facets.clear();
    for (const std::string& fields : facets) options.facets += (options.facets.empty() ? "" : ",") + fields;
  }
  set("histogram", options.histogram);
  set("rerank", options.rerank);
  set("recency", options.recency);
  set("bm25", options.bm25);
  set("since", options.filters.since);
  set("until", options.filters.until);
  options.weights = all_values(params, "weight", options.weights);
  options.filters.sources = all_values(params, "source", options.filters.sources);
  options.filters.authors = all_values(params, "author", options.filters.authors);
  options.filters.topics = all_values(params, "topic", options.filters.topics);
  options.filters.langs = all_values(params, "lang", options.filters.langs);
  return options;
}

}  // namespace

bool is_search_param(const std::string& name) { return kSearchParams.contains(name); }

const std::string* last_value(const Params& params, const std::string& name) {
  const auto [begin, end] = params.equal_range(name);
  return begin == end ? nullptr : &std::prev(end)->second;
}

ParamsRequest request_from_params(const Params& params, const RequestOptions& defaults, const ApiLimits& limits,
                                  bool lenient) {
  ParamsRequest out;
  const auto fail = [&out](int status, std::string reason, std::string hint = "") {
    out.error = bad_request(std::move(reason), std::move(hint));
    out.status = status;
    return out;
  };
  for (const auto& [name, value] : params) {
    if (!is_search_param(name) && !lenient) {
      return fail(400, "unknown parameter '" + name + "'", "see the README's HTTP API");
    }
  }
  const std::string* query = last_value(params, "q");
  if (query != nullptr && query->size() > limits.query_bytes) {
    return fail(414, "the query is longer than " + std::to_string(limits.query_bytes) + " bytes");
  }
  if (const std::string* flag = last_value(params, "explain")) {
    const auto parsed = parse_flag(*flag);
    if (!parsed) return fail(400, "explain takes 1 or 0, not '" + *flag + "'");
    out.explain = *parsed;
  }
  if (const std::string* text = last_value(params, "offset")) {
    const auto [end, failed] = std::from_chars(text->data(), text->data() + text->size(), out.offset);
    if (text->empty() || failed != std::errc() || end != text->data() + text->size()) {
      return fail(400, "offset takes a number, not '" + *text + "'");
    }
  }
  thread_local Analyzer analyzer;  // folds filter values while they are checked
  auto plan = plan_request(merge_options(params, defaults), analyzer, days_since_epoch_today());
  if (!plan) {
    out.error = plan.error();
    out.status = 400;
    return out;
  }
  if (plan->limit > limits.hits || out.offset > limits.hits - plan->limit) {
    return fail(400, "limit and offset reach at most hit " + std::to_string(limits.hits), "for every match, run cs-search -n all");
  }
  // The hits before the offset are ranked and left out, so that every page comes from one
  // ranking (the second stage re-ranks the first pages together).
  out.request = std::move(plan->request);
  out.request.limit = out.offset + plan->limit;
  if (query != nullptr) out.request.query = *query;
  return out;
}

void leave_out_first(QueryResult& result, std::size_t offset) {
  const std::size_t dropped = std::min(offset, result.results.hits.size());
  const auto cut = [dropped](auto& list) { list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(dropped)); };
  cut(result.results.hits);
  cut(result.highlights);
  cut(result.snippets);
  result.first_rank = offset + 1;
}

}  // namespace cs::searcher
