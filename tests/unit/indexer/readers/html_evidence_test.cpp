#include "indexer/readers/html_evidence.hpp"

#include <libxml/HTMLparser.h>

#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {
namespace {

// The evidence of the first <div> of `attributes` ("class='…' id='…'").
int evidence_of(const std::string& attributes, bool captions_are_text = false) {
  const std::string html = "<html><body><div " + attributes + ">text</div></body></html>";
  xml::DocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
                  &xmlFreeDoc);
  const xmlNode* div = xmlDocGetRootElement(doc.get())->children->children;
  return name_evidence(div, captions_are_text);
}

TEST(HtmlEvidence, StoryContainersSayContent) {
  for (const char* names : {"class='article-body'", "class='entry-content'", "class='story-text'", "id='articleBody'",
                            "itemprop='articleBody'", "class='post__content'"}) {
    EXPECT_GT(evidence_of(names), 0) << names;
  }
}

TEST(HtmlEvidence, FurnitureSaysFurniture) {
  for (const char* names : {"class='comments'", "id='comments'", "class='related-stories'", "class='share-bar'",
                            "class='article-body__sidebar'", "class='entry-meta'", "class='author-bio'",
                            "class='newsletter-signup'", "class='ad-slot'"}) {
    EXPECT_LT(evidence_of(names), 0) << names;
  }
}

// Players and embeds hold a video's title and its "Up Next" list, appeals ask for money,
// toolbars hold buttons (the Daily Mail, CBC, Vox, Meduza, the Independent and CNA in a new
// user's trial); the thing a name calls "X-in-Y" is X (ProPublica's newsletter box).
TEST(HtmlEvidence, PlayersAppealsAndToolbarsSayFurniture) {
  for (const char* names : {"class='mol-video'", "class='mediaEmbed'", "class='playerWrap'", "class='audio-player'",
                            "class='duet--article--contribution-ask'", "class='DonatesTeaser-module-root'",
                            "class='support-box'", "class='article-actions'", "class='newsletter-in-article'"}) {
    EXPECT_LT(evidence_of(names), 0) << names;
  }
  EXPECT_LT(evidence_of("class='in-article-ad'"), 0) << "\"in\" opening a name names nothing";
}

// A state's name says what an element holds: Fox News' story is <article class="article-wrap
// has-video">.
TEST(HtmlEvidence, AStateNameSaysWhatAnElementHolds) {
  EXPECT_GT(evidence_of("class='article-wrap has-video'"), 0);
  EXPECT_GT(evidence_of("class='story-body with-comments'"), 0);
}

// AMP's own elements for ads, players, menus and share buttons: an <amp-ad> shows its
// placeholder's "廣告" until the ad loads (CNA's AMP page in a new user's trial).
TEST(HtmlEvidence, AmpAdsMenusAndSharesAreNeverText) {
  for (const char* element : {"amp-ad", "amp-embed", "amp-sticky-ad", "amp-sidebar", "amp-social-share", "amp-video"}) {
    const std::string html = std::string("<html><body><") + element + "><div placeholder>text</div></" + element +
                             "></body></html>";
    xml::DocPtr doc(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
                    &xmlFreeDoc);
    EXPECT_TRUE(is_never_text(xmlDocGetRootElement(doc.get())->children->children)) << element;
  }
}

// Whole words, never substrings: the failure classes of real pages (issue #20).
TEST(HtmlEvidence, WordsInsideLongerNamesAreNotVerdicts) {
  EXPECT_GE(evidence_of("class='l-sidebar-fixed l-article-body-segment'"), 0);
  EXPECT_GE(evidence_of("class='article-body content-with-sidebar-wrp'"), 0);
  EXPECT_GE(evidence_of("class='post url-breadcrumb'"), 0);
  EXPECT_EQ(evidence_of("class='category-world-promotion'"), 0) << "promotion is not promo";
  EXPECT_EQ(evidence_of("class='paywall'"), 0) << "paragraphs of a subscriber's page";
  EXPECT_EQ(evidence_of("class='commentary'"), 0) << "commentary is not comment";
}

TEST(HtmlEvidence, TheHeadWordOfANameDecides) {
  EXPECT_GT(evidence_of("class='comment-content'"), 0);
  EXPECT_LT(evidence_of("class='content-comments'"), 0);
  EXPECT_GT(evidence_of("class='article-body__content'"), 0) << "the BEM element speaks for itself";
}

TEST(HtmlEvidence, GalleriesReadTheirCaptions) {
  EXPECT_LT(evidence_of("class='gallery-slide__caption'"), 0);
  EXPECT_EQ(evidence_of("class='gallery-slide__caption'", true), 0);
}

// Hashed classes, parts named for tests and components (the BBC's byline block, as a new
// user's trial saved it).
TEST(HtmlEvidence, TestAndComponentNamesSpeakToo) {
  EXPECT_LT(evidence_of("class='sc-18fde0d6-0' data-component='byline-block'"), 0);
  EXPECT_LT(evidence_of("class='sc-2b5e3b35-0' data-testid='byline-new'"), 0);
  EXPECT_GT(evidence_of("class='sc-18fde0d6-0' data-component='text-block'"), 0);
  EXPECT_EQ(evidence_of("data-track='share-click'"), 0) << "other data- attributes are not names";
}

}  // namespace
}  // namespace cs::indexer
