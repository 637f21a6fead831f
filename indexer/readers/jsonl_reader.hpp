// JSON Lines articles (.jsonl, .ndjson): one JSON object per line, each one article with its
// fields mapped by record_fields.hpp. A bad line is reported and skipped; the rest index.
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

class JsonLinesReader final : public Reader {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
