// Pages saved from a web archive (the Wayback Machine, archive.today) are the page archived:
// its address, site, date and author are the article's, not the archive's. The Wayback
// Machine rewrites a page's links to its own addresses (web.archive.org/web/<time>/<the
// page's address>) and keeps its meta tags; archive.today names the page in
// <meta itemprop="url"> and writes its own name, address and capture time into Open Graph's
// tags (og:site_name "archive.ph", article:published_time). A new user's trial found both
// copies credited to the archive: --source wsj named nothing, and the date was the capture's.
#pragma once

#include <string>
#include <string_view>

namespace cs::indexer {

enum class WebArchive { kNone, kWayback, kArchiveToday };

// The archive whose address `url` is, by its host.
WebArchive archive_of(std::string_view url);

// The page's own address inside a Wayback Machine address ("https://web.archive.org/web/
// 20240523011522/https://www.independent.co.uk/..." gives "https://www.independent.co.uk/...",
// also after "id_" or "im_" flags), or "" for any other address.
std::string wayback_original(std::string_view url);

// Whether `name` is an archive's own name as its pages give it in og:site_name.
bool is_archive_name(std::string_view name);

}  // namespace cs::indexer
