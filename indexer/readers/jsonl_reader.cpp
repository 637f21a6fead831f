#include "indexer/readers/jsonl_reader.hpp"

#include "indexer/readers/json_parse.hpp"
#include "indexer/readers/reader_skeleton.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".jsonl", ".ndjson"};

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view trim_right(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

}  // namespace

std::span<const std::string_view> JsonLinesReader::extensions() const { return kExtensions; }

bool looks_like_json_lines(std::string_view head) {
  head.remove_prefix(std::min(head.size(), head.find_first_not_of(" \t\r\n")));
  const std::size_t newline = head.find('\n');
  if (!head.starts_with('{') || newline == std::string_view::npos) return false;
  return trim_right(head.substr(0, newline)).ends_with('}') && head.substr(newline + 1).starts_with('{');
}

void list_json_lines(std::string_view text, std::vector<Record>& records, std::vector<Error>& issues) {
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    if (is_blank(line)) continue;
    auto record = parse_json(line, line_number);
    if (!record) {
      Error issue = record.error();
      if (issue.location.empty()) issue.location = "line " + std::to_string(line_number);
      issue.hint = "line skipped";
      issues.push_back(std::move(issue));
      continue;
    }
    const std::string location = "line " + std::to_string(line_number);
    if (!record->json.is_object()) {
      issues.push_back(Error{ErrorKind::kInput, "", location, "not a JSON object", "line skipped"});
      continue;
    }
    records.push_back(Record{std::move(record->json), location, "#" + std::to_string(line_number),
                             std::move(record->repaired)});
  }
}

bool JsonLinesReader::sniff(std::string_view head) const { return looks_like_json_lines(head); }

ReadResult JsonLinesReader::read(const SourceFile& file) const { return read_records(file, list_json_lines); }

}  // namespace cs::indexer
