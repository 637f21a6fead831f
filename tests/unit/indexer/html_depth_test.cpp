#include "indexer/html_depth.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cs::indexer {
namespace {

std::string repeat(std::string_view text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

std::string page(const std::string& body) { return "<html><body>" + body + "</body></html>"; }

TEST(HtmlDepth, AShallowPageKeepsLibxml2sLimit) {
  EXPECT_FALSE(parse_past_depth_limit(page(repeat("<p>A paragraph.</p>", 10))));
}

TEST(HtmlDepth, ADeepNestClosedInOrderCostsOneComparisonATag) {
  const std::string html = page(repeat("<div>", 20000) + "<p>Text.</p>" + repeat("</div>", 20000));
  EXPECT_LT(end_tag_scans(html), 20000u + 20100u);  // the </p>, </body> and </html> charged the whole stack
  EXPECT_TRUE(parse_past_depth_limit(html));
}

TEST(HtmlDepth, AHundredThousandUnclosedElementsAreParsedDeep) {
  EXPECT_TRUE(parse_past_depth_limit(page(repeat("<b>", 100000) + "Text.")));
  EXPECT_TRUE(parse_past_depth_limit(page(repeat("<div>", 100000) + "<p>Text.")));
}

TEST(HtmlDepth, StrayEndTagsUnderADeepNestKeepTheLimit) {
  const std::string html = page(repeat("<div>", 100000) + "<p>Text.</p>" + repeat("</span>", 20000));
  EXPECT_GE(end_tag_scans(html), 100000ull * 20000);
  EXPECT_FALSE(parse_past_depth_limit(html));
}

TEST(HtmlDepth, EndTagsOfElementsClosedImplicitlyAreChargedTheWholeStack) {
  // libxml2 closes the <b> when the <p> opens, so each </b> then searches its whole stack,
  // although in the page's own order it closes the element on top.
  const std::string html = page(repeat("<div>", 100000) + repeat("<b><p>Text.</p></b>", 20000));
  EXPECT_GE(end_tag_scans(html), 100000ull * 20000);
  EXPECT_FALSE(parse_past_depth_limit(html));
}

TEST(HtmlDepth, AfterAnEndTagOutOfOrderEveryEndTagIsChargedEverythingOpened) {
  // libxml2 keeps the <div>s open over the </span> (a div outranks a span), so the stray
  // </q>s that follow each search all of them.
  const std::string html = page("<span>" + repeat("<div>", 100000) + "</span>" + repeat("</q>", 30000));
  EXPECT_GE(end_tag_scans(html), 100000ull * 30000);
  EXPECT_FALSE(parse_past_depth_limit(html));
}

TEST(HtmlDepth, ScriptsCommentsAndVoidElementsAreNotTags) {
  const std::string html = page(repeat("<div>", 300) + "<script>if (a<b && c </d) {}</script><!-- <em> --><br><img src=x>" +
                                "<input/><p>Text.</p>" + repeat("</div>", 300));
  EXPECT_LT(end_tag_scans(html), 1000u);
  EXPECT_TRUE(parse_past_depth_limit(html));
}

}  // namespace
}  // namespace cs::indexer
