#include "indexer/analyse/passage_dictionary_trainer.hpp"

#include <string_view>

namespace cs::indexer {

namespace {

// Pieces end at the first line break past kPieceBytes (passages end at paragraphs), or at a
// space past kMaxPieceBytes in a long paragraph.
constexpr std::size_t kPieceBytes = 600;
constexpr std::size_t kMaxPieceBytes = 1200;

std::size_t piece_end(std::string_view text) {
  if (text.size() <= kMaxPieceBytes) return text.size();
  const std::size_t line = text.find('\n', kPieceBytes);
  if (line != std::string_view::npos && line < kMaxPieceBytes) return line + 1;
  const std::size_t space = text.find(' ', kMaxPieceBytes);
  return space == std::string_view::npos ? text.size() : space + 1;
}

}  // namespace

std::optional<compact_text::Dictionary> PassageDictionaryTrainer::offer(const std::vector<Article>& articles) {
  if (done_) return std::nullopt;
  for (const Article& article : articles) {
    std::string_view text = article.body;
    while (!text.empty() && bytes_ < kSampleBytes) {
      const std::size_t end = piece_end(text);
      pieces_.emplace_back(text.substr(0, end));
      bytes_ += end;
      text.remove_prefix(end);
    }
    if (bytes_ >= kSampleBytes) break;
  }
  if (bytes_ < kSampleBytes) return std::nullopt;
  done_ = true;
  const std::vector<std::string_view> samples(pieces_.begin(), pieces_.end());
  auto dictionary = compact_text::train_dictionary(samples, kDictionaryBytes);
  pieces_ = {};
  return dictionary;
}

}  // namespace cs::indexer
