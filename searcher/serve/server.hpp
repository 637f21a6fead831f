// cs-search --serve: the HTTP server. It routes requests to the JSON API (api.hpp) and the
// web page (page.hpp), adds the security headers every answer carries, enforces the
// limits on URL, body and time, counts requests for /metrics, and never serves a file.
// cpp-httplib parses HTTP and runs the worker threads.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "searcher/request_options.hpp"
#include "searcher/serve/api.hpp"

namespace cs::searcher {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see SearchServer::port)
  std::vector<std::filesystem::path> dbs;
  Synonyms synonyms;
  ShardPolicy shard_policy;  // --shard-timeout, --strict-shards
  RequestOptions defaults;  // the command line's and config file's options
  unsigned threads = 32;    // workers; a slow client holds one until its read times out
  int read_timeout_seconds = 5;  // a request not read whole by then gets 408
  std::size_t url_bytes = 4096;  // longer gets 414
  std::size_t body_bytes = 1 << 20;  // a longer batch gets 413
  ApiLimits api;
};

// "HOST:PORT", "PORT", ":PORT" or "[::1]:PORT" (host 127.0.0.1 when left out). A kUsage error
// otherwise.
Result<std::pair<std::string, int>> parse_listen_address(std::string_view text);

class SearchServer {
 public:
  explicit SearchServer(ServeOptions options);
  ~SearchServer();

  // Binds the address; with port 0, to a free port, which port() then names. A kUsage
  // error when the address cannot be bound (in use, not this machine's).
  Status bind();
  int port() const { return port_; }
  // Answers requests until stop() (from any thread); true when it stopped cleanly.
  bool run();
  void stop();

 private:
  struct Routes;
  ServeOptions options_;
  std::unique_ptr<Routes> routes_;
  int port_ = 0;
};

}  // namespace cs::searcher
