#include "searcher/serve/server.hpp"

#include <httplib.h>

#include <chrono>
#include <iostream>

#include "common/exception_error.hpp"
#include "searcher/serve/assets.hpp"
#include "searcher/serve/metrics.hpp"
#include "searcher/serve/page.hpp"
#include "searcher/serve/server_log.hpp"
#include "searcher/serve/searcher_pool.hpp"

namespace cs::searcher {

namespace {

// Every answer: no script, style or image from anywhere but the binary itself, never framed,
// never sniffed into another type, and no referrer leaked to the sites results link to.
const httplib::Headers kSecurityHeaders = {
    {"Content-Security-Policy",
     "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
     "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"},
    {"X-Content-Type-Options", "nosniff"},
    {"X-Frame-Options", "DENY"},
    {"Referrer-Policy", "no-referrer"},
    {"Cache-Control", "no-store"},
};

constexpr const char* kJson = "application/json";

// The route a request is counted under in /metrics: its pattern, never the raw path.
std::string route_of(const std::string& path) {
  for (const char* prefix : {"/api/articles/", "/api/like/"}) {
    if (path.starts_with(prefix)) return std::string(prefix) + "{id}";
  }
  if (path.starts_with("/article/")) return "/article/{id}";
  if (path.starts_with("/static/")) return "/static";
  for (const char* route : {"/api/search", "/api/suggest", "/api/batch", "/healthz", "/metrics", "/"}) {
    if (path == route) return route;
  }
  return "other";
}

bool wants_json(const std::string& path) { return path.starts_with("/api/") || path == "/healthz"; }

// The errors a route does not answer itself (httplib's own), by status.
std::string status_phrase(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "no such page";
    case 405: return "method not allowed (see the Allow header)";
    case 408: return "the request did not arrive in time";
    case 413: return "the request's body is too large";
    case 414: return "the URL is too long";
    default: return "the request failed (status " + std::to_string(status) + ")";
  }
}

// When the request this worker thread is answering arrived (a request is answered on one
// thread from its routing to its log line); for the latency /metrics reports.
thread_local std::chrono::steady_clock::time_point request_start{};

}  // namespace

struct SearchServer::Routes {
  explicit Routes(const ServeOptions& options)
      : pool(options.dbs, options.synonyms, options.shard_policy), api(pool, options.defaults, options.api), page(pool, options.defaults, options.api) {}
  SearcherPool pool;
  Api api;
  WebPage page;
  Metrics metrics;
  httplib::Server http;
};

