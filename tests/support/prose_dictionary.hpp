// Passage-sized texts of one kind and a Zstandard dictionary trained on them, for the tests
// of compressed passages (common/compact_text.hpp).
#pragma once

#include <cstddef>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/compact_text.hpp"

namespace cs::test {

// `count` texts of about 600 bytes: sentences of words drawn from one vocabulary with
// Zipf-like frequencies, different for each `seed`.
inline std::vector<std::string> passages_like(unsigned seed, std::size_t count) {
  static const std::vector<std::string> words = {
      "the", "of", "and", "to", "in", "a", "that", "for", "is", "on", "government", "Congress", "people", "nation",
      "world", "economy", "tax", "federal", "states", "war", "peace", "trade", "American", "program", "budget",
      "security", "health", "years", "must", "will", "our", "we", "have", "their", "new", "public", "national"};
  std::vector<double> weights;
  for (std::size_t i = 1; i <= words.size(); ++i) weights.push_back(1.0 / static_cast<double>(i));
  std::mt19937 random(seed);
  std::discrete_distribution<std::size_t> zipf(weights.begin(), weights.end());
  std::vector<std::string> passages;
  for (std::size_t p = 0; p < count; ++p) {
    std::string text;
    while (text.size() < 600) {
      for (int w = 0; w < 12; ++w) text += words[zipf(random)] + (w == 11 ? ". " : " ");
    }
    passages.push_back(text);
  }
  return passages;
}

// A 16 KB dictionary trained on 1,000 of passages_like(seed).
inline compact_text::Dictionary dictionary_like(unsigned seed) {
  const std::vector<std::string> passages = passages_like(seed, 1000);
  const std::vector<std::string_view> samples(passages.begin(), passages.end());
  auto dictionary = compact_text::train_dictionary(samples, 16 * 1024);
  if (!dictionary) throw std::runtime_error("zstd trained no dictionary");
  return *dictionary;
}

}  // namespace cs::test
