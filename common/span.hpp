// A byte span of text, [begin, end): words, sentences, highlights and snippets.
#pragma once

#include <cstdint>

namespace cs {

struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  bool operator==(const Span&) const = default;
};

}  // namespace cs
