// The paragraph-like pieces of an article's text as a reader found them, before site chrome
// is dropped and the article's title, dateline and byline are taken from them.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace cs::indexer {

struct TextBlock {
  std::string text;          // one line of plain text or one Markdown paragraph, trimmed
  bool after_blank = false;  // a blank line separated it from the block before
  bool indented = false;     // it began with white space
  int heading_level = 0;     // Markdown heading level; 0 for ordinary text
  bool list_item = false;    // a bullet line ("- ", "* ", "• ") or Markdown list item
};

// One block per non-blank line: saved web pages and feed dumps put one paragraph per line.
// A leading bullet is removed from the text and recorded in list_item.
std::vector<TextBlock> plain_text_blocks(std::string_view text);

// Number of space-separated words in `text`.
std::size_t count_words(std::string_view text);

// Visits the space-separated words of `text` in order, stopping at the first for which
// `visit` returns false; true when it visited them all.
template <typename Visit>
bool visit_words(std::string_view text, Visit&& visit) {
  for (std::size_t begin = 0; begin < text.size();) {
    const std::size_t end = std::min(text.find(' ', begin), text.size());
    const std::string_view word = text.substr(begin, end - begin);
    begin = end + 1;
    if (!word.empty() && !visit(word)) return false;
  }
  return true;
}

// count_words(text) when it is at most `limit`, else some number above `limit`: a long
// text is not counted to its end.
std::size_t count_words_up_to(std::string_view text, std::size_t limit);

// Words as a reader counts them: space-separated ones, and for Chinese and Japanese, which
// put no spaces between words, one for every two characters.
std::size_t reading_words(std::string_view text);

// The words of `text` in lower case, any script's letters and digits (with their marks),
// punctuation and spacing dropped: "Ampel-Aus: Olaf Scholz" and "Ampel-Aus – Olaf Scholz"
// are both "ampel", "aus", "olaf", "scholz", and ’ and ' are alike.
std::vector<std::string> plain_words(std::string_view text);

// True when `text` ends a sentence: '.', '!', '?' or the ideographic full stop, before any
// closing quotes, brackets and spaces.
bool ends_sentence(std::string_view text);

}  // namespace cs::indexer
