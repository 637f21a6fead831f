#include "indexer/clean/repeated_lines.hpp"

#include <map>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <unordered_set>

#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kParagraphBreak = "\n\n";

std::vector<std::string_view> paragraphs_of(std::string_view body) {
  std::vector<std::string_view> paragraphs;
  while (!body.empty()) {
    const std::size_t cut = body.find(kParagraphBreak);
    paragraphs.push_back(body.substr(0, cut));
    body.remove_prefix(cut == std::string_view::npos ? body.size() : cut + kParagraphBreak.size());
  }
  return paragraphs;
}

// Longer than a line of chrome: counted as a reader counts words, so that a Chinese or
// Japanese paragraph, which has no spaces, is not one short "word" (a new user's trial: a
// sentence of news that 7 of 12 Chinese articles shared was dropped as the site's).
bool longer_than_a_line(std::string_view paragraph, std::size_t max_words) {
  return count_words_up_to(paragraph, max_words) > max_words || reading_words(paragraph) > max_words;
}

}  // namespace

std::size_t drop_repeated_lines(std::vector<Article>& articles, const RepeatedLineRule& rule,
                                std::vector<DroppedLine>* dropped) {
  // How many articles of each source hold each short paragraph (once per article).
  std::unordered_map<std::string, std::size_t> articles_per_source;
  std::unordered_map<std::string, std::unordered_map<std::string, std::size_t>> holders;
  for (const Article& article : articles) {
    ++articles_per_source[article.source];
    std::unordered_set<std::string_view> seen;
    for (const std::string_view paragraph : paragraphs_of(article.body)) {
      if (longer_than_a_line(paragraph, rule.max_words) || !seen.insert(paragraph).second) continue;
      ++holders[article.source][std::string(paragraph)];
    }
  }

  std::size_t removed = 0;
  std::map<std::pair<std::string_view, std::string_view>, std::size_t> removed_from;  // (source, line): articles
  for (Article& article : articles) {
    const std::size_t total = articles_per_source[article.source];
    const auto& counts = holders[article.source];
    // The paragraph as the counts hold it when it is chrome, else null.
    const auto chrome_line = [&](std::string_view paragraph) -> const std::string* {
      if (longer_than_a_line(paragraph, rule.max_words)) return nullptr;
      const auto it = counts.find(std::string(paragraph));
      if (it == counts.end() || it->second < rule.min_articles ||
          static_cast<double>(it->second) < rule.min_share * static_cast<double>(total)) {
        return nullptr;
      }
      return &it->first;
    };
    std::string kept;
    std::vector<const std::string*> left_out;
    for (const std::string_view paragraph : paragraphs_of(article.body)) {
      if (const std::string* line = chrome_line(paragraph)) {
        left_out.push_back(line);
        continue;
      }
      if (!kept.empty()) kept.append(kParagraphBreak);
      kept.append(paragraph);
    }
    if (left_out.empty() || kept.empty()) continue;  // never left without text
    article.body = std::move(kept);
    removed += left_out.size();
    if (dropped != nullptr) {
      for (const std::string* line : left_out) ++removed_from[{article.source, *line}];
    }
  }
  if (dropped != nullptr) {
    for (const auto& [where, count] : removed_from) dropped->push_back({std::string(where.first), std::string(where.second), count});
  }
  return removed;
}

}  // namespace cs::indexer
