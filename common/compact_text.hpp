// Short texts compressed one at a time with Zstandard (Debian libzstd-dev): the passage texts
// a hit shows and the article records it reads. At its fastest level a 780-byte English
// passage keeps 57% of its size and comes back in about 2.3 us, where zlib's raw deflate
// kept 55% and took 5.2 us; encoding takes 6 us instead of 16 (a throwaway benchmark over
// the news corpus's passages, 2026-12-06). Contexts are kept per thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cs::compact_text {

// `text` as one Zstandard frame that records its size, or nullopt when that is no shorter.
std::optional<std::string> compress(std::string_view text);

// Whether `bytes` begin as a frame compress() writes does (Zstandard's magic number).
bool is_compressed(std::string_view bytes);

// The text of the frame `bytes`; nullopt when they are no whole frame, are malformed or
// hold more than `max_bytes`. Frames carry no checksum (the database has none either): a
// byte changed inside one may come back as other text.
std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes);

}  // namespace cs::compact_text
