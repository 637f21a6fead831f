#include "common/failpoint.hpp"

#include <signal.h>
#include <unistd.h>
#include <xapian.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace cs {

namespace {

enum class Action { kKill, kPause, kThrowXapian, kThrowStd, kThrowFilesystem, kThrowIcu };

struct Point {
  std::string name;
  unsigned long at = 0;  // the hit that acts, from 1
  Action action = Action::kKill;
  std::atomic<unsigned long> hits{0};
};

[[noreturn]] void malformed(const std::string& spec, const std::string& why) {
  throw std::invalid_argument("CS_FAILPOINT=" + spec + ": " + why +
                              " (NAME:N[:kill|pause|throw-xapian|throw-std|throw-fs|throw-icu], comma-separated)");
}

std::vector<std::unique_ptr<Point>> parse(const std::string& spec) {
  std::vector<std::unique_ptr<Point>> points;
  std::size_t start = 0;
  while (start <= spec.size()) {
    const std::size_t end = std::min(spec.find(',', start), spec.size());
    const std::string item = spec.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    auto point = std::make_unique<Point>();
    const std::size_t colon = item.find(':');
    if (colon == 0 || colon == std::string::npos) malformed(spec, "'" + item + "' has no NAME:N");
    point->name = item.substr(0, colon);
    const std::size_t second = item.find(':', colon + 1);
    const std::string count = item.substr(colon + 1, second == std::string::npos ? std::string::npos : second - colon - 1);
    if (count.empty() || count.find_first_not_of("0123456789") != std::string::npos || count.size() > 9 ||
        std::stoul(count) == 0) {
      malformed(spec, "'" + count + "' is not a count from 1");
    }
    point->at = std::stoul(count);
    const std::string action = second == std::string::npos ? "kill" : item.substr(second + 1);
    if (action == "kill") {
      point->action = Action::kKill;
    } else if (action == "pause") {
      point->action = Action::kPause;
    } else if (action == "throw-xapian") {
      point->action = Action::kThrowXapian;
    } else if (action == "throw-std") {
      point->action = Action::kThrowStd;
    } else if (action == "throw-fs") {
      point->action = Action::kThrowFilesystem;
    } else if (action == "throw-icu") {
      point->action = Action::kThrowIcu;
    } else {
      malformed(spec, "unknown action '" + action + "'");
    }
    points.push_back(std::move(point));
  }
  return points;
}

// The points of CS_FAILPOINT, parsed once; none when it is unset.
const std::vector<std::unique_ptr<Point>>& points() {
  static const std::vector<std::unique_ptr<Point>> parsed = [] {
    const char* spec = std::getenv("CS_FAILPOINT");
    return spec == nullptr ? std::vector<std::unique_ptr<Point>>{} : parse(spec);
  }();
  return parsed;
}

void act(const Point& point) {
  const std::string where = "failpoint " + point.name;
  switch (point.action) {
    case Action::kKill:
      ::kill(::getpid(), SIGKILL);
      std::abort();  // not reached
    case Action::kPause:
      ::kill(::getpid(), SIGSTOP);  // returns once the process is continued
      return;
    case Action::kThrowXapian:
      throw Xapian::DatabaseError(where + ": injected Xapian error");
    case Action::kThrowStd:
      throw std::bad_alloc();
    case Action::kThrowFilesystem:
      throw std::filesystem::filesystem_error(where, std::filesystem::path("/failpoint"),
                                              std::make_error_code(std::errc::io_error));
    case Action::kThrowIcu:
      // The analyzer's own words when ICU cannot load its data (common/analyzer.cpp).
      throw std::runtime_error("ICU break iterator unavailable: U_MISSING_RESOURCE_ERROR (" + where + ")");
  }
}

// Set once CS_FAILPOINT is known to be unset, so a point then costs one relaxed load.
std::atomic<bool> unset{false};

}  // namespace

void failpoint(std::string_view name) {
  if (unset.load(std::memory_order_relaxed)) return;
  const auto& all = points();
  if (all.empty()) {
    unset.store(true, std::memory_order_relaxed);
    return;
  }
  for (const auto& point : all) {
    if (point->name == name && ++point->hits == point->at) act(*point);
  }
}

}  // namespace cs
