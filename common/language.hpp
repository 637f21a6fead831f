// Which Snowball stemmer an article's language picks, shared by the indexer (which stems each
// article in its own language) and the searcher (which stems query words in every language
// the index holds, and highlights a passage in its article's language).
#pragma once

#include <string>
#include <string_view>

namespace cs {

// Articles whose language has no stemmer, or is unknown, are indexed word for word.
inline constexpr std::string_view kNoStemmer = "none";

// The name of the Snowball stemmer Xapian offers for `lang` ("english" for "en", "en-US",
// "EN_gb" or "english"; "french" for "fr"), or kNoStemmer for unknown, empty or unstemmed
// languages ("zh", "ja", "xx"). Thread-safe.
std::string stemmer_for(std::string_view lang);

// The tag a language value a user typed stands for: a language's name, in English or in the
// language itself, any case, is its ISO 639 code ("English" -> "en", "Deutsch" -> "de",
// "français" -> "fr"); anything else (a tag such as "pt-BR") is returned as typed. The names
// are ICU's, read once (a few milliseconds) into a table.
std::string language_tag(std::string_view value);

// Whether `text` holds a script written without spaces between words (Chinese, Japanese,
// Thai, Lao, Khmer, Burmese), whose words only the analyzer's dictionaries tell apart.
bool written_without_spaces(std::string_view text);

}  // namespace cs
