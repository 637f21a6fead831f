#include "searcher/cli/batch.hpp"

namespace cs::searcher {

namespace {
std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}
}  // namespace

std::optional<BatchQuery> parse_batch_line(std::string_view line, std::size_t line_number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::string_view content = trim(line);
  if (content.empty() || content.front() == '#') return std::nullopt;
  if (const std::size_t tab = line.find('\t'); tab != std::string_view::npos) {
    const std::string_view qid = trim(line.substr(0, tab));
    const std::string_view query = trim(line.substr(tab + 1));
    if (!qid.empty()) return BatchQuery{std::string(qid), std::string(query)};
  }
  return BatchQuery{std::to_string(line_number), std::string(content)};
}

}  // namespace cs::searcher
