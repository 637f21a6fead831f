#include "searcher/serve/api.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <set>
#include <sstream>

#include "common/exception_error.hpp"
#include "searcher/output/result_writer.hpp"

namespace cs::searcher {

namespace {

// The parameters of /api/search and /api/like, named as the command line's options.
const std::set<std::string, std::less<>> kSearchParams = {
    "q",     "since",     "until",  "source", "author",  "topic", "lang",   "sort", "limit",
    "offset", "facets", "histogram", "rerank", "explain", "recency", "weight", "bm25"};

std::string json_line(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// The message of `error` for a client: its reason and hint, never a server path.
std::string message_of(const Error& error) {
  return error.reason + (error.hint.empty() ? "" : " (" + error.hint + ")");
}

// {"error": {"message", "column"?}}, the column from a location "column 8".
nlohmann::json error_object(const Error& error) {
  nlohmann::json inner = {{"message", message_of(error)}};
  constexpr std::string_view kColumn = "column ";
  const std::string& at = error.location;
  if (at.starts_with(kColumn)) {
    int column = 0;
    const auto [end, failed] = std::from_chars(at.data() + kColumn.size(), at.data() + at.size(), column);
    if (failed == std::errc()) inner["column"] = column;
  }
  return {{"error", std::move(inner)}};
}

// The status an Error is answered with: the request's fault (400), an unknown article (404),
// no database (503), anything else (500).
int status_of(const Error& error) {
  switch (error.kind) {
    case ErrorKind::kUsage:
    case ErrorKind::kQuery: return 400;
    case ErrorKind::kDatabase: return 503;
    default: return 500;
  }
}

ApiResponse failure(const Error& error, int status) { return {status, json_line(error_object(error))}; }

ApiResponse failure(const Error& error) {
  if (error.kind == ErrorKind::kDatabase) {
    // The reason may name the database's folder: the client is told what to do instead.
    return api_error(503, "no database to search yet, or it cannot be read: run cs-index (the server's log says more)");
  }
  return failure(error, status_of(error));
}

// The last value of `name`, or nullptr.
const std::string* last_value(const Params& params, const std::string& name) {
  const auto [begin, end] = params.equal_range(name);
  return begin == end ? nullptr : &std::prev(end)->second;
}

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
  set("facets", options.facets);
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

ApiResponse api_error(int status, const std::string& message) {
  return {status, json_line({{"error", {{"message", message}}}})};
}

ApiResponse Api::search(const Params& params) { return answer(params, nullptr, "1"); }

ApiResponse Api::like(const std::string& article, const Params& params) {
  if (params.count("q") > 0) return failure(bad_request("/api/like takes no q"), 400);
  return answer(params, &article, "1");
}

ApiResponse Api::answer(const Params& params, const std::string* like_article, const std::string& qid) try {
  for (const auto& [name, value] : params) {
    if (!kSearchParams.contains(name)) {
      return failure(bad_request("unknown parameter '" + name + "'", "see the README's HTTP API"), 400);
    }
  }
  const std::string* query = last_value(params, "q");
  if (like_article == nullptr && (query == nullptr || query->empty())) {
    return failure(bad_request("no query given", "add q=WORDS"), 400);
  }
  if (query != nullptr && query->size() > limits_.query_bytes) {
    return failure(bad_request("the query is longer than " + std::to_string(limits_.query_bytes) + " bytes"), 414);
  }
  bool explain = false;
  if (const std::string* flag = last_value(params, "explain")) {
    const auto parsed = parse_flag(*flag);
    if (!parsed) return failure(bad_request("explain takes 1 or 0, not '" + *flag + "'"), 400);
    explain = *parsed;
  }
  std::size_t offset = 0;
  if (const std::string* text = last_value(params, "offset")) {
    const auto [end, failed] = std::from_chars(text->data(), text->data() + text->size(), offset);
    if (text->empty() || failed != std::errc() || end != text->data() + text->size()) {
      return failure(bad_request("offset takes a number, not '" + *text + "'"), 400);
    }
  }
  thread_local Analyzer analyzer;  // folds filter values while they are checked
  auto plan = plan_request(merge_options(params, defaults_), analyzer, days_since_epoch_today());
  if (!plan) return failure(plan.error(), 400);
  if (plan->limit > limits_.hits || offset > limits_.hits - plan->limit) {
    return failure(bad_request("limit and offset reach at most hit " + std::to_string(limits_.hits),
                               "for every match, run cs-search -n all"),
                   400);
  }
  // The hits before the offset are ranked and dropped, so that every page comes from one
  // ranking (the second stage re-ranks the first pages together).
  SearchRequest request = std::move(plan->request);
  request.qid = qid;
  request.limit = offset + plan->limit;
  if (like_article != nullptr) {
    request.like_article_id = *like_article;
  } else {
    request.query = *query;
  }
  auto lease = pool_.lend();
  if (!lease) return failure(lease.error());
  auto result = (**lease)->search(request);
  if (!result) {
    // An article /api/like does not know is not found, not a bad request.
    if (like_article != nullptr && result.error().kind == ErrorKind::kQuery) return failure(result.error(), 404);
    return failure(result.error());
  }
  const std::size_t dropped = std::min(offset, result->results.hits.size());
  const auto cut = [dropped](auto& list) { list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(dropped)); };
  cut(result->results.hits);
  cut(result->highlights);
  cut(result->snippets);
  result->first_rank = offset + 1;
  return {200, json_document(*result, explain, -1) + "\n"};
} catch (...) {
  return failure(current_exception_error(), 500);
}

ApiResponse Api::article(const std::string& article) try {
  auto lease = pool_.lend();
  if (!lease) return failure(lease.error());
  auto found = (**lease)->article(article);
  if (!found) return found.error().kind == ErrorKind::kQuery ? failure(found.error(), 404) : failure(found.error());
  return {200, json_article(*found, -1) + "\n"};
} catch (...) {
  return failure(current_exception_error(), 500);
}

ApiResponse Api::suggest(const Params& params) try {
  const std::string* query = last_value(params, "q");
  if (query == nullptr) return failure(bad_request("no query given", "add q=WORDS"), 400);
  if (query->size() > limits_.query_bytes) {
    return failure(bad_request("the query is longer than " + std::to_string(limits_.query_bytes) + " bytes"), 414);
  }
  auto lease = pool_.lend();
  if (!lease) return failure(lease.error());
  const Suggestions suggestions = (**lease)->suggest(*query, limits_.completions);
  nlohmann::json completions = nlohmann::json::array();
  for (const Completion& c : suggestions.completions) completions.push_back({{"query", c.query}, {"articles", c.articles}});
  return {200, json_line({{"query", *query},
                          {"spelling", suggestions.spelling.empty() ? nlohmann::json(nullptr) : nlohmann::json(suggestions.spelling)},
                          {"completions", std::move(completions)}})};
} catch (...) {
  return failure(current_exception_error(), 500);
}

ApiResponse Api::batch(const std::string& body) try {
  // A line: {"qid": "7", "q": "...", "since": "2020", "source": ["a", "b"], ...}.
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    lines.push_back(std::move(line));
    if (lines.size() > limits_.batch_queries) {
      return failure(bad_request("a batch holds at most " + std::to_string(limits_.batch_queries) + " queries"), 413);
    }
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string qid = std::to_string(i + 1);
    const auto line_error = [&](const std::string& message) {
      out += json_line({{"qid", qid}, {"error", {{"message", "line " + std::to_string(i + 1) + ": " + message}}}});
    };
    const nlohmann::json item = nlohmann::json::parse(lines[i], nullptr, /*allow_exceptions=*/false);
    if (!item.is_object()) {
      line_error("not a JSON object");
      continue;
    }
    Params params;
    bool readable = true;
    for (const auto& [name, value] : item.items()) {
      if (name == "qid" && (value.is_string() || value.is_number_integer())) {
        qid = value.is_string() ? value.get<std::string>() : value.dump();
      } else if (value.is_string()) {
        params.emplace(name, value.get<std::string>());
      } else if (value.is_number() || value.is_boolean()) {
        params.emplace(name, value.dump());
      } else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
        for (const auto& v : value) params.emplace(name, v.get<std::string>());
      } else {
        line_error("'" + name + "' takes a string, a number or a list of strings");
        readable = false;
        break;
      }
    }
    if (!readable) continue;
    const ApiResponse one = answer(params, nullptr, qid);
    if (one.status == 200) {
      out += one.body;
    } else {
      nlohmann::json failed = nlohmann::json::parse(one.body, nullptr, false);
      failed["qid"] = qid;
      out += json_line(failed);
    }
  }
  return {200, out};
} catch (...) {
  return failure(current_exception_error(), 500);
}

ApiResponse Api::health() {
  auto lease = pool_.lend();
  if (!lease) return failure(lease.error());
  const IndexStats stats = (**lease)->stats();
  return {200, json_line({{"status", "ok"}, {"documents", stats.articles}, {"last_commit", stats.last_commit}})};
}

IndexStats Api::stats() {
  auto lease = pool_.lend();
  return lease ? (**lease)->stats() : IndexStats{};
}

}  // namespace cs::searcher
