// Turns a file's raw bytes into UTF-8 text, or says why it is not text.
#pragma once

#include <string>
#include <string_view>

#include "common/error.hpp"

namespace cs::indexer {

struct DecodedText {
  std::string text;              // valid UTF-8, without a byte order mark
  std::size_t replaced_bytes = 0;  // invalid bytes replaced by U+FFFD
  std::string charset;             // what the bytes were read as ("utf-8", "gb18030", ...)
};

// Strips a UTF-8 BOM; converts UTF-16 (LE or BE, with a BOM) through ICU. Text that is
// mostly valid UTF-8 is UTF-8, each invalid byte U+FFFD (counted in replaced_bytes). Other
// text is legacy: converted from the charset its head declares (<meta charset>,
// <?xml encoding?>), else the one ICU's detector is confident of (GBK, Big5, ISO-8859-x,
// windows-125x ...), else windows-1252, as browsers do; bytes invalid in that charset become
// U+FFFD. Fails (kInput, naming the reason) for binary content: NUL bytes in text that is
// not UTF-16. Line ends are made '\n'; control characters, escape sequences and bidi
// overrides are removed (see terminal.hpp).
Result<DecodedText> decode_source_text(std::string_view bytes);

// Line ends made '\n' (Windows "\r\n" and old Mac "\r" alike), soft hyphens dropped, then
// control characters, terminal escape sequences and bidirectional overrides: what decode_source_text
// does to a file's text, so that no document text that reaches the index, and so no output,
// carries them. Also for text a parser unescaped from a clean file (JSON's "\r" or
// "\u001b", YAML's escapes), which can bring them back.
std::string clean_text(std::string text);

}  // namespace cs::indexer
