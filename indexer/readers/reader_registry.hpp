// The one list of readers, and how a file is matched to one: by extension, then by sniffing.
#pragma once

#include <vector>

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

// Every reader, in the order sniffing tries them.
const std::vector<const Reader*>& all_readers();

// Every extension a reader claims, for messages: ".md, .markdown, .jsonl, ...".
std::string supported_extensions();

// The reader for `file`, or nullptr when no reader takes it.
const Reader* pick_reader(const SourceFile& file);

}  // namespace cs::indexer
