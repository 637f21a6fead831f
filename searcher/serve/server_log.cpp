#include "searcher/serve/server_log.hpp"

#include <iostream>
#include <mutex>
#include <string>

#include "common/terminal.hpp"
#include "searcher/shard_warnings.hpp"

namespace cs::searcher {

namespace {

void log_line(const Error& error, const char* severity) {
  static std::mutex mutex;
  static std::string last;
  const std::string line = terminal::sanitize_line(format_error("cs-search", severity, error));
  const std::lock_guard<std::mutex> lock(mutex);
  if (line == last) return;
  last = line;
  std::cerr << line << std::endl;
}

}  // namespace

void log_server_error(const Error& error) { log_line(error, "error"); }

void log_shard_warnings(const ShardCounts& counts) {
  static ShardWarnings warnings;
  for (const Error& warning : warnings.take(counts)) log_line(warning, "warning");
}

}  // namespace cs::searcher
