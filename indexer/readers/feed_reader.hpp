// News feeds (.rss, .atom, .xml): RSS 2.0, RSS 1.0 and Atom, one article per item or entry,
// parsed with libxml2. HTML in descriptions and content becomes text (html_text.hpp). A feed
// that declares XML entities is refused: entities are never expanded (no XXE, no "billion
// laughs"), and the network is never used.
#pragma once

#include "indexer/readers/reader.hpp"

namespace cs::indexer {

class FeedReader final : public Reader {
 public:
  std::string_view name() const override { return "feed"; }
  std::span<const std::string_view> extensions() const override;
  bool sniff(std::string_view head) const override;
  ReadResult read(const SourceFile& file) const override;
};

}  // namespace cs::indexer