SearchServer::SearchServer(ServeOptions options) : options_(std::move(options)), routes_(std::make_unique<Routes>(options_)) {
  httplib::Server& http = routes_->http;
  Api& api = routes_->api;
  WebPage& page = routes_->page;
  Metrics& metrics = routes_->metrics;
  const unsigned threads = options_.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_read_timeout(options_.read_timeout_seconds, 0);
  http.set_write_timeout(options_.read_timeout_seconds, 0);
  http.set_keep_alive_timeout(options_.read_timeout_seconds);
  // httplib writes an answer's headers and body apart: with Nagle's algorithm on, the body
  // waited for the client's delayed ACK, about 40 ms (bench/serve-load.sh measured it).
  http.set_tcp_nodelay(true);
  // httplib's default closes a connection after 5 requests; a client keeps its connection.
  http.set_keep_alive_max_count(1000);
  http.set_payload_max_length(options_.body_bytes);
  http.set_default_headers(kSecurityHeaders);
  // SO_REUSEADDR alone: a restarted server binds its port at once, but no other process can
  // bind a port this one listens on (httplib's default adds SO_REUSEPORT, which lets it).
  http.set_socket_options([](socket_t sock) {
    const int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });

  const auto reply = [](httplib::Response& res, const ApiResponse& answer) {
    res.status = answer.status;
    res.set_content(answer.body, kJson);
  };
  // Long URLs are refused before any route sees them.
  const std::size_t url_bytes = options_.url_bytes;
  http.set_pre_routing_handler([url_bytes, reply](const httplib::Request& req, httplib::Response& res) {
    request_start = std::chrono::steady_clock::now();
    if (req.target.size() <= url_bytes) return httplib::Server::HandlerResponse::Unhandled;
    reply(res, api_error(414, "the URL is longer than " + std::to_string(url_bytes) + " bytes"));
    return httplib::Server::HandlerResponse::Handled;
  });
  http.Get("/api/search", [&api, reply](const httplib::Request& req, httplib::Response& res) { reply(res, api.search(req.params)); });
  http.Get("/api/suggest", [&api, reply](const httplib::Request& req, httplib::Response& res) { reply(res, api.suggest(req.params)); });
  http.Get(R"(/api/articles/(.+))", [&api, reply](const httplib::Request& req, httplib::Response& res) {
    if (!req.params.empty()) return reply(res, api_error(400, "/api/articles/{id} takes no parameters"));
    reply(res, api.article(req.matches[1]));
  });
  http.Get(R"(/api/like/(.+))", [&api, reply](const httplib::Request& req, httplib::Response& res) {
    reply(res, api.like(req.matches[1], req.params));
  });
  // The body is read here, so that a client that stops sending mid-body gets 408.
  const std::size_t body_bytes = options_.body_bytes;
  http.Post("/api/batch", [&api, reply, body_bytes](const httplib::Request& req, httplib::Response& res,
                                                     const httplib::ContentReader& read) {
    // A declared length over the limit is refused before httplib reads (and gives up on) it.
    if (req.get_header_value_count("Content-Length") > 0 && req.get_header_value<std::uint64_t>("Content-Length") > body_bytes) {
      return reply(res, api_error(413, "a batch is at most " + std::to_string(body_bytes) + " bytes"));
    }
    std::string body;
    bool too_large = false;
    const bool whole = read([&](const char* data, std::size_t length) {
      too_large = body.size() + length > body_bytes;
      if (!too_large) body.append(data, length);
      return !too_large;
    });
    if (too_large) return reply(res, api_error(413, "a batch is at most " + std::to_string(body_bytes) + " bytes"));
    if (!whole) return reply(res, api_error(408, "the request's body did not arrive in time"));
    const ApiResponse answer = api.batch(body);
    res.status = answer.status;
    res.set_content(answer.body, answer.status == 200 ? "application/x-ndjson" : kJson);
  });
  http.Get("/healthz", [&api, reply](const httplib::Request&, httplib::Response& res) { reply(res, api.health()); });
  http.Get("/metrics", [&api, &metrics](const httplib::Request&, httplib::Response& res) {
    res.set_content(metrics.render(api.stats()), "text/plain; version=0.0.4");
  });
  const auto show = [](httplib::Response& res, const PageResponse& answer) {
    res.status = answer.status;
    res.set_content(answer.html, "text/html; charset=utf-8");
  };
  http.Get("/", [&page, show](const httplib::Request& req, httplib::Response& res) { show(res, page.search(req.params)); });
  http.Get(R"(/article/(.+))", [&page, show](const httplib::Request& req, httplib::Response& res) {
    show(res, page.article(req.matches[1], req.params));
  });
  // The style sheet and script are compiled in (assets.hpp).
  http.Get(R"(/static/[a-z]+\.(css|js))", [](const httplib::Request& req, httplib::Response& res) {
    const auto asset = find_asset(req.path);
    if (!asset) {
      res.status = 404;
      return;
    }
    res.set_content(std::string(asset->body), std::string(asset->content_type));
  });
  // Nothing else exists: no route reads a file, so no path reaches the disk.
  http.set_error_handler([reply](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a route's own error
    // A path that exists, asked with another method: POST /api/search, GET /api/batch.
    const std::string route = route_of(req.path);
    const std::string allowed = route == "/api/batch" ? "POST" : "GET";
    if (res.status == 404 && route != "other" && route != "/static" && req.method != allowed) {
      res.status = 405;
      res.set_header("Allow", allowed);
    }
    if (wants_json(req.path) || res.status != 404) return reply(res, api_error(res.status, status_phrase(res.status)));
    res.set_content(WebPage::not_found().html, "text/html; charset=utf-8");
  });
  http.set_exception_handler([reply](const httplib::Request&, httplib::Response& res, std::exception_ptr thrown) {
    try {
      std::rethrow_exception(thrown);
    } catch (...) {
      log_server_error(current_exception_error());
    }
    reply(res, api_error(500, "internal error (the server's log says more)"));
  });
  http.set_logger([&metrics](const httplib::Request& req, const httplib::Response& res) {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = request_start == std::chrono::steady_clock::time_point{}
                               ? 0.0
                               : std::chrono::duration<double>(now - request_start).count();
    request_start = {};
    metrics.record(route_of(req.path), res.status, seconds);
  });
}

SearchServer::~SearchServer() = default;

Status SearchServer::bind() {
  httplib::Server& http = routes_->http;
  if (options_.port == 0) {
    port_ = http.bind_to_any_port(options_.host);
  } else {
    port_ = http.bind_to_port(options_.host, options_.port) ? options_.port : -1;
  }
  if (port_ < 0) {
    return Error{ErrorKind::kUsage, options_.host + ":" + std::to_string(options_.port), "", "cannot listen there",
                 "is another server on that port? pick another with --serve HOST:PORT"};
  }
  return ok_status();
}

bool SearchServer::run() { return routes_->http.listen_after_bind(); }

void SearchServer::stop() { routes_->http.stop(); }

}  // namespace cs::searcher
