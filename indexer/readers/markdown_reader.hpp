// Markdown articles (.md, .markdown) with optional YAML front matter: metadata from the
// front matter (see record_fields.hpp), text from the CommonMark body parsed by cmark.
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

class MarkdownReader final : public Reader {
 public:
  std::string_view name() const override { return "markdown"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
