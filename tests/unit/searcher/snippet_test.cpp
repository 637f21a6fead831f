#include "searcher/snippet.hpp"

#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

std::vector<std::string> highlighted(const std::string& passage, const std::string& query_text) {
  Analyzer analyzer;
  auto query = parse_query(query_text, analyzer);
  EXPECT_TRUE(query.ok());
  std::vector<std::string> out;
  for (const Span& s : highlight_spans(passage, *query, analyzer)) out.push_back(passage.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(Snippet, HighlightsWordsByStemKeepingTheirOriginalForm) {
  EXPECT_EQ(highlighted("The Phone Call signaled hope; more calls followed.", "phone calls"),
            (std::vector<std::string>{"Phone", "Call", "calls"}));
}

TEST(Snippet, HighlightsPhraseWords) {
  EXPECT_EQ(highlighted("President Xi Jinping’s call", "\"Xi Jinping\""), (std::vector<std::string>{"Xi", "Jinping’s"}));
}

TEST(Snippet, DoesNotHighlightExcludedWords) {
  EXPECT_EQ(highlighted("Xi and Trump", "xi -trump"), (std::vector<std::string>{"Xi"}));
}

TEST(Snippet, HighlightsAcronymsAndJoinedWords) {
  const std::string passage = "Tsai Ing-wen told us the U.S. and the US agree.";
  EXPECT_EQ(highlighted(passage, "US"), (std::vector<std::string>{"U.S", "US"}));
  EXPECT_EQ(highlighted(passage, "us"), (std::vector<std::string>{"us", "U.S", "US"}));
  EXPECT_EQ(highlighted(passage, "ingwen"), (std::vector<std::string>{"Ing-wen"}));
  EXPECT_EQ(highlighted(passage, "Ing-wen"), (std::vector<std::string>{"Ing-wen"})) << "spans do not overlap";
}

TEST(Snippet, SpansLieInsideThePassage) {
  const std::string passage = "中国 Taiwan 台湾 “Taiwan’s” TAIWAN";
  Analyzer analyzer;
  auto query = parse_query("taiwan", analyzer);
  ASSERT_TRUE(query.ok());
  const auto spans = highlight_spans(passage, *query, analyzer);
  ASSERT_EQ(spans.size(), 3u);
  for (const Span& s : spans) EXPECT_LE(s.end, passage.size());
}

}  // namespace
}  // namespace cs::searcher
