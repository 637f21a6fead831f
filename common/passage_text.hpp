// How a passage's text is stored in its value slot (schema::passage_text_slot): with its
// sentences, which the searcher cuts snippets from (ICU's sentence breaks of the passage,
// found once by cs-index instead of for every hit shown: 4 to 8% of a query), and
// compressed with Zstandard (compact_text.hpp), which keeps English prose at about 38% of
// its size with the database's dictionary (57% without); a hit decodes only the one passage
// it shows, in one or two microseconds.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/compact_text.hpp"
#include "common/span.hpp"

namespace cs {

struct PassageText {
  std::string text;
  std::vector<Span> sentences;  // in order, covering the text
};

// [1 byte: 0 stored as is, 2 compressed] [varint: sentences] [varint: each one's bytes]
// [the text's bytes, compressed or as is]. A text compression cannot shrink is stored as
// is. (1 was zlib's raw deflate, before schema 9.) `sentences` must cover `text`, in order.
// With a `dictionary` (the database's, stored_dictionaries.hpp) the frame is primed with
// it and names it.
std::string pack_passage_text(std::string_view text, std::span<const Span> sentences,
                              const compact_text::Dictionary* dictionary = nullptr);

// The text and its sentences back; nullopt when `packed` is not what pack_passage_text
// writes, or its frame names a dictionary `dictionaries` does not find.
std::optional<PassageText> unpack_passage_text(std::string_view packed, const compact_text::DictionaryLookup& dictionaries);

}  // namespace cs
