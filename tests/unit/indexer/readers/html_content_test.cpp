#include "indexer/readers/html_content.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/html_text.hpp"

namespace cs::indexer {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string body_of(const std::string& html) {
  std::string joined;
  for (const TextBlock& block : read_html_page(html).blocks) joined += block.text + "\n";
  return joined;
}

// A paragraph of news text, different for each n.
std::string paragraph(int n) {
  return "Officials in the province said on Tuesday that the reservoir had fallen to its lowest level in " +
         std::to_string(1990 + n) + ", and that farmers, towns and the power plant would share the cuts.";
}

std::string story(int paragraphs, const std::string& open = "<p>", const std::string& close = "</p>") {
  std::string text;
  for (int i = 0; i < paragraphs; ++i) text += open + paragraph(i) + close;
  return text;
}

TEST(HtmlContent, ARelatedArticleBeforeTheStoryDoesNotWin) {
  const std::string html = "<html><body><div class='entry-content'><article class='related'><h3>More</h3>"
                           "<p>A short teaser about something else entirely, with a link.</p></article><article></article>" +
                           story(6) + "</div></body></html>";
  EXPECT_THAT(body_of(html), HasSubstr(paragraph(5)));
  EXPECT_THAT(body_of(html), HasSubstr(paragraph(0)));
}

TEST(HtmlContent, AnAdSlotMainBeforeTheStoryDoesNotWin) {
  const std::string html = "<html><body><main class='ad-slot'><p>Advertisement</p></main><main><article>" + story(5) +
                           "</article></main></body></html>";
  EXPECT_THAT(body_of(html), HasSubstr(paragraph(4)));
}

TEST(HtmlContent, ParagraphsInDivsBrsAndSpansAllSurvive) {
  EXPECT_THAT(body_of("<html><body><div class='story'>" + story(6, "<div class='paragraph'>", "</div>") +
                      "</div></body></html>"),
              HasSubstr(paragraph(5)));
  EXPECT_THAT(body_of("<html><body><div>" + story(6, "", "<br><br>") + "</div></body></html>"), HasSubstr(paragraph(5)));
  EXPECT_THAT(body_of("<html><body><div>" + story(6, "<span>", "</span><br><br>") + "</div></body></html>"),
              HasSubstr(paragraph(5)));
}

TEST(HtmlContent, ALongCommentThreadDoesNotWin) {
  std::string comments = "<section id='comments'>";
  for (int i = 0; i < 20; ++i) comments += "<div class='comment'><p>I think the council, and the mayor, got this wrong, honestly, number " + std::to_string(i) + ".</p></div>";
  comments += "</section>";
  const std::string body = body_of("<html><body><article class='post'>" + story(4) + "</article>" + comments + "</body></html>");
  EXPECT_THAT(body, HasSubstr(paragraph(3)));
  EXPECT_THAT(body, Not(HasSubstr("got this wrong")));
}

TEST(HtmlContent, FurnitureInsideTheStoryIsLeftOut) {
  const std::string html = "<html><body><div class='article-body'>" + story(2) +
                           "<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>Twitter</a></div>"
                           "<ul class='related-links'><li><a href='/a'>Another story about the reservoir levels</a></li>"
                           "<li><a href='/b'>Farmers protest the water cuts in the capital</a></li></ul>"
                           "<figure><img src='x.jpg'><figcaption>The dam in May. Photo: Agency</figcaption></figure>" +
                           story(3) + "</div></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, HasSubstr(paragraph(2)));
  EXPECT_THAT(body, Not(HasSubstr("Facebook")));
  EXPECT_THAT(body, Not(HasSubstr("Farmers protest")));
  EXPECT_THAT(body, Not(HasSubstr("The dam in May")));
}

// The New York Times' byline: each name in a span its class calls "last-byline". Taking the
// spans out left "By and" (a new user's trial); the paragraph is judged whole.
TEST(HtmlContent, ANamedSpanInsideAParagraphStaysWithIt) {
  const std::string html =
      "<html><body><article><section class='story'><p class='css-aknsld'>By <span class='css-1baulvz "
      "last-byline'><a href='/by/a'>Chris Buckley</a></span> and <span class='css-1baulvz last-byline'><a "
      "href='/by/b'>Amy Chang Chien</a></span></p>" +
      story(5) + "</section></article></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, HasSubstr("By Chris Buckley and Amy Chang Chien"));
  EXPECT_THAT(body, HasSubstr(paragraph(4)));
}

// WordPress's category and tag links (rel="category tag") above a post are the site's labels.
TEST(HtmlContent, TaxonomyLinksAreNoText) {
  const std::string html = "<html><body><article class='post'><header class='entry-header'><span class='cat-links'><a "
                           "href='/category/city-hall/' rel='category tag'>City Hall</a>, <a href='/category/local-news/' "
                           "rel='category tag'>Local News</a></span><h1 class='entry-title'>Council approves riverfront "
                           "rezoning</h1><div class='entry-meta'><span class='posted-on'>Posted on <a href='/2026/05/06/x/' "
                           "rel='bookmark'><time datetime='2026-05-05T21:14:05-05:00'>May 5, 2026</time></a></span><span "
                           "class='byline'> by <span class='author vcard'><a href='/author/dw/'>Dana Whitfield</a></span>"
                           "</span></div></header><div class='post-thumbnail'><img src='r.jpg' alt=''></div><div "
                           "class='entry-content'>" +
                           story(5) + "<p>Read the <a href='/report.pdf'>council's report</a> on the site.</p></div>"
                           "</article></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, Not(HasSubstr("City Hall")));
  EXPECT_THAT(body, HasSubstr("council's report")) << "other links are text";
  // A tag link set in a sentence (the rel-tag microformat) is a word of it.
  const std::string in_sentence = body_of("<html><body><article>" + story(4) +
                                          "<p>The <a href='/tag/nato' rel='tag'>NATO</a> summit in <a href='/tag/vilnius' "
                                          "rel='tag'>Vilnius</a> ended without an invitation to Kyiv, officials said.</p>"
                                          "</article></body></html>");
  EXPECT_THAT(in_sentence, HasSubstr("The NATO summit in Vilnius ended"));
}

// A standfirst beside the story's container is long enough to join it as a paragraph, but
// its name says it is not the story's text (The Times).
TEST(HtmlContent, AParagraphNamedFurnitureDoesNotJoinTheStory) {
  const std::string html =
      "<html><body><article class='Article'><h1>Headline</h1><p class='Article-standfirst'>Trusts opened weekend "
      "clinics and used private hospitals to clear backlogs in orthopaedics and eye surgery</p><div "
      "class='Article-content' data-testid='article-body'>" +
      story(6) + "</div></article></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, Not(HasSubstr("Trusts opened weekend clinics")));
  EXPECT_THAT(body, HasSubstr(paragraph(5)));
}

TEST(HtmlContent, LiveBlogEntriesAreOneStory) {
  std::string entries;
  for (int i = 0; i < 6; ++i) {
    entries += "<div class='live-post'><div class='live-post__body'><div class='live-post__text'><p>" + paragraph(i) +
               "</p></div></div></div>";
  }
  const std::string body = body_of("<html><body><div class='live-feed'>" + entries + "</div></body></html>");
  EXPECT_THAT(body, HasSubstr(paragraph(0)));
  EXPECT_THAT(body, HasSubstr(paragraph(5)));
}

// NHK sets a story's summary above its sections, each a <section class="content--body">
// under its own <h2>, and breaks some paragraphs with <br>: only the last section was read
// (a new user's trial). Its sections, and the summary beside them, are one story.
TEST(HtmlContent, SectionsOfAStoryEachUnderItsHeadingAreOneStory) {
  const auto japanese = [](int n) {
    return "県によりますと、" + std::to_string(n) + "日の大雨で川の水位が上がり、流域の住民およそ" +
           std::to_string(100 + n) + "人が避難しました。県は引き続き、土砂災害などに警戒するよう呼びかけています。";
  };
  std::string sections;
  for (int i = 0; i < 3; ++i) {
    const std::string first = i < 2 ? japanese(10 * i) + "<br>" + japanese(10 * i + 1) : japanese(10 * i);
    sections += "<section class='content--body'><h2 class='body-title'>見出し" + std::to_string(i) +
                "</h2><div class='body-text'><p>" + first + "</p><p>" + japanese(10 * i + 2) + "</p></div></section>";
  }
  const std::string html =
      "<html><body><main><section class='module--detail'><header><h1>大雨で住民が避難</h1></header><div "
      "class='content--detail-main'><p class='content--summary'>" + japanese(99) + "</p><div "
      "class='content--detail-more'>" + sections + "</div></div></section><section class='module--related'><h2>関連ニュース"
      "</h2><ul><li><a href='/a'>別のニュースの見出し</a></li></ul></section></main></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, HasSubstr(japanese(99)));
  EXPECT_THAT(body, HasSubstr(japanese(0)));
  EXPECT_THAT(body, HasSubstr(japanese(11)));
  EXPECT_THAT(body, HasSubstr(japanese(22)));
  EXPECT_THAT(body, Not(HasSubstr("別のニュース")));
}

// A paragraph that is one link of a few words is a button, however many spaces it holds:
// they were not counted as link text, and Fox News' "TRUMP TRIAL: LIVE UPDATES" and the
// Japan Times' "Subscribe Log in" beside its masthead's date were kept (a new user's trial).
// A button saying the page is a paywall's preview still marks it.
TEST(HtmlContent, ALinkOfAFewWordsAloneIsAButtonWhateverItsSpaces) {
  const std::string html = "<html><body><main><article><h1>Headline</h1><div class='article-body'>" + story(2) +
                           "<p><strong><a href='/live'>TRUMP TRIAL: LIVE UPDATES</a></strong></p>" + story(3) +
                           "</div></article></main></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, Not(HasSubstr("LIVE UPDATES")));
  EXPECT_THAT(body, HasSubstr(paragraph(2)));
  const ReadResult gated = HtmlReader().read(SourceFile{"gated.html", "gated.html",
      "<html><body><article>" + story(3) + "<div class='fortress'><p>Get unlimited access for $1.99 a month for the "
      "first three months.</p><a class='cta' href='/subscriptions'>Subscribe to continue reading</a></div></article>"
      "</body></html>"});
  ASSERT_EQ(gated.articles.size(), 1u);
  EXPECT_TRUE(gated.articles[0].preview);
}

// A caption is weighed against the whole story, not against the part of it it sits in:
// Nikkei Asia's header joined the story, and the caption in it was the most of the header's
// text (a new user's trial).
TEST(HtmlContent, ACaptionIsWeighedAgainstTheWholeStory) {
  const std::string html =
      "<html><body><main><article class='article'><header class='article-header'><h1 class='article-header__title'>"
      "Headline</h1><p class='article-header__sub-title'>The minister declined to say whether the ministry had "
      "spent, as traders estimate, trillions of yen to prop up the currency</p><div class='article-header__image'><img "
      "src='k.jpg'><span class='article-header__caption'>The minister, who has held the post since 2021, speaks to "
      "reporters in Tokyo on April 29, after the currency's swings. (Photo by Ken Kobayashi)</span></div></header><div "
      "class='article__body ezrichtext-field'>" +
      story(5) + "</div></article></main></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, Not(HasSubstr("Photo by")));
  EXPECT_THAT(body, HasSubstr(paragraph(4)));
}

// A label and a link to another story between the paragraphs, in any language: the Des
// Moines Register's "More:", Kompas' "Baca juga:" (a new user's trial). A sentence with a
// link in it stays.
TEST(HtmlContent, ALabelledLinkToAnotherStoryIsNoText) {
  const std::string html =
      "<html><body><article><div class='gnt_ar_b'>" + story(2) +
      "<p class='gnt_ar_b_p'><strong>More:</strong> <a href='/story/x'>Polk County homeless count rises 18%, highest in "
      "a decade</a></p><p><strong>Baca juga: <a href='/read/y'>Saksi Anies-Muhaimin Tolak Tanda Tangan Hasil "
      "Rekapitulasi</a></strong></p><p>The full ruling: <a href='/r.pdf'>forty pages</a> that the court released on "
      "Tuesday along with a summary of its reasons.</p>" + story(3) + "</div></article></body></html>";
  const std::string body = body_of(html);
  EXPECT_THAT(body, Not(HasSubstr("Polk County")));
  EXPECT_THAT(body, Not(HasSubstr("Saksi")));
  EXPECT_THAT(body, HasSubstr("The full ruling: forty pages"));
  EXPECT_THAT(body, HasSubstr(paragraph(2)));
}

TEST(HtmlContent, AGalleryIsToldInItsCaptions) {
  std::string slides;
  for (int i = 0; i < 6; ++i) slides += "<figure><img src='a.jpg'><figcaption>" + paragraph(i) + "</figcaption></figure>";
  const std::string body = body_of("<html><body><div class='gallery'><p>Our pictures of the week.</p>" + slides + "</div></body></html>");
  EXPECT_THAT(body, HasSubstr(paragraph(3)));
}

TEST(HtmlContent, APageThatDescribesItselfWithALineHasNoArticleText) {
  const HtmlPage page = read_html_page(
      "<html><head><meta property='og:description' content='Drone footage of the fire.'></head><body>"
      "<div class='video'><p>Drone footage shows the fire spreading near the town.</p></div></body></html>");
  EXPECT_FALSE(page.article_text_found);
  EXPECT_TRUE(read_html_page("<html><body>" + story(3) + "</body></html>").article_text_found);
  const HtmlPage line = read_html_page("<html><body><p>One short line.</p></body></html>");
  EXPECT_FALSE(line.article_text_found) << "a line is no article, description or not";
  EXPECT_FALSE(line.described);
}

// Issue #20: a page with no article text says so, and is still searchable by what it shows.
TEST(HtmlContent, APageWithOnlyALineIsIndexedByItMarkedAndSaid) {
  const ReadResult read = HtmlReader().read(SourceFile{"stub.html", "stub.html",
      "<html><head><title>Council meeting</title></head><body><p>The council meets on Tuesday.</p></body></html>"});
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_TRUE(read.articles[0].no_article_text);
  EXPECT_EQ(read.articles[0].body, "The council meets on Tuesday.");
  ASSERT_EQ(read.issues.size(), 1u);
  EXPECT_THAT(read.issues[0].reason, HasSubstr("no article text found"));
  EXPECT_THAT(read.issues[0].hint, HasSubstr("indexed the few lines it shows"));

  const ReadResult story_page = HtmlReader().read(SourceFile{"story.html", "story.html", "<html><body>" + story(3) + "</body></html>"});
  ASSERT_EQ(story_page.articles.size(), 1u);
  EXPECT_FALSE(story_page.articles[0].no_article_text);
  EXPECT_TRUE(story_page.issues.empty());
}

// A tag page whose headlines all link away shows nothing but its title: said and marked too
// (a new user's trial found the Guardian's "Taiwan" page passed off as a story of one word).
// An empty file is no page at all.
TEST(HtmlContent, APageShowingOnlyItsTitleIsMarkedAndAnEmptyFileSkipped) {
  const ReadResult tag = HtmlReader().read(SourceFile{"taiwan.html", "taiwan.html",
      "<html><head><title>Taiwan | The Guardian</title></head><body><main><h1>Taiwan</h1><ul>"
      "<li><a href='/a'>China launches large-scale military drills around Taiwan</a></li>"
      "<li><a href='/b'>Taiwan coastguard expels Chinese vessels near Kinmen</a></li></ul></main></body></html>"});
  ASSERT_EQ(tag.articles.size(), 1u);
  EXPECT_TRUE(tag.articles[0].no_article_text);
  ASSERT_EQ(tag.issues.size(), 1u);
  EXPECT_THAT(tag.issues[0].hint, HasSubstr("indexed its title alone"));
  const ReadResult empty = HtmlReader().read(SourceFile{"empty.html", "empty.html", " \n"});
  EXPECT_TRUE(empty.articles.empty());
  ASSERT_EQ(empty.issues.size(), 1u);
  EXPECT_EQ(empty.issues[0].reason, "the file is empty");
}

TEST(HtmlContent, AnIndexOfStoriesIsNotAnArticle) {
  std::string teasers;
  for (int i = 0; i < 6; ++i) {
    teasers += "<article class='post'><header><h2><a href='/p" + std::to_string(i) + "'>Headline number " +
               std::to_string(i) + " about the reservoir</a></h2></header><div class='entry-content'><p>" + paragraph(i) +
               "</p><a class='more-link' href='/p'>Continue reading</a></div></article>";
  }
  const std::string head = "<html><head><meta name='description' content='Posts tagged water.'></head><body>";
  EXPECT_FALSE(read_html_page(head + "<main>" + teasers + "</main></body></html>").article_text_found);
  // An article whose related box lists linked headlines is still an article.
  std::string related = "<div class='more'>";
  for (int i = 0; i < 6; ++i) related += "<h3><a href='/r'>Another story number " + std::to_string(i) + "</a></h3>";
  related += "</div>";
  EXPECT_TRUE(read_html_page(head + "<article>" + story(8) + related + "</article></body></html>").article_text_found);
}

// Names are evidence, not verdicts (issue #20): a segment of the story whose name says
// "sidebar", a story hidden only on phones, a sentence with a long link all stay.
TEST(HtmlContent, KeepsStoryTextWhateverItsElementIsNamed) {
  const std::string segment = "<p>" + paragraph(10) + "</p><p>" + paragraph(11) + "</p><p>" + paragraph(12) + "</p>";
  const std::string segmented = "<html><body><div class='article-body'>" + story(6) + "<div class='l-sidebar-fixed'>" +
                                segment + "</div></div></body></html>";
  EXPECT_THAT(body_of(segmented), HasSubstr(paragraph(11)));
  const std::string body = body_of("<html><body><div class='hidden md:block article-body'>" + story(5) +
                                   "</div></body></html>");
  EXPECT_THAT(body, HasSubstr(paragraph(4)));
  const std::string linked = "<p>The full text is in <a href='/r'>the court's forty-page ruling on the Rio Grande water "
                             "compact</a> here.</p>";
  EXPECT_THAT(body_of("<html><body><article>" + story(4) + linked + "</article></body></html>"),
              HasSubstr("forty-page ruling"));
}

// Elements nested 20,000 deep, a paragraph at each level: read in linear time (a quadratic
// rival search took seconds here).
TEST(HtmlContent, ADeepChainOfParagraphsIsReadWhole) {
  std::string html = "<html><body>";
  for (int i = 0; i < 20'000; ++i) html += "<div class='entry'><p>" + paragraph(i % 50) + "</p>";
  html += "</body></html>";
  EXPECT_FALSE(read_html_page(html).blocks.empty());
}

}  // namespace
}  // namespace cs::indexer
