#include "indexer/readers/html_text.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/record_fields.hpp"

namespace cs::indexer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

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

// Parts a style sheet lays out apart, side by side in the markup (a new user's trial:
// tagesschau.de's kicker and headline read "Abstimmung im BundestagScholz verliert ...").
TEST(HtmlText, ElementsSideBySideStayApartWhereANewWordBegins) {
  EXPECT_THAT(texts(html_fragment_blocks("<h1><span>Abstimmung im Bundestag</span><span>Scholz verliert</span></h1>")),
              ElementsAre("Abstimmung im Bundestag Scholz verliert"));
  EXPECT_THAT(texts(html_fragment_blocks("<div><span>Helena Marsh</span><span>Senior Fellow</span></div>")),
              ElementsAre("Helena Marsh Senior Fellow"));
  EXPECT_THAT(texts(html_fragment_blocks("<div><time>October 17, 2024</time><span>1:15 PM GMT+1</span></div>")),
              ElementsAre("October 17, 2024 1:15 PM GMT+1"));
  EXPECT_THAT(texts(html_fragment_blocks("<div><span>Ampel-Aus</span><span class='sr-only'>:</span><span>Olaf "
                                         "Scholz</span></div>")),
              ElementsAre("Ampel-Aus Olaf Scholz"));
  // What stays joined: a word split for styling, a drop cap, a superscript, text after an
  // element, and scripts without case.
  EXPECT_THAT(texts(html_fragment_blocks("<p><span>Vertrauens</span><span>frage</span></p>")),
              ElementsAre("Vertrauensfrage"));
  EXPECT_THAT(texts(html_fragment_blocks("<p><span class='dropcap'>W</span><span>ASHINGTON</span> — Text.</p>")),
              ElementsAre("WASHINGTON — Text."));
  EXPECT_THAT(texts(html_fragment_blocks("<p>An area of 40 <em>km</em><sup>2</sup>, <a>Scholz</a>'s <b>Ein</b>Satz.</p>")),
              ElementsAre("An area of 40 km2, Scholz's EinSatz."));
  EXPECT_THAT(texts(html_fragment_blocks("<p><span>台湾</span><span>选举</span></p>")), ElementsAre("台湾选举"));
}

