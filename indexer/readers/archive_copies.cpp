#include "indexer/readers/archive_copies.hpp"

#include "common/ascii.hpp"
#include "indexer/readers/html_metadata.hpp"

namespace cs::indexer {

namespace {

// archive.today's names: it answers under each of them.
constexpr std::string_view kArchiveTodayHosts[] = {"archive.today", "archive.ph", "archive.is", "archive.li",
                                                   "archive.vn",    "archive.md", "archive.fo"};

}  // namespace

WebArchive archive_of(std::string_view url) {
  const std::string host = url_host(url);
  if (host == "web.archive.org" || host == "wayback.archive.org") return WebArchive::kWayback;
  for (const std::string_view name : kArchiveTodayHosts) {
    if (host == name) return WebArchive::kArchiveToday;
  }
  return WebArchive::kNone;
}

std::string wayback_original(std::string_view url) {
  if (archive_of(url) != WebArchive::kWayback) return {};
  const std::size_t web = url.find("/web/");
  if (web == std::string_view::npos) return {};
  std::string_view rest = url.substr(web + 5);
  // The capture's time: digits, perhaps a flag ("20240523011522id_"), then "/".
  const std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || !is_ascii_digit(rest.front())) return {};
  rest.remove_prefix(slash + 1);
  if (!rest.starts_with("http://") && !rest.starts_with("https://")) return {};
  return std::string(rest);
}

bool is_archive_name(std::string_view name) {
  const std::string lower = ascii_lower(name);
  if (lower == "wayback machine" || lower == "internet archive" || lower == "archive.org") return true;
  for (const std::string_view host : kArchiveTodayHosts) {
    if (lower == host) return true;
  }
  return false;
}

}  // namespace cs::indexer
