#include "indexer/readers/html_standfirst.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <cstdint>

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

// The letters and digits of `text`, in lower case: any script's, without punctuation of any
// (’ and ' alike).
std::string letters_key(std::string_view text) {
  const icu::UnicodeString from = icu::UnicodeString::fromUTF8(text);
  icu::UnicodeString kept;
  for (std::int32_t at = 0; at < from.length(); at = from.moveIndex32(at, 1)) {
    const UChar32 c = from.char32At(at);
    if (u_isalnum(c)) kept.append(u_tolower(c));
  }
  std::string key;
  kept.toUTF8String(key);
  return key;
}

}  // namespace

void note_standfirst(const xmlNode* node, PageFacts& facts) {
  static constexpr std::array<std::string_view, 4> kHolders = {"p", "h2", "div", "span"};
  if (facts.h1s.empty() || !facts.standfirst.empty() || facts.standfirst_candidates >= kStandfirstCandidates) return;
  if (std::find(kHolders.begin(), kHolders.end(), xml::name_of(node)) == kHolders.end() || !holds_only_inline_text(node)) {
    return;
  }
  // The description's letters, read at the first candidate; a description of no use ends
  // the search there.
  if (facts.standfirst_candidates == 0 && facts.description_key.empty()) {
    const std::string description = description_of(facts);
    if (description.size() < kMinStandfirstBytes || description.size() > kMaxStandfirstBytes) {
      facts.standfirst_candidates = kStandfirstCandidates;
      return;
    }
    facts.description_key = letters_key(description);
  }
  std::string text = collapsed_text(node);
  if (text.empty() || text.size() > 2 * kMaxStandfirstBytes) return;
  ++facts.standfirst_candidates;
  if (letters_key(text) == facts.description_key) facts.standfirst = std::move(text);
}

std::string standfirst_outside(const PageFacts& facts, const std::vector<TextBlock>& blocks) {
  if (facts.standfirst.empty()) return {};
  const std::string key = letters_key(facts.standfirst);
  const std::size_t first = std::min(blocks.size(), kBlocksHoldingIt);
  const bool held = std::any_of(blocks.begin(), blocks.begin() + static_cast<std::ptrdiff_t>(first),
                                [&key](const TextBlock& block) { return letters_key(block.text).find(key) != std::string::npos; });
  return held ? std::string() : facts.standfirst;
}

}  // namespace cs::indexer
