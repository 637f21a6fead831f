#include "common/db_location.hpp"

#include <cstdlib>

namespace cs {

namespace {
std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}
}  // namespace

std::filesystem::path resolve_db_path(const std::string& option) {
  if (!option.empty()) return option;
  if (auto db = env("CS_DB"); !db.empty()) return db;
  if (auto data = env("XDG_DATA_HOME"); !data.empty()) return std::filesystem::path(data) / "cs-search" / "db";
  if (auto home = env("HOME"); !home.empty()) {
    return std::filesystem::path(home) / ".local" / "share" / "cs-search" / "db";
  }
  return "cs-search-db";
}

}  // namespace cs
