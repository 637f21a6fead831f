// Parses JSON text into nlohmann::json for the JSON and JSON Lines readers: never throws,
// a syntax error comes back as an Error located at its line and column, and \u escapes
// that name no character are repaired first, with a warning, so their record is not lost.
// simdjson reads what it can (most documents, several times as fast as nlohmann's lexer),
// nlohmann the rest, and both give the same value.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"

namespace cs::indexer {

// Deeper nesting is refused (an error naming the limit): no article needs it.
inline constexpr std::size_t kMaxJsonDepth = 500;

// The \u escapes a text holds that name no character, counted by repair_unicode_escapes.
struct BadEscapes {
  std::size_t lone_surrogates = 0;  // \ud800-\udfff not in a high-then-low pair
  std::size_t nuls = 0;             // \u0000
  char16_t first_surrogate = 0;     // the first lone surrogate's code unit, for messages
  std::size_t first_offset = 0;     // byte offset of the first bad escape of either kind
  bool any() const { return lone_surrogates + nuls > 0; }
};

// Every lone surrogate escape in `text`'s strings rewritten as "\ufffd" (U+FFFD), which
// nlohmann accepts, where it refuses the whole document; nothing else changes, and the text
// keeps its length. `\u0000` is counted, not rewritten: nlohmann decodes it to a NUL, which
// clean_text drops with every other control character before any record text is stored.
// An escaped backslash ("\\ud800") is text, not an escape. Returns nullopt, and copies
// nothing, when there is no lone surrogate; `found` counts both kinds either way.
std::optional<std::string> repair_unicode_escapes(std::string_view text, BadEscapes& found);

// A parsed document and, when it held bad \u escapes, the one warning to give about them:
// located at the first one's line ("line 3"), with no path and no hint (the reader says
// what became of the record).
struct ParsedJson {
  nlohmann::json json;
  std::optional<Error> repaired;
};

// `first_line` numbers the text's first line in messages (a JSON Lines record's line).
Result<ParsedJson> parse_json(std::string_view text, std::size_t first_line = 1);

// Documents up to this size are read by simdjson, whose buffers take about 15 bytes a byte
// of the document while it is read; larger ones by nlohmann alone.
inline constexpr std::size_t kMaxSimdjsonBytes = 4 << 20;

// `text` as simdjson reads it, copied into the value nlohmann's parser would give; nullopt
// for what parse_json leaves to nlohmann (errors, a number past 64 bits, -0, nesting past
// kMaxJsonDepth, a document over kMaxSimdjsonBytes). No repair of \u escapes.
std::optional<nlohmann::json> parse_json_with_simdjson(std::string_view text);

}  // namespace cs::indexer
