// Runs the real cs-index and cs-search over HTML pages made here: pages nested deeper than
// libxml2's default limit keep their text, and a page's titles other than the one shown
// stay searchable (issue #18). The pages are generated, never committed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// `depth` elements opened with `open` and never closed, `text` inside the deepest.
std::string unclosed_page(int depth, const std::string& open, const std::string& text) {
  std::string html = "<!DOCTYPE html><html><head><title>Deep page</title></head><body>";
  for (int i = 0; i < depth; ++i) html.append(open);
  html.append("<p>" + text + "</p></body></html>");
  return html;
}

// See issue #18.
TEST(CsIndexHtmlCli, FindsAWordFromDeepInsideAHundredThousandUnclosedElements) {
  TempDir dir;
  // Different texts, so that the two are not one story shown once.
  write_file(dir / "in/deep-b.html", unclosed_page(100'000, "<b>", "The archivist catalogued a palimpsest from the monastery, a sheet of "
                                                               "parchment scraped and written over twice, and sent it to the "
                                                               "university library for imaging before the winter exhibition."));
  write_file(dir / "in/deep-div.html",
             unclosed_page(100'000, "<div>", "Under ultraviolet light the palimpsest showed an older psalter, its "
                                           "lines running across the later text, and the conservators counted "
                                           "forty verses that no catalogue had recorded before this year."));
  const std::string db = (dir / "db").string();
  const CliResult indexed = run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(indexed.err, "");
  EXPECT_THAT(indexed.out, HasSubstr("2 files: 2 read"));
  EXPECT_THAT(search_article_ids(db, "palimpsest"), ::testing::UnorderedElementsAre("deep-b.html", "deep-div.html"));
}

// See issue #18.
TEST(CsIndexHtmlCli, APageTooCostlyToReadDeepKeepsItsShallowTextWithOneWarning) {
  TempDir dir;
  // A nested closed nest would be read whole; stray end tags under it would make libxml2
  // search 100,000 open elements 20,000 times, so this one is read to 256 levels.
  std::string html = "<!DOCTYPE html><html><body><p>The harbour master logged a trawler before dawn.</p>";
  for (int i = 0; i < 100'000; ++i) html.append("<div>");
  html.append("<p>The lighthouse keeper counted cormorants.</p>");
  for (int i = 0; i < 20'000; ++i) html.append("</span>");
  write_file(dir / "in/costly.html", html + "</body></html>");
  const std::string db = (dir / "db").string();
  const CliResult indexed = run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_EQ(lines(indexed.err),
            std::vector<std::string>{"cs-index: warning: " + (dir / "in/costly.html").string() +
                                     ": nested deeper than 256 elements, with end tags that would make reading deeper "
                                     "take seconds; text below that depth is not indexed; the rest is indexed"});
  EXPECT_THAT(search_article_ids(db, "trawler"), ElementsAre("costly.html"));
  EXPECT_TRUE(search_article_ids(db, "cormorants").empty());
}

// See issue #18.
TEST(CsIndexHtmlCli, ThePageTitleIsSearchableWhenAShorterH1IsShown) {
  TempDir dir;
  write_file(dir / "in/museum.html",
             "<!DOCTYPE html><html><head><title>Museum opens new wing for modern art | Daily Planet</title>"
             "<meta property=\"og:site_name\" content=\"Daily Planet\"></head>"
             "<body><article><h1>Museum</h1><p>The city museum unveiled its extension on Friday, "
             "with galleries for painting and sculpture.</p></article></body></html>");
  const std::string db = (dir / "db").string();
  const CliResult indexed = run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;

  EXPECT_THAT(search_article_ids(db, "\"opens new wing\""), ElementsAre("museum.html"));
  const CliResult found = run_cli(cs_search_binary(), {"--db", db, "--format", "jsonl", "opens new wing"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  const auto hits = lines(found.out);
  ASSERT_EQ(hits.size(), 1u) << found.out;
  EXPECT_EQ(nlohmann::json::parse(hits[0])["title"], "Museum");
  EXPECT_THAT(found.out, ::testing::Not(HasSubstr("wing for modern"))) << "the other title is never shown";
}

}  // namespace
}  // namespace cs::test
