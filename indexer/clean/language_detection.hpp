// The language of an article that does not declare one, detected from its text with CLD2
// (Compact Language Detector 2, Debian's libcld2).
#pragma once

#include <string>
#include <string_view>

namespace cs::indexer {

// A BCP 47 tag for the language most of `text` (valid UTF-8) is in ("en", "fr", "zh",
// "zh-Hant"), or "" when CLD2 is not sure: too little text, or a mixture.
std::string detect_language(std::string_view text);

}  // namespace cs::indexer
