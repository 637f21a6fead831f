#include "indexer/analyse/dictionary_trainer.hpp"

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

// The dictionary trained on `samples` once `enough` says so (at most once), and nullopt
// before, after, or when Zstandard cannot train one.
std::optional<compact_text::Dictionary> train_when_enough(auto& samples, bool enough, std::size_t capacity) {
  if (samples.done || !enough) return std::nullopt;
  samples.done = true;
  const std::vector<std::string_view> views(samples.pieces.begin(), samples.pieces.end());
  auto dictionary = compact_text::train_dictionary(views, capacity);
  samples.pieces = {};
  return dictionary;
}

}  // namespace

DocumentDictionaries DictionaryTrainer::offer(const std::vector<Article>& articles, const std::vector<std::string>& roots,
                                              const DocumentDictionaries& have) {
  DocumentDictionaries trained;
  if (!have.passages && !passages_.done) {
    for (const Article& article : articles) {
      std::string_view text = article.body;
      while (!text.empty() && passages_.bytes < kPassageSampleBytes) {
        const std::size_t end = piece_end(text);
        passages_.pieces.emplace_back(text.substr(0, end));
        passages_.bytes += end;
        text.remove_prefix(end);
      }
      if (passages_.bytes >= kPassageSampleBytes) break;
    }
    trained.passages =
        train_when_enough(passages_, passages_.bytes >= kPassageSampleBytes, kPassageDictionaryBytes);
  }
  if (!have.records && !records_.done) {
    for (std::size_t i = 0; i < articles.size() && records_.pieces.size() < kRecordSamples; ++i) {
      // The passage count is not known yet; it is a few bytes of the record.
      records_.pieces.push_back(article_record_json(article_record(articles[i], roots[i], 0)));
    }
    trained.records = train_when_enough(records_, records_.pieces.size() >= kRecordSamples, kRecordDictionaryBytes);
  }
  return trained;
}

}  // namespace cs::indexer
