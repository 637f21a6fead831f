#include "indexer/readers/text_reader.hpp"

#include "indexer/clean/article_text.hpp"
#include "indexer/readers/front_matter.hpp"
#include "indexer/readers/reader_skeleton.hpp"
#include "indexer/readers/record_fields.hpp"

namespace cs::indexer {

namespace {
constexpr std::string_view kExtensions[] = {".txt", ".text"};
}  // namespace

std::span<const std::string_view> TextReader::extensions() const { return kExtensions; }

// Any file without NUL bytes may be text; decoding rejects the rest with a reason.
bool TextReader::sniff(std::string_view head) const { return head.find('\0') == std::string_view::npos; }

ReadResult TextReader::read(const SourceFile& file) const {
  return read_single_article(file, [](std::string_view text, Article& article, std::vector<Error>& issues) {
    // A text file that opens with YAML front matter, as read-later apps and feed exporters
    // save articles (the third seed is one): its fields are the article's, as a Markdown
    // file's are. Its title had been "---" and its fields passages. A "---" line that opens
    // no readable mapping is text, as it always was.
    const FrontMatter front = split_front_matter(text);
    if (!front.issue && !front.unclosed && !front.fields.empty()) {
      fill_article_from_record(front.fields, plain_text_blocks(front.body), article, RecordMarkup::kText, issues);
      return;
    }
    fill_article_from_blocks(plain_text_blocks(text), article);
  });
}

}  // namespace cs::indexer
