#include "indexer/readers/text_reader.hpp"

#include "indexer/clean/article_text.hpp"
#include "indexer/readers/reader_skeleton.hpp"

namespace cs::indexer {

namespace {
constexpr std::string_view kExtensions[] = {".txt", ".text"};
}  // namespace

std::span<const std::string_view> TextReader::extensions() const { return kExtensions; }

// Any file without NUL bytes may be text; decoding rejects the rest with a reason.
bool TextReader::sniff(std::string_view head) const { return head.find('\0') == std::string_view::npos; }

ReadResult TextReader::read(const SourceFile& file) const {
  return read_single_article(file, [](std::string_view text, Article& article, std::vector<Error>&) {
    fill_article_from_blocks(plain_text_blocks(text), article);
  });
}

}  // namespace cs::indexer
