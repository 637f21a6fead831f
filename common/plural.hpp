// A count with its noun, as people write it: "1 article", "2 articles", "0 warnings".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace cs {

inline std::string count_of(std::uint64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + ' ' + std::string(n == 1 ? one : many);
}

}  // namespace cs
