#include "common/schema.hpp"

#include <cstdio>
#include <functional>

namespace cs::schema {

namespace {
// Xapian's documented maximum term length for the glass backend.
constexpr std::size_t kMaxTermBytes = 245;
}  // namespace

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016zx", std::hash<std::string_view>{}(value));
  term.resize(kMaxTermBytes - 17);
  // Do not leave half a UTF-8 sequence before the hash.
  while (!term.empty() && (static_cast<unsigned char>(term.back()) & 0xC0) == 0x80) term.pop_back();
  if (!term.empty() && static_cast<unsigned char>(term.back()) >= 0xC0) term.pop_back();
  term.append(hash);
  return term;
}

}  // namespace cs::schema
