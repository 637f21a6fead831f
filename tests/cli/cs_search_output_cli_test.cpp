// Runs the real cs-search over the bundled corpus and checks what each output shows: the
// text format (colour, preview marks, snippets cut at sentences), JSON as one document,
// --limit, and the plain message and exit status 1 when nothing matches.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class CsSearchOutput : public IndexedOnce<BundledCorpus> {};

TEST_F(CsSearchOutput, TextOutputShowsTitleSourceDateFileAndPassage) {
  const CliResult r = search({"--color", "never", "Taiwan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("1. Xi and Trump Speak Via Phone\n"));
  EXPECT_THAT(r.out, HasSubstr("cfr.org | 2025-01-17"));
  EXPECT_THAT(r.out, HasSubstr("corpus/cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt"));
  EXPECT_THAT(r.out, HasSubstr("the two discussed Taiwan"));
  EXPECT_THAT(r.out, Not(HasSubstr("\x1B")));
}

TEST_F(CsSearchOutput, ColourAlwaysHighlightsTheQueryWords) {
  const CliResult r = search({"--color", "always", "Taiwan"});
  EXPECT_THAT(r.out, HasSubstr("\x1B[1;31mTaiwan\x1B[0m"));
}

TEST_F(CsSearchOutput, PreviewArticlesAreMarked) {
  const auto hits = json_lines(search({"--format", "jsonl", "Harbin"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["preview"], true);
  EXPECT_THAT(search({"--color", "never", "Harbin"}).out, HasSubstr("[preview]"));
}

TEST_F(CsSearchOutput, SnippetsAreWholeSentencesHoldingTheQueryWords) {
  const auto hits = json_lines(search({"--format", "jsonl", "Taiwan"}).out);
  ASSERT_FALSE(hits.empty());
  bool some_cut = false;
  for (const auto& hit : hits) {
    const std::string passage = hit["passage"].get<std::string>();
    const auto begin = hit["snippet"][0].get<std::size_t>();
    const auto end = hit["snippet"][1].get<std::size_t>();
    ASSERT_LT(begin, end);
    ASSERT_LE(end, passage.size());
    some_cut = some_cut || end - begin < passage.size();
    const auto inside = [&](const nlohmann::json& span) { return span[0] >= begin && span[1] <= end; };
    ASSERT_FALSE(hit["highlights"].empty());
    EXPECT_TRUE(std::any_of(hit["highlights"].begin(), hit["highlights"].end(), inside)) << passage;
  }
  EXPECT_TRUE(some_cut) << "some passage of the corpus is longer than a snippet";
  // The text format prints the snippet, marking what was left out.
  const std::string first = hits[0]["passage"].get<std::string>();
  const auto begin = hits[0]["snippet"][0].get<std::size_t>(), end = hits[0]["snippet"][1].get<std::size_t>();
  const CliResult text = search({"--color", "never", "-n", "1", "Taiwan"});
  const std::string shown = first.substr(begin, std::min<std::size_t>(end - begin, 40));
  EXPECT_THAT(text.out, HasSubstr(shown));
  if (end < first.size()) {
    EXPECT_THAT(text.out, HasSubstr("\xE2\x80\xA6"));
  }
}

TEST_F(CsSearchOutput, JsonFormatIsOneDocument) {
  const CliResult r = search({"--format", "json", "Taiwan"});
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["query"], "Taiwan");
  EXPECT_EQ(doc["results"].size(), 1u);
}

TEST_F(CsSearchOutput, LimitBoundsTheResults) {
  EXPECT_EQ(lines(search({"--format", "trec", "--limit", "2", "Xi"}).out).size(), 2u);
}

TEST_F(CsSearchOutput, NoMatchExitsOneWithAPlainMessage) {
  const CliResult r = search({"--color", "never", "zzzunmatched"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("No results"));
  EXPECT_TRUE(r.err.empty());
}

}  // namespace
}  // namespace cs::test
