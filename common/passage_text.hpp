// How a passage's text is stored in its value slot (schema::passage_text_slot): deflated
// (zlib's raw format, at its fastest level), which keeps it at about 57% of its size on
// English prose, so the stored texts stop being the largest part of the index; one
// passage inflates in a few microseconds, and a hit inflates only the one it shows.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace cs {

// [1 byte: 0 stored as is, 1 deflated] [the bytes]. A text deflate cannot shrink is
// stored as is.
std::string pack_passage_text(std::string_view text);

// The text back; nullopt when `packed` is not what pack_passage_text writes.
std::optional<std::string> unpack_passage_text(std::string_view packed);

}  // namespace cs
