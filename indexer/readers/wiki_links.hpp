// Obsidian's and other note apps' syntax beyond CommonMark, read as the note shows it:
// [[Page]] and [[Page|shown text]] links are their text, ![[image.png]] embeds are not text,
// ==highlights== are their words, a callout's [!type] marker and a task's [ ] box are not
// words. Notes keep such links in their front matter too (source: "[[FT - Rotterdam strike]]").
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace cs::indexer {

// One block of a note's text as it reads.
std::string without_note_syntax(std::string_view text);

// Every string in `fields` (front matter), links read as their text.
void read_note_links(nlohmann::json& fields);

}  // namespace cs::indexer
