#include "searcher/present/snippet.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

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

// highlight_spans stems only the words that begin as a wanted stem does (English stems keep
// their first byte): what it highlights is what stemming every word would.
TEST(Snippet, HighlightsWhatStemmingEveryWordWould) {
  const std::string passage =
      "Dying industries and lying statistics: the Secretary's yearly report says tariffs rose, "
      "tariff revenue fell, and the U.S. e-mail campaign on taxes, taxation and the taxpayers' "
      "burdens (1,200 letters) ended. Skies cleared; nations' economies and economic news grew.";
  for (const std::string query_text : {"die lie", "tariff", "taxes", "economy news", "\"tariff revenue\"", "US email",
                                       "yearly secretary", "sky", "nation economic", "burden 1,200"}) {
    Analyzer analyzer;
    auto query = parse_query(query_text, analyzer);
    ASSERT_TRUE(query.ok());
    std::vector<Token> tokens;
    analyzer.tokenize(passage, tokens);
    std::vector<std::string> expected;  // every word stemmed, as before the filter
    const auto wanted = [&](const std::string& word) {
      const std::string& stem = analyzer.stem(word);
      return std::binary_search(query->highlight_stems.begin(), query->highlight_stems.end(), stem) ||
             std::binary_search(query->highlight_words.begin(), query->highlight_words.end(), word);
    };
    std::uint32_t covered = 0;
    for (const Token& token : tokens) {
      if (token.begin < covered) continue;
      const bool alternative = !token.alternative.empty() && wanted(token.alternative);
      if (!alternative && !wanted(token.word)) continue;
      const std::uint32_t end = alternative ? token.alternative_end : token.end;
      expected.push_back(passage.substr(token.begin, end - token.begin));
      covered = end;
    }
    ASSERT_FALSE(expected.empty()) << query_text;
    EXPECT_EQ(highlighted(passage, query_text), expected) << query_text;
  }
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

// The snippet as text: `passage` cut into sentences, the query's words highlighted and
// weighted as given by query word (1 when not given), the window chosen in `max_bytes`.
std::string snippet_of(const std::string& passage, const std::string& query_text,
                       const std::map<std::string, double>& weights, std::size_t max_bytes) {
  Analyzer analyzer;
  auto query = parse_query(query_text, analyzer);
  EXPECT_TRUE(query.ok());
  std::vector<std::string> terms;
  const auto spans = highlight_spans(passage, *query, analyzer, &terms);
  const auto weight_of = [&](const std::string& term) {
    for (const auto& [word, weight] : weights) {
      if (analyzer.stem(word) == term) return weight;
    }
    return 1.0;
  };
  std::vector<Span> sentences;
  analyzer.sentences(passage, sentences);  // as cs-index stores them
  const Span window = choose_snippet(passage, sentences, spans, terms, weight_of, max_bytes);
  return passage.substr(window.begin, window.end - window.begin);
}

TEST(Snippet, HighlightsReportTheQueryTermEachMatched) {
  Analyzer analyzer;
  auto query = parse_query("phone calls", analyzer);
  ASSERT_TRUE(query.ok());
  std::vector<std::string> terms;
  const auto spans = highlight_spans("Calls by phone. More calls.", *query, analyzer, &terms);
  EXPECT_EQ(spans.size(), 3u);
  EXPECT_EQ(terms, (std::vector<std::string>{"call", "phone", "call"}));
}

TEST(Snippet, WindowIsTheWholePassageWhenItFits) {
  const std::string passage = "Tariffs rose. Trade fell. Talks began.";
  EXPECT_EQ(snippet_of(passage, "talks", {}, 100), passage);
}

TEST(Snippet, WindowHoldsTheMostDistinctTermsInWholeSentences) {
  const std::string passage =
      "Trade was discussed at length. Tariffs rose in spring. Filler sentence one here. "
      "Filler sentence two here. The trade talks on tariffs resumed in autumn. Filler three.";
  // One sentence fits: the one with both words wins over sentences with one each.
  EXPECT_EQ(snippet_of(passage, "trade tariffs", {}, 50), "The trade talks on tariffs resumed in autumn.");
}

TEST(Snippet, RareTermsOutweighCommonOnes) {
  const std::string passage =
      "The economy grew and the economy added jobs. Filler words fill this sentence up. "
      "Filler words fill this one too. A tariff was imposed.";
  // The rare word's sentence wins, whichever word it is.
  EXPECT_EQ(snippet_of(passage, "economy tariff", {{"economy", 0.1}, {"tariff", 5.0}}, 45), "A tariff was imposed.");
  EXPECT_EQ(snippet_of(passage, "economy tariff", {{"economy", 5.0}, {"tariff", 0.1}}, 45), "The economy grew and the economy added jobs.");
}

TEST(Snippet, AmongEqualWindowsTheClosestTermsWin) {
  const std::string passage =
      "Oil prices and, after a long digression about many other matters, imports. "
      "Filler filler filler. Oil imports fell.";
  // Both windows hold both words; the words lie close in the second, which then opens as
  // early as it can.
  EXPECT_EQ(snippet_of(passage, "oil imports", {}, 80), "Filler filler filler. Oil imports fell.");
}

TEST(Snippet, AWordMetAgainDoesNotPushTheWindowAway) {
  const std::string passage =
      "Tariffs rose in spring. Filler words fill this sentence. Tariffs fell in autumn. Filler ends it.";
  // Both windows of three sentences hold the word; the first holds it twice, and opens the
  // passage (measured from its first match to its last, it lost to the window holding it
  // once).
  EXPECT_EQ(snippet_of(passage, "tariffs", {}, 81),
            "Tariffs rose in spring. Filler words fill this sentence. Tariffs fell in autumn.");
}

TEST(Snippet, TermsLieAsCloseAsTheirClosestPairNotTheirFirstAndLastMatches) {
  // Two windows hold both terms: "oil" at 0 and "imports" at 40 in the first; "oil" at 100,
  // "oil" again at 180 and "imports" right after it in the second. The second holds them
  // closest (11 bytes against 47), though its first match lies 91 bytes from its last.
  const std::vector<Span> sentences = {{0, 50}, {50, 100}, {100, 200}};
  const std::vector<Span> highlights = {{0, 3}, {40, 47}, {100, 103}, {180, 183}, {184, 191}};
  const std::vector<std::size_t> term_ids = {0, 1, 0, 0, 1};
  const std::vector<double> weights = {1.0, 1.0};
  EXPECT_EQ(snippet_window(sentences, highlights, term_ids, weights, 100), (Span{100, 200}));
}

TEST(Snippet, AWindowAfterAParagraphBreakOpensOnItsFirstWord) {
  const std::string passage = "Filler words fill this opening paragraph.\n\nTariffs rose in spring.";
  EXPECT_EQ(snippet_of(passage, "tariffs", {}, 30), "Tariffs rose in spring.");
}

TEST(Snippet, WithoutMatchesTheWindowOpensThePassage) {
  const std::string passage = "First sentence here. Second sentence here. Third one.";
  EXPECT_EQ(snippet_of(passage, "absent", {}, 45), "First sentence here. Second sentence here.");
  EXPECT_EQ(snippet_of(passage, "absent", {}, 5), "First sentence here.") << "a longer first sentence is shown whole";
}

}  // namespace
}  // namespace cs::searcher
