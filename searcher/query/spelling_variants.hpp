// British and American spellings of the same English words ("defence" and "defense",
// "labour" and "labor", "organise" and "organize"): British and American outlets report the
// same stories, and a reader types one spelling (a query trial: "defence spending" missed
// the article on Taiwan's "defense spending"). Pairs are kept by the English stemmer's
// stems, so every form of a word ("colours", "coloured") finds the other spelling's.
#pragma once

#include <string>

namespace cs::searcher {

// The English stem of the other spelling of the word whose English stem is `stem`
// ("defenc" -> "defens"), or an empty string when it has none.
const std::string& other_english_spelling(const std::string& stem);

}  // namespace cs::searcher
