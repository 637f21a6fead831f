// The skeleton shared by readers whose file holds one article: decode the bytes, let the
// format fill the article, then give it its default id, path and source.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "indexer/reader.hpp"

namespace cs::indexer {

// Fills `article` from the decoded UTF-8 text; appends salvaged problems to `issues`.
using FillArticle = std::function<void(std::string_view text, Article& article, std::vector<Error>& issues)>;

// Decodes `file` (a binary file is an issue and gives no article), runs `fill`, then
// completes the article with fill_file_defaults. Issues carry the file's path.
ReadResult read_single_article(const SourceFile& file, const FillArticle& fill);

// A longer title is cut at a word: it is indexed and stored with every passage.
inline constexpr std::size_t kMaxTitleBytes = 300;

// Defaults every reader applies: path; id = the relative path unless the record had one;
// source = the first folder of the relative path (users save articles in per-site folders:
// cfr.org/xi-trump.txt) when the file gave none; title = the file's name without extension,
// '_' and '-' read as spaces, when the text gave none; a title over kMaxTitleBytes is cut.
void fill_file_defaults(const SourceFile& file, Article& article);

}  // namespace cs::indexer
