// How a word is written, read before it is folded: apostrophes (ASCII and typeset), the
// English possessive, the elisions of French and Italian, the suffix Turkish writes after a
// name's apostrophe, and the hyphens that join a name.
// The analyzer (analyzer.hpp) cuts every word of articles and queries by these rules, so
// that both meet on the word itself.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace cs::written_forms {

// Each typeset apostrophe (U+2019, U+02BC) of `word` made U+0027, in place.
void straighten_apostrophes(std::string& word);

// Whether `text` is one apostrophe, ASCII or typeset.
bool is_apostrophe(std::string_view text);

// `surface` without an English possessive "'s" ("Jinping's" -> "Jinping").
std::string_view without_possessive(std::string_view surface);

// Whether `surface` may begin with an elision: false means elision_length is 0. A few
// byte compares, which elision_length makes first.
bool may_be_elided(std::string_view surface);

// How many bytes of `surface` an elided article, pronoun or conjunction takes, with its
// apostrophe ("l'Assemblée": 2, "qu’il": 5); 0 when it begins with none.
std::size_t elision_length(std::string_view surface);

// `surface` before its first apostrophe (ASCII or typeset) when text follows it: Turkish
// writes a name's case suffix so ("İzmir'de" -> "İzmir", "AB'ye" ->
// "AB"); else `surface` itself. The analyzer cuts Turkish words by it (analyzer.hpp).
std::string_view before_suffix(std::string_view surface);

// Whether the text between two words is a hyphen that joins them into one name.
bool is_hyphen(std::string_view between);

}  // namespace cs::written_forms
