// Web pages (.html, .htm, .xhtml): metadata and main content by html_text.hpp, then title,
// dateline, byline and site chrome handled like any other article text.
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

// Reads one saved page; `saved_from` as read_html_page takes it.
ReadResult read_html_file(const SourceFile& file, std::string_view saved_from);

class HtmlReader final : public Reader {
 public:
  std::string_view name() const override { return "html"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
