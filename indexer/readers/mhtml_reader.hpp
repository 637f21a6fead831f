// Web pages saved as one file (.mhtml, .mht: a browser's "Webpage, Single File"): a MIME
// multipart/related archive, read with GMime, whose HTML page is read as HtmlReader reads a
// saved page; its images, style sheets and frames are not articles.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

// The page an MHTML archive holds: the HTML part's bytes, transfer encoding undone and in
// UTF-8 when the part names its charset, and the address it was saved from.
struct ArchivedPage {
  std::string html;
  std::string location;  // the part's Content-Location (or the archive's), "" if none
};

// The archive's page (the multipart's "start" part, else its first HTML part); an error
// naming the reason when the bytes are no MIME archive or hold no HTML page.
Result<ArchivedPage> archived_page(std::string_view bytes);

class MhtmlReader final : public Reader {
 public:
  std::string_view name() const override { return "mhtml"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
