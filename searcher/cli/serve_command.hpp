// cs-search --serve: runs the HTTP server (serve/server.hpp) until SIGINT or SIGTERM, after
// printing the line that names its URL.
#pragma once

#include <functional>

#include "common/error.hpp"
#include "searcher/serve/server.hpp"

namespace cs::searcher {

// Serves until a signal stops it; returns the exit code. `warn` and `fail` print one line
// to standard error each.
int serve_until_signalled(ServeOptions options, const std::function<void(const Error&, const char* severity)>& print);

}  // namespace cs::searcher
