// Parses JSON text with nlohmann::json for the JSON and JSON Lines readers: never throws,
// and a syntax error comes back as an Error located at its line and column.
#pragma once

#include <nlohmann/json.hpp>

#include <string_view>

#include "common/error.hpp"

namespace cs::indexer {

// Deeper nesting is refused (an error naming the limit): no article needs it.
inline constexpr std::size_t kMaxJsonDepth = 500;

// `first_line` numbers the text's first line in messages (a JSON Lines record's line).
Result<nlohmann::json> parse_json(std::string_view text, std::size_t first_line = 1);

}  // namespace cs::indexer
