#include "indexer/html_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "indexer/record_fields.hpp"

namespace cs::indexer {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> texts(const std::vector<TextBlock>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) out.push_back(b.text);
  return out;
}

TEST(HtmlText, TellsMarkupFromPlainText) {
  EXPECT_TRUE(looks_like_html("<p>The call lasted an hour.</p>"));
  EXPECT_TRUE(looks_like_html("First line<br/>second line"));
  EXPECT_FALSE(looks_like_html("Tariffs rose 5% while 3 < 4 and x > y."));
}

TEST(HtmlText, FragmentsKeepTextAndDropScriptsAndFigures) {
  const auto blocks = html_fragment_blocks(
      "<p>Officials <b>met</b> in&nbsp;Geneva.</p><script>alert('x')</script>"
      "<figure><figcaption>Photo: AP</figcaption></figure><ul><li>First point</li></ul>");
  EXPECT_THAT(texts(blocks), ElementsAre("Officials met in Geneva.", "First point"));
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(blocks[1].list_item);
}

TEST(HtmlText, KeepsARealSentenceThatNamesAWidgetWord) {
  const auto blocks = html_fragment_blocks("<p class=\"body\">Investors watched share prices and cookie sales.</p>");
  EXPECT_THAT(texts(blocks), ElementsAre("Investors watched share prices and cookie sales."));
}

TEST(HtmlText, PicksTheArticleOverPageFurniture) {
  const HtmlPage page = read_html_page(
      "<html><body><div class='menu'><p>Home News Sport Weather and a long list of other sections</p></div>"
      "<article><h1>Talks resume</h1><p>Negotiators met again on Monday.</p></article>"
      "<footer><p>Contact us</p></footer></body></html>");
  EXPECT_THAT(texts(page.blocks), ElementsAre("Talks resume", "Negotiators met again on Monday."));
  EXPECT_EQ(page.fields["title"], "Talks resume");
}

TEST(HtmlText, JsonLdArticleBodyServesAPageWithNoText) {
  const HtmlPage page = read_html_page(
      "<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"H\","
      " \"articleBody\": \"The full text.\"}</script></head><body></body></html>");
  EXPECT_EQ(page.fields["text"], "The full text.");
}

TEST(HtmlText, JsonRecordsWithHtmlContentBecomeText) {
  Article article;
  fill_article_from_record(nlohmann::json{{"title", "T"}, {"content", "<p>One.</p><p>Two &amp; three.</p>"}}, {}, article);
  EXPECT_EQ(article.body, "One.\n\nTwo & three.");
}

}  // namespace
}  // namespace cs::indexer
