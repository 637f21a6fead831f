// parse_listen_address, apart from the server (server.cpp): cs-search checks --serve's
// address itself, without linking cpp-httplib (cli/serve_exec.cpp).
#include <charconv>

#include "searcher/serve/server.hpp"

namespace cs::searcher {

Result<std::pair<std::string, int>> parse_listen_address(std::string_view text) {
  std::string host = "127.0.0.1";
  std::string_view port_text = text;
  if (const std::size_t colon = text.rfind(':'); colon != std::string_view::npos) {
    std::string_view given = text.substr(0, colon);
    if (given.size() >= 2 && given.front() == '[' && given.back() == ']') given = given.substr(1, given.size() - 2);
    if (!given.empty()) host = std::string(given);
    port_text = text.substr(colon + 1);
  }
  int port = -1;
  const auto [end, failed] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (port_text.empty() || failed != std::errc() || end != port_text.data() + port_text.size() || port < 0 ||
      port > 65535) {
    return Error{ErrorKind::kUsage, "", "", "--serve takes [HOST:]PORT, not '" + std::string(text) + "'",
                 "e.g. --serve 8080 or --serve 127.0.0.1:8080; port 0 picks a free one"};
  }
  return std::pair{host, port};
}

}  // namespace cs::searcher
