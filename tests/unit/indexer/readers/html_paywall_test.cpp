#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/html_text.hpp"

namespace cs::indexer {
namespace {

// A paragraph of 40 words; `paragraphs_of(n)` is n of them, an article's text of n * 40.
std::string paragraphs_of(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) {
    text += "<p>Paragraph " + std::to_string(i) +
            " of the story: officials said on Tuesday that the plan would be reviewed by the committee before the end "
            "of the month, and that the first results were expected in the spring after a long consultation with "
            "the regions.</p>";
  }
  return text;
}

bool saved_as_preview(const std::string& ld_fields, const std::string& body) {
  return read_html_page("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": "
                        "\"Fed holds\", \"isAccessibleForFree\": false" + ld_fields + "}</script></head><body>" + body +
                        "</body></html>")
      .paywalled;
}

// The FT, The Economist and The Atlantic say isAccessibleForFree: false of every article, and
// a subscriber's saved page holds all of it: a new user's trial saw three such pages shown
// as previews. A page holding an article's length of text is the article.
TEST(HtmlPaywall, ANotFreeArticleSavedWholeIsNoPreview) {
  EXPECT_FALSE(saved_as_preview("", "<article>" + paragraphs_of(12) + "</article>"));
  EXPECT_TRUE(saved_as_preview("", "<article>" + paragraphs_of(3) + "</article>"))
      << "a lede of three paragraphs is what a paywall shows";
  EXPECT_TRUE(saved_as_preview("", "<article>" + paragraphs_of(1) + "</article>"));
}

// JSON-LD's hasPart names the paywalled section by a CSS selector: where the page holds that
// section empty, the page is a preview however long the free part before it; where it holds
// the section's text, the length of the text decides.
TEST(HtmlPaywall, ThePaywalledSectionJsonLdNamesIsLookedFor) {
  const std::string has_part =
      ", \"hasPart\": {\"@type\": \"WebPageElement\", \"isAccessibleForFree\": false, \"cssSelector\": \".paywall\"}";
  EXPECT_TRUE(saved_as_preview(has_part, "<article>" + paragraphs_of(8) +
                                             "<div class='paywall'><p>Subscribe to read.</p></div></article>"))
      << "the section is there, without its text";
  EXPECT_FALSE(saved_as_preview(has_part, "<article><div class='lede'>" + paragraphs_of(2) +
                                              "</div><div class='body paywall'>" + paragraphs_of(8) + "</div></article>"));
  const std::string listed =
      ", \"hasPart\": [{\"@type\": \"WebPageElement\", \"isAccessibleForFree\": false, \"cssSelector\": "
      "\"section.locked, #premium\"}]";
  EXPECT_TRUE(saved_as_preview(listed, "<article>" + paragraphs_of(8) + "<section class='locked'></section></article>"));
  EXPECT_TRUE(saved_as_preview(listed, "<article>" + paragraphs_of(8) + "<div id='premium'> </div></article>"));
  EXPECT_FALSE(saved_as_preview(listed, "<article>" + paragraphs_of(8) + "<div class='locked'></div></article>"))
      << "a div is no section.locked: no section named is found, and the text is long";
  // A selector for markup the saved page does not have (the FT's ".article-body" on a page
  // whose body is #article-body) says nothing: the text's length decides.
  const std::string elsewhere =
      ", \"hasPart\": {\"@type\": \"WebPageElement\", \"isAccessibleForFree\": false, \"cssSelector\": \".article-body\"}";
  EXPECT_FALSE(saved_as_preview(elsewhere, "<article id='article-body'>" + paragraphs_of(12) + "</article>"));
  EXPECT_TRUE(saved_as_preview(elsewhere, "<article id='article-body'>" + paragraphs_of(2) + "</article>"));
}

}  // namespace
}  // namespace cs::indexer
