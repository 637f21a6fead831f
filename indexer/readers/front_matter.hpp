// Splits a Markdown file's YAML front matter ("---" ... "---") from its body and reads it
// with yaml-cpp into a JSON-like tree that record_fields.hpp maps onto an article.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

#include "common/error.hpp"

namespace cs::indexer {

struct FrontMatter {
  nlohmann::json fields = nlohmann::json::object();  // scalars as strings; empty if none
  std::string_view body;                             // the text after the front matter
  std::optional<Error> issue;  // why the front matter was unreadable; fields are then empty
  bool unclosed = false;       // "---" opened a block that never closed: body is plain text
};

// `text` must outlive the result. Text without an opening "---" line is all body. A block
// that is not YAML, is not a mapping, or expands past kMaxNodes nodes (YAML alias bombs) is
// reported in `issue`; its lines are then dropped and the rest is the body. A block that
// never closes is reported too: everything after the opening line is then the body, to be
// read as plain text since no Markdown document starts that way on purpose.
FrontMatter split_front_matter(std::string_view text);

// Limits that keep hostile front matter from using unbounded memory or stack.
inline constexpr std::size_t kMaxFrontMatterNodes = 100000;
inline constexpr std::size_t kMaxFrontMatterDepth = 64;

}  // namespace cs::indexer
