#include "indexer/readers/html_standfirst.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "indexer/clean/text_blocks.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

// The standfirst is looked for in this many elements of text after the first <h1> ...
constexpr std::size_t kStandfirstCandidates = 12;
// ... and the article's text for it in this many first blocks.
constexpr std::size_t kBlocksHoldingIt = 4;
// A description shorter than this is a label, longer a paragraph of the story itself.
constexpr std::size_t kMinStandfirstBytes = 40;
constexpr std::size_t kMaxStandfirstBytes = 600;

std::string description_of(const PageFacts& facts) { return meta_value(facts, {"og:description", "description"}); }

}  // namespace

void note_standfirst(const xmlNode* node, PageFacts& facts) {
  static constexpr std::array<std::string_view, 4> kHolders = {"p", "h2", "div", "span"};
  if (facts.h1s.empty() || !facts.standfirst.empty() || facts.standfirst_candidates >= kStandfirstCandidates) return;
  if (std::find(kHolders.begin(), kHolders.end(), xml::name_of(node)) == kHolders.end() || !holds_only_inline_text(node)) {
    return;
  }
  // The description's words, read at the first candidate; a description of no use ends the
  // search there.
  if (facts.standfirst_candidates == 0 && facts.description_words.empty()) {
    const std::string description = description_of(facts);
    if (description.size() >= kMinStandfirstBytes && description.size() <= kMaxStandfirstBytes) {
      facts.description_words = plain_words(description);
    }
    if (facts.description_words.empty()) {
      facts.standfirst_candidates = kStandfirstCandidates;
      return;
    }
  }
  std::string text = collapsed_text(node);
  if (text.empty() || text.size() > 2 * kMaxStandfirstBytes) return;
  ++facts.standfirst_candidates;
  if (plain_words(text) == facts.description_words) facts.standfirst = std::move(text);
}

std::string standfirst_outside(const PageFacts& facts, const std::vector<TextBlock>& blocks) {
  if (facts.standfirst.empty()) return {};
  const std::vector<std::string> words = plain_words(facts.standfirst);
  const std::size_t first = std::min(blocks.size(), kBlocksHoldingIt);
  const bool held = std::any_of(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(first), [&words](const TextBlock& block) {
    const std::vector<std::string> block_words = plain_words(block.text);
    return std::search(block_words.begin(), block_words.end(), words.begin(), words.end()) != block_words.end();
  });
  return held ? std::string() : facts.standfirst;
}

}  // namespace cs::indexer
