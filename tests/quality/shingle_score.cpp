#include "quality/shingle_score.hpp"

#include <algorithm>
#include <unordered_map>

#include "common/analyzer.hpp"

namespace cs::quality {

namespace {

// Each shingle as its words joined by a separator no word holds.
std::unordered_map<std::string, std::size_t> count_shingles(const std::vector<std::string>& words, std::size_t width) {
  std::unordered_map<std::string, std::size_t> counts;
  if (words.empty()) return counts;
  const std::size_t span = std::min(width, words.size());
  for (std::size_t first = 0; first + span <= words.size(); ++first) {
    std::string shingle = words[first];
    for (std::size_t i = first + 1; i < first + span; ++i) {
      shingle += '\x1f';
      shingle += words[i];
    }
    ++counts[shingle];
  }
  return counts;
}

std::size_t total(const std::unordered_map<std::string, std::size_t>& counts) {
  std::size_t sum = 0;
  for (const auto& [shingle, count] : counts) sum += count;
  return sum;
}

}  // namespace

std::vector<std::string> shingle_words(std::string_view text) {
  Analyzer analyzer("none");
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::vector<std::string> words;
  words.reserve(tokens.size());
  for (Token& token : tokens) words.push_back(std::move(token.word));
  return words;
}

ShingleScore score_shingles(const std::vector<std::string>& extracted, const std::vector<std::string>& expected,
                            std::size_t width) {
  if (extracted.empty() && expected.empty()) return {1, 1};
  if (extracted.empty()) return {1, 0};
  if (expected.empty()) return {0, 1};
  const auto got = count_shingles(extracted, width);
  const auto want = count_shingles(expected, width);
  std::size_t shared = 0;
  for (const auto& [shingle, count] : got) {
    const auto found = want.find(shingle);
    if (found != want.end()) shared += std::min(count, found->second);
  }
  return {static_cast<double>(shared) / static_cast<double>(total(got)),
          static_cast<double>(shared) / static_cast<double>(total(want))};
}

ShingleScore mean_score(const std::vector<ShingleScore>& pages) {
  ShingleScore mean;
  if (pages.empty()) return mean;
  for (const ShingleScore& page : pages) {
    mean.precision += page.precision;
    mean.recall += page.recall;
  }
  mean.precision /= static_cast<double>(pages.size());
  mean.recall /= static_cast<double>(pages.size());
  return mean;
}

}  // namespace cs::quality
