// JSON Lines articles (.jsonl, .ndjson): one JSON object per line, each one article with its
// fields mapped by record_fields.hpp. A bad line is reported and skipped; the rest index.
#pragma once

#include "indexer/readers/reader.hpp"
#include "indexer/readers/reader_skeleton.hpp"

namespace cs::indexer {

// An object that ends on its first line, and a second line that starts another: JSON Lines,
// whatever the file's name (feed dumps are often saved as .json).
bool looks_like_json_lines(std::string_view head);

// The records of JSON Lines text, one a line; each bad line is an issue.
void list_json_lines(std::string_view text, std::vector<Record>& records, std::vector<Error>& issues);

class JsonLinesReader final : public Reader {
 public:
  std::string_view name() const override { return "jsonl"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
