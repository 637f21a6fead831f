// The size limits of a run as the user sees them: sizes written for messages, and an
// article's text cut to --max-article-size where the cut loses least.
#pragma once

#include <cstdint>
#include <string>

namespace cs::indexer {

// "3 MB", or "200 KB" under a megabyte.
std::string megabytes(std::uintmax_t bytes);

// Cuts `body` to at most `limit` bytes: at the last paragraph break in its second half, else
// at the last space, else at a UTF-8 character boundary.
void cut_body(std::string& body, std::size_t limit);

}  // namespace cs::indexer
