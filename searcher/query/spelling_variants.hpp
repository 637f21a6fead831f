// British and American spellings of the same English words ("defence" and "defense",
// "labour" and "labor", "colour" and "color"): British and American outlets report the
// same stories, and a reader types one spelling (a query trial: "defence spending" missed
// the article on Taiwan's "defense spending"). Pairs are kept by the English stemmer's
// stems, so every form of a word ("colours", "coloured") finds the other spelling's.
#pragma once

#include <span>
#include <string_view>

namespace cs::searcher {

// One word written two ways, with each spelling's English (Snowball) stem. The stems are
// written out rather than computed when a query first needs them: stemming the table took
// a tenth of a millisecond of every cs-search command. A test stems the words again.
struct SpellingPair {
  std::string_view british, american;
  std::string_view british_stem, american_stem;
};

std::span<const SpellingPair> english_spelling_pairs();

// The English stem of the other spelling of the word whose English stem is `stem`
// ("defenc" -> "defens"), or an empty view when it has none.
std::string_view other_english_spelling(std::string_view stem);

}  // namespace cs::searcher
