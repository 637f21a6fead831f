#include "searcher/serve/server_log.hpp"

#include <iostream>
#include <mutex>
#include <string>

#include "common/terminal.hpp"

namespace cs::searcher {

void log_server_error(const Error& error) {
  static std::mutex mutex;
  static std::string last;
  const std::string line = terminal::sanitize_line(format_error("cs-search", "error", error));
  const std::lock_guard<std::mutex> lock(mutex);
  if (line == last) return;
  last = line;
  std::cerr << line << std::endl;
}

}  // namespace cs::searcher
