// Reads the lines of a batch file: "QID<TAB>QUERY", or "QUERY" alone (its id is then the
// line number); blank lines and lines starting with '#' are skipped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cs::searcher {

struct BatchQuery {
  std::string qid;
  std::string text;
};

// nullopt for a line to skip. A trailing '\r' (Windows line ends) is ignored.
std::optional<BatchQuery> parse_batch_line(std::string_view line, std::size_t line_number);

}  // namespace cs::searcher
