// Plain-text articles (.txt, .text, or no extension): one paragraph per line, title and
// metadata from the lead-in lines (see clean/article_text.hpp).
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

class TextReader final : public Reader {
 public:
  std::string_view name() const override { return "text"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
