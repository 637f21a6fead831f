// Makes document text safe to print: no control characters, escape sequences or
// bidirectional overrides from a document ever reach the user's terminal.
#pragma once

#include <string>
#include <string_view>

namespace cs::terminal {

// Returns `text` with invalid UTF-8 replaced by U+FFFD; C0/C1 control characters (except
// '\t', and '\n' when keep_newlines) and DEL removed; ESC sequences removed whole; Unicode
// bidi embedding/override/isolate/mark controls removed. Idempotent.
std::string sanitize(std::string_view text, bool keep_newlines = true);

// Same, then every run of whitespace (newlines and tabs included) becomes one space:
// for single-line fields such as titles and TSV cells.
std::string sanitize_line(std::string_view text);

// True when the file descriptor is a terminal.
bool is_terminal(int fd);

}  // namespace cs::terminal
