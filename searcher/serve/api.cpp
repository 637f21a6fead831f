#include "searcher/serve/api.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <sstream>

#include "common/exception_error.hpp"
#include "searcher/output/result_writer.hpp"
#include "searcher/serve/server_log.hpp"

namespace cs::searcher {

namespace {

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

ApiResponse failure(const Error& error, int status) {
  if (status >= 500) log_server_error(error);
  return {status, json_line(error_object(error))};
}

ApiResponse failure(const Error& error) {
  if (error.kind == ErrorKind::kDatabase) {
    log_server_error(error);
    // The reason may name the database's folder: the client is told what to do instead.
    return api_error(503, "no database to search yet, or it cannot be read: run cs-index (the server's log says more)");
  }
  return failure(error, status_of(error));
}

Error bad_request(std::string reason, std::string hint = "") {
  return Error{ErrorKind::kUsage, "", "", std::move(reason), std::move(hint)};
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
  ParamsRequest asked = request_from_params(params, defaults_, limits_);
  if (asked.error) return failure(*asked.error, asked.status);
  SearchRequest& request = asked.request;
  if (like_article == nullptr && request.query.empty()) return failure(bad_request("no query given", "add q=WORDS"), 400);
  request.qid = qid;
  if (like_article != nullptr) request.like_article_id = *like_article;
  const std::size_t offset = asked.offset;
  const bool explain = asked.explain;
  auto lease = pool_.lend();
  if (!lease) return failure(lease.error());
  auto result = (**lease)->search(request);
  if (result) log_shard_warnings(result->results.shards);
  if (!result) {
    // An article /api/like does not know is not found, not a bad request.
    if (like_article != nullptr && result.error().kind == ErrorKind::kQuery) return failure(result.error(), 404);
    return failure(result.error());
  }
  leave_out_first(*result, offset);
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
