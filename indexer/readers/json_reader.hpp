// JSON articles (.json): one object, an array of objects, or an object holding the array
// under "articles", "items", "results", "data", "documents" or "stories" (news APIs answer
// that way). Each object is one article, its fields mapped by record_fields.hpp.
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

class JsonReader final : public Reader {
 public:
  std::string_view name() const override { return "json"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
