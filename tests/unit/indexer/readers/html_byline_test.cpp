// Authors as html_byline.cpp reads them: names without the job titles bylines give them, the
// site never an author, and the byline a page shows when its tags name no one.
#include "indexer/readers/html_byline.hpp"

#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/html_reader.hpp"

namespace cs::indexer {
namespace {

constexpr const char* kBylinedStory =
    "<p>The central bank said on Tuesday that it would keep rates on hold until the spring, and that it expected "
    "inflation to slow further as energy prices eased across the region.</p>";

// The author cs-index gives a saved page.
std::string author_of_page(const std::string& head, const std::string& body) {
  const ReadResult read = HtmlReader().read(SourceFile{"page.html", "page.html",
                                                       "<html><head>" + head + "</head><body>" + body + "</body></html>"});
  return read.articles.empty() ? std::string("(no article)") : read.articles[0].author;
}

TEST(PersonName, LeavesOutAJobTitleAndShouting) {
  EXPECT_EQ(person_name("REBECCA ENGLISH, ROYAL EDITOR"), "Rebecca English");
  EXPECT_EQ(person_name("Jane Doe, Chief Political Correspondent"), "Jane Doe");
  EXPECT_EQ(person_name("RICHARD EDEN"), "Richard Eden");
  EXPECT_EQ(person_name("KIM KYUNG-HOON"), "Kim Kyung-Hoon");
  EXPECT_EQ(person_name("\u00D6ZG\u00DCR \u00D6ZEL"), "\u00D6zg\u00FCr \u00D6zel");
  EXPECT_EQ(person_name("Smith, John"), "Smith, John") << "a name written surname first";
  EXPECT_EQ(person_name("danah boyd"), "danah boyd") << "as the person writes it";
  EXPECT_EQ(person_name("PTI"), "PTI") << "an agency's initials are no shouting";
  EXPECT_EQ(person_name("AFP"), "AFP");
  EXPECT_EQ(person_name("\u675C\u6D77\u6D9B"), "\u675C\u6D77\u6D9B");
}

// The Daily Mail's JSON-LD names "REBECCA ENGLISH, ROYAL EDITOR" and "RICHARD EDEN", its meta
// tag "Rebecca English"; the author came out "REBECCA ENGLISH, ROYAL EDITOR, RICHARD EDEN" (a
// new user's trial).
TEST(HtmlAuthors, JsonLdsFullerBylineIsNamesWithoutTheirJobs) {
  EXPECT_EQ(author_of_page("<meta property='og:site_name' content='Mail Online'><meta name='author' content='Rebecca "
                           "English'><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":"
                           "\"Person\",\"name\":\"REBECCA ENGLISH, ROYAL EDITOR\"},{\"@type\":\"Person\",\"name\":"
                           "\"RICHARD EDEN\"}]}</script>",
                           std::string("<article>") + kBylinedStory + "</article>"),
            "Rebecca English, Richard Eden");
}

// The Economist's and Al Jazeera Arabic's JSON-LD name the site, or its publisher, the author.
TEST(HtmlAuthors, TheSiteOrItsPublisherIsNoAuthorInJsonLd) {
  EXPECT_EQ(author_of_page("<meta property='og:site_name' content='The Economist'><script type='application/ld+json'>"
                           "{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Organization\",\"name\":\"The Economist\"},"
                           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"The Economist\"}}</script>",
                           std::string("<article>") + kBylinedStory + "</article>"),
            "");
  EXPECT_EQ(author_of_page("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"@type\":"
                           "\"Organization\",\"name\":\"NHK\"},\"publisher\":{\"@type\":\"Organization\",\"name\":\"NHK\"}}"
                           "</script>",
                           std::string("<article>") + kBylinedStory + "</article>"),
            "");
  EXPECT_EQ(author_of_page("<meta property='og:site_name' content='Al Jazeera'><meta name='author' content='Al Jazeera "
                           "Staff'>",
                           std::string("<article>") + kBylinedStory + "</article>"),
            "Al Jazeera Staff")
      << "a desk's byline is not the site's name";
}

// Nikkei Asia, CNA and Anadolu show a byline their tags do not give (a new user's trial).
TEST(HtmlAuthors, TheBylineAPageShowsNamesItsAuthorsWhenItsTagsDoNot) {
  const std::string nikkei =
      "<article><header><h1>Yen swings keep markets guessing</h1><div class='article-header__byline'><a "
      "href='/Author/Kentaro-Iwamoto'>KENTARO IWAMOTO</a> and <a>MIHO ISHIKAWA</a>, Nikkei staff writers</div></header>"
      "<div class='article__body'>" + std::string(kBylinedStory) + "</div><div class='author-bio'><a>Someone Else</a> "
      "writes on markets.</div></article>";
  EXPECT_EQ(author_of_page("<meta property='og:site_name' content='Nikkei Asia'>", nikkei), "Kentaro Iwamoto, Miho Ishikawa");
  const std::string anadolu =
      "<div class='container'><h1>CHP birinci parti oldu</h1><div class='detay-bilgi'><span class='muhabir'><a "
      "href='/tr/muhabir/x'>Mehmet Y\u0131lmaz</a></span><span class='tarih'>01.04.2024</span></div><div "
      "class='detay-icerik'>" + std::string(kBylinedStory) + "</div></div>";
  EXPECT_EQ(author_of_page("<meta property='og:site_name' content='Anadolu Ajans\u0131'>", anadolu), "Mehmet Y\u0131lmaz");
  const std::string plain = "<article><h1>Headline</h1><p class='byline'>By Jane Doe and John Roe | Staff</p>" +
                            std::string(kBylinedStory) + "</article>";
  EXPECT_EQ(author_of_page("", plain), "Jane Doe, John Roe");
  const std::string bio_only = "<article><h1>Headline</h1>" + std::string(kBylinedStory) +
                               "<div class='author-bio'><a>Someone Else</a> writes on markets.</div></article>";
  EXPECT_EQ(author_of_page("", bio_only), "") << "an author's bio is no byline";
  EXPECT_EQ(author_of_page("<meta name='author' content='Ann Lee'>", nikkei), "Ann Lee") << "the tags' author wins";
}

}  // namespace
}  // namespace cs::indexer
