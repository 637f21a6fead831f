// Writing HTML safely: every document field goes through escape_html where it is written,
// and every link is built from parameters by page_url, never by pasting text into a URL.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace cs::searcher {

// `text` with & < > " ' as character references: safe in element text and in quoted
// attribute values. Control characters but tab and newline are dropped.
std::string escape_html(std::string_view text);

// `path` with `params` as its query string, each name and value percent-encoded (a
// repeated name repeats), escaped for an attribute: href="<page_url(...)>".
std::string page_url(const std::string& path, const std::multimap<std::string, std::string>& params);

// `text` percent-encoded for one path segment of a URL ("/article/<id>": the id's slashes
// stay, everything else unsafe is encoded), escaped for an attribute.
std::string path_url(const std::string& prefix, const std::string& text);

}  // namespace cs::searcher
