// How a passage's text is stored in its value slot (schema::passage_text_slot): compressed
// with Zstandard (compact_text.hpp), which keeps English prose at about 57% of its size, so
// the stored texts stop being the largest part of the index; a hit decodes only the one
// passage it shows, in about two microseconds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cs {

// [1 byte: 0 stored as is, 2 compressed] [the bytes]. A text compression cannot shrink is
// stored as is. (1 was zlib's raw deflate, before schema 9.)
std::string pack_passage_text(std::string_view text);

// The text back; nullopt when `packed` is not what pack_passage_text writes.
std::optional<std::string> unpack_passage_text(std::string_view packed);

}  // namespace cs
