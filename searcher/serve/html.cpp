#include "searcher/serve/html.hpp"

#include <httplib.h>

namespace cs::searcher {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t':
      case '\n': out += c; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

std::string page_url(const std::string& path, const std::multimap<std::string, std::string>& params) {
  return escape_html(httplib::append_query_params(path, httplib::Params(params.begin(), params.end())));
}

std::string path_url(const std::string& prefix, const std::string& text) {
  std::string encoded;
  std::size_t start = 0;
  for (std::size_t slash = text.find('/'); ; slash = text.find('/', start)) {
    encoded += httplib::detail::encode_query_param(text.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    encoded += '/';
    start = slash + 1;
  }
  return escape_html(prefix + encoded);
}

}  // namespace cs::searcher
