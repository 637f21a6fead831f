#include "indexer/readers/html_depth.hpp"

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

TEST(HtmlDepth, AShallowPageKeepsLibxml2sLimitAndLosesNothing) {
  for (const std::string& html : {page(repeat("<p>A paragraph.</p>", 10)), page(repeat("<p>A paragraph.</p>", 1000)),
                                  page(repeat("<div>", 200) + "Text." + repeat("</span>", 100000))}) {
    const DepthPlan plan = plan_depth(html);
    EXPECT_FALSE(plan.parse_deep);
    EXPECT_FALSE(plan.cut_at_limit);
  }
}

TEST(HtmlDepth, ADeepNestClosedInOrderCostsOneComparisonATag) {
  const std::string html = page(repeat("<div>", 20000) + "<p>Text.</p>" + repeat("</div>", 20000));
  EXPECT_LT(scan_tags(html).stack_searches, 20000u + 20100u);  // the </p>, </body> and </html> charged the whole stack
  EXPECT_TRUE(plan_depth(html).parse_deep);
}

TEST(HtmlDepth, AHundredThousandUnclosedElementsAreParsedDeep) {
  EXPECT_TRUE(plan_depth(page(repeat("<b>", 100000) + "Text.")).parse_deep);
  EXPECT_TRUE(plan_depth(page(repeat("<div>", 100000) + "<p>Text.")).parse_deep);
}

TEST(HtmlDepth, StrayEndTagsUnderADeepNestKeepTheLimit) {
  const std::string html = page(repeat("<div>", 100000) + "<p>Text.</p>" + repeat("</span>", 20000));
  EXPECT_GE(scan_tags(html).stack_searches, 100000ull * 20000);
  EXPECT_FALSE(plan_depth(html).parse_deep);
  EXPECT_TRUE(plan_depth(html).cut_at_limit) << "the text below 256 levels is lost, and the reader says so";
}

TEST(HtmlDepth, EndTagsOfElementsClosedImplicitlyAreChargedTheWholeStack) {
  // libxml2 closes the <b> when the <p> opens, so each </b> then searches its whole stack,
  // although in the page's own order it closes the element on top.
  const std::string html = page(repeat("<div>", 100000) + repeat("<b><p>Text.</p></b>", 20000));
  EXPECT_GE(scan_tags(html).stack_searches, 100000ull * 20000);
  EXPECT_FALSE(plan_depth(html).parse_deep);
}

TEST(HtmlDepth, AfterAnEndTagOutOfOrderEveryEndTagIsChargedEverythingOpened) {
  // libxml2 keeps the <div>s open over the </span> (a div outranks a span), so the stray
  // </q>s that follow each search all of them.
  const std::string html = page("<span>" + repeat("<div>", 100000) + "</span>" + repeat("</q>", 30000));
  EXPECT_GE(scan_tags(html).stack_searches, 100000ull * 30000);
  EXPECT_FALSE(plan_depth(html).parse_deep);
}

TEST(HtmlDepth, MarkupInsideTitleOrTextareaCountsAsLibxml2ParsesIt) {
  // libxml2 2.9.14 reads only <script> and <style> as raw text: an unclosed <title> hides
  // nothing from it, so it must hide nothing from the count either.
  for (const char* opener : {"<html><head><title>x</head><body>", "<html><body><textarea>"}) {
    const std::string html = opener + repeat("<div>", 100000) + repeat("</span>", 20000);
    EXPECT_GE(scan_tags(html).stack_searches, 100000ull * 20000) << opener;
    EXPECT_FALSE(plan_depth(html).parse_deep) << opener;
  }
}

TEST(HtmlDepth, RepeatedBodyStartTagsAreChargedTheWholeStack) {
  const std::string html = "<body>" + repeat("<div>", 100000) + repeat("<body>", 20000);
  EXPECT_GE(scan_tags(html).stack_searches, 100000ull * 20000);
  EXPECT_FALSE(plan_depth(html).parse_deep);
}

TEST(HtmlDepth, ScriptsCommentsAndVoidElementsAreNotTags) {
  const std::string html = page(repeat("<div>", 300) + "<script>if (a<b && c </d) {}</script><!-- <em> --><br><img src=x>" +
                                "<input/><p>Text.</p>" + repeat("</div>", 300));
  EXPECT_LT(scan_tags(html).stack_searches, 1000u);
  EXPECT_TRUE(plan_depth(html).parse_deep);
}

}  // namespace
}  // namespace cs::indexer
