// Turns a file's raw bytes into UTF-8 text, or says why it is not text.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace cs::indexer {

struct DecodedText {
  std::string text;              // valid UTF-8, without a byte order mark
  std::size_t replaced_bytes = 0;  // invalid bytes replaced by U+FFFD
};

// Strips a UTF-8 BOM; converts UTF-16 (LE or BE, with a BOM) through ICU; replaces invalid
// UTF-8 bytes with U+FFFD. Fails (kInput, naming the reason) for binary content: NUL bytes
// in text that is not UTF-16.
Result<DecodedText> decode_source_text(std::string_view bytes);

}  // namespace cs::indexer