TEST(HtmlText, SoftHyphensAreDropped) {
  EXPECT_THAT(texts(html_fragment_blocks("<p>Die Vertrauens&shy;frage im Bundes\xC2\xADtag.</p>")),
              ElementsAre("Die Vertrauensfrage im Bundestag."));
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

// A page whose words sit under `depth` elements opened with `open`, closed with `close`
// when it is not empty, followed by a paragraph after the nest, all in one <article>.
std::string nested_page(int depth, std::string_view open, std::string_view close) {
  std::string html = "<html><body><article>";
  for (int i = 0; i < depth; ++i) html.append(open);
  html.append("<p>Curators found the deepest manuscript in the archive.</p>");
  for (int i = 0; i < depth; ++i) html.append(close);
  html.append("<p>Visitors queued after the nest for hours.</p></article></body></html>");
  return html;
}

std::string joined_text(const HtmlPage& page) {
  std::string text;
  for (const TextBlock& block : page.blocks) text.append(block.text).push_back('\n');
  return text;
}

// See issue #18: libxml2 stopped at 256 levels and the page lost all its text.
TEST(HtmlText, KeepsTheTextUnderTenThousandNestedDivs) {
  const std::string text = joined_text(read_html_page(nested_page(10'000, "<div>", "</div>")));
  EXPECT_THAT(text, HasSubstr("Curators found the deepest manuscript in the archive."));
  EXPECT_THAT(text, HasSubstr("Visitors queued after the nest for hours."));
}

// See issue #18: every walk over the tree is iterative, so 100,000 levels do not overflow
// the stack.
TEST(HtmlText, KeepsTheTextUnderAHundredThousandUnclosedElements) {
  for (const std::string_view open : {"<b>", "<div>", "<article>"}) {
    const std::string text = joined_text(read_html_page(nested_page(100'000, open, "")));
    EXPECT_THAT(text, HasSubstr("Curators found the deepest manuscript in the archive.")) << open;
    EXPECT_THAT(text, HasSubstr("Visitors queued after the nest for hours.")) << open;
  }
}

// A deep page with as many stray end tags would make libxml2 scan its whole stack for each
// of them (quadratic): such a page is read to libxml2's default depth, quickly.
TEST(HtmlText, ReadsADeepPageFullOfStrayEndTagsToTheDefaultDepth) {
  std::string html = "<html><body><p>Opening words survive.</p>";
  for (int i = 0; i < 100'000; ++i) html.append("<div>");
  for (int i = 0; i < 100'000; ++i) html.append("</span>");
  html.append("</body></html>");
  EXPECT_THAT(joined_text(read_html_page(html)), HasSubstr("Opening words survive."));
}

constexpr const char* kMuseumPage =
    "<html><head><title>Museum opens new wing for modern art | Daily Planet</title>"
    "<meta property='og:site_name' content='Daily Planet'>"
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Modern art gets a home\"}</script>"
    "</head><body><article><h1>Museum</h1><p>The city museum unveiled its extension on Friday.</p></article></body></html>";

TEST(HtmlText, GivesEveryTitleThePageNames) {
  const HtmlPage page = read_html_page(kMuseumPage);
  EXPECT_EQ(page.fields["title"], "Modern art gets a home");
  EXPECT_THAT(page.titles, ElementsAre("Modern art gets a home", "Museum opens new wing for modern art"));
}

// See issue #18: the <title> stays searchable when a shorter <h1> becomes the title.
TEST(HtmlText, TitlesNotChosenBecomeOtherTitles) {
  const std::string page =
      "<html><head><title>Museum opens new wing for modern art | Daily Planet</title>"
      "<meta property='og:site_name' content='Daily Planet'></head>"
      "<body><article><h1>Museum</h1><p>The city museum unveiled its extension on Friday.</p></article></body></html>";
  const ReadResult result = HtmlReader().read(SourceFile{"museum.html", "museum.html", page});
  ASSERT_EQ(result.articles.size(), 1u);
  EXPECT_EQ(result.articles[0].title, "Museum");
  EXPECT_THAT(result.articles[0].other_titles, ElementsAre("Museum opens new wing for modern art"));

  const ReadResult same = HtmlReader().read(SourceFile{"same.html", "same.html",
      "<html><head><title>MUSEUM</title></head><body><h1>Museum</h1><p>Text of the page.</p></body></html>"});
  ASSERT_EQ(same.articles.size(), 1u);
  EXPECT_THAT(same.articles[0].other_titles, ::testing::IsEmpty()) << "the chosen title, case aside";
}

// A printer-friendly page's <title> is often the site's name alone (a new user's trial: "The
// Korea Herald", its headline in a div.view_tit read as the text's first line). A title that
// only names the site (its og:site_name, its host's name, the words of its logo) gives way to
// the headline the page shows: a heading, or the short line that opens its text.
TEST(HtmlText, ATitleThatOnlyNamesTheSiteGivesWayToTheHeadline) {
  const std::string story =
      "South Korea's main opposition party secured 175 seats in the 300-member National Assembly in Wednesday's "
      "general elections, handing the president a stinging defeat midway through his term.<br><br>The ruling "
      "party won 108 seats, according to the National Election Commission's final tally released Thursday.";
  const auto article_of = [](const std::string& page) {
    const ReadResult result = HtmlReader().read(SourceFile{"print.html", "saved/print.html", page});
    return result.articles.empty() ? Article{} : result.articles[0];
  };
  const Article print = article_of(
      "<html><head><title>The Harbour Times</title></head><body><table><tr><td><img src='/images/print_logo.gif' "
      "alt='The Harbour Times'></td><td><a href='javascript:window.print()'>[Print]</a></td></tr><tr><td>"
      "<div class='view_tit'>Opposition wins landslide in general elections</div><div class='view_date'>Published : "
      "Apr. 11, 2024 - 15:01</div><div class='view_con'>" + story + "</div></td></tr></table></body></html>");
  EXPECT_EQ(print.title, "Opposition wins landslide in general elections");
  EXPECT_THAT(print.body, ::testing::StartsWith("South Korea's main opposition")) << "the headline is no text";
  EXPECT_EQ(print.source, "The Harbour Times") << "the name the title and the logo agree on";
  const Article named = article_of(
      "<html><head><title>Harbour Times</title><meta property='og:site_name' content='Harbour Times'></head><body>"
      "<article><h2>Opposition wins landslide in general elections</h2><p>" + story + "</p></article></body></html>");
  EXPECT_EQ(named.title, "Opposition wins landslide in general elections");
  const Article hosted = article_of(
      "<html><head><title>HARBOUR TIMES</title><link rel='canonical' href='https://www.harbourtimes.com/a/1'></head>"
      "<body><div class='content'><div class='headline'>Opposition wins landslide in general elections</div><p>" +
      story + "</p></div></body></html>");
  EXPECT_EQ(hosted.title, "Opposition wins landslide in general elections");
  const Article no_headline = article_of(
      "<html><head><title>Harbour Times</title><meta property='og:site_name' content='Harbour Times'></head><body>"
      "<article><p>" + story + "</p></article></body></html>");
  EXPECT_EQ(no_headline.title, "Harbour Times") << "with no headline shown, the site's name is the title still";
}

TEST(HtmlText, DecodesCharacterReferencesOutsideMarkup) {
  // WordPress's rendered titles and JSON exports of feeds carry them in plain text.
  EXPECT_EQ(decode_character_references("Q&#038;A: Taiwan&#8217;s foundries &mdash; and &amp; &lt;b&gt;"),
            "Q&A: Taiwan\u2019s foundries \u2014 and & <b>");
  EXPECT_EQ(decode_character_references("&#x2019;&#X201C;&#146;"), "\u2019\u201C\u2019");  // 146: windows-1252's quote
  EXPECT_EQ(decode_character_references("&#0;&#xD800;&#1114112;&#99999999;"), "\uFFFD\uFFFD\uFFFD\uFFFD");
  // What is no reference stays as written.
  EXPECT_EQ(decode_character_references("AT&T, R&D; &nosuchname; & ; &#; &#x; &amp"), "AT&T, R&D; &nosuchname; & ; &#; &#x; &amp");
  EXPECT_EQ(decode_character_references("&&amp;&"), "&&&");
  // Escaped twice (scrapers, feeds): the reference after "&amp;" is read too.
  EXPECT_EQ(decode_character_references("It&amp;#8217;s Tom &amp;amp; Jerry, AT&amp;T; R&amp;D"), "It\u2019s Tom & Jerry, AT&T; R&D");
  EXPECT_EQ(decode_character_references(""), "");
}

}  // namespace
}  // namespace cs::indexer
