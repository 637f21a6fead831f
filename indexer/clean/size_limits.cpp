#include "indexer/clean/size_limits.hpp"

#include "common/utf8.hpp"

namespace cs::indexer {

std::string megabytes(std::uintmax_t bytes) {
  if (bytes < (1u << 20)) return std::to_string((bytes + 512) >> 10) + " KB";
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

void cut_body(std::string& body, std::size_t limit) {
  if (body.size() <= limit) return;
  std::size_t cut = body.rfind("\n\n", limit);
  if (cut == std::string::npos || cut < limit / 2) cut = body.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = utf8::boundary_at_or_before(body, limit);
  }
  body.resize(cut);
  body.shrink_to_fit();
}

}  // namespace cs::indexer
