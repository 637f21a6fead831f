// The web page's style sheet and script, compiled into the binary: the page loads nothing
// from anywhere else, so it works offline and under a Content-Security-Policy of 'self'.
#pragma once

#include <optional>
#include <string_view>

namespace cs::searcher {

struct Asset {
  std::string_view content_type;
  std::string_view body;
};

// The asset served at `path` ("/static/app.css", "/static/app.js"), if any.
std::optional<Asset> find_asset(std::string_view path);

}  // namespace cs::searcher
