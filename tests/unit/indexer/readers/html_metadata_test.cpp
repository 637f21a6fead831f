// Titles as html_metadata.cpp chooses them: the site's name and other parts set off by
// separators are taken off, a logo <h1> never wins, and a headline that merely looks like
// "Headline | Site" keeps its words.
#include "indexer/readers/html_metadata.hpp"

#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/html_reader.hpp"
#include "indexer/readers/html_text.hpp"

namespace cs::indexer {
namespace {

constexpr const char* kStory =
    "<p>Officials said on Tuesday that the plan would be reviewed by the committee before the end of the month, "
    "and that the first results were expected in the spring after a long consultation.</p>";

std::string title_of(const std::string& head, const std::string& body_top = "") {
  const HtmlPage page = read_html_page("<html><head>" + head + "</head><body>" + body_top + "<article>" + kStory +
                                       "</article></body></html>");
  return page.fields.value("title", std::string{});
}

// The meta tags news sites date a page with, each alone: Xinhua's "publishdate" was not
// among them, and its pages went undated (a new user's trial).
TEST(HtmlDate, EachMetaTagThatDatesAPageIsRead) {
  for (const char* name : {"article:published_time", "og:article:published_time", "pubdate", "publish-date", "publishdate", "publish_date",
                           "dc.date.issued", "parsely-pub-date", "sailthru.date", "content_PublishedDate"}) {
    const HtmlPage page = read_html_page(std::string("<html><head><meta name='") + name +
                                         "' content='2024-01-13'></head><body><article>" + kStory + "</article></body></html>");
    EXPECT_EQ(page.fields.value("date", std::string{}), "2024-01-13") << name;
  }
}

// One article:tag may hold the list, comma-separated without spaces (the Guardian's); a tag
// with ", " in it is one tag ("Washington, D.C.").
TEST(HtmlTopics, OneTagHoldingAListIsSplit) {
  const auto topics_of = [](const std::string& head) {
    return read_html_page("<html><head>" + head + "</head><body><article>" + kStory + "</article></body></html>")
        .fields.value("topics", nlohmann::json());
  };
  EXPECT_EQ(topics_of("<meta property='article:tag' content='Germany,Olaf Scholz,Europe'>"), "Germany,Olaf Scholz,Europe")
      << "split as keywords are, when the record is read";
  EXPECT_EQ(topics_of("<meta property='article:tag' content='Washington, D.C.'>"), nlohmann::json::array({"Washington, D.C."}));
  EXPECT_EQ(topics_of("<meta property='article:tag' content='Trade'><meta property='article:tag' content='Taiwan, China'>"),
            nlohmann::json::array({"Trade", "Taiwan, China"}));
}

// Every author meta tag is read (a new user's trial: Reuters' second article:author was
// lost); a profile URL or the site's own name names no one, and JSON-LD's authors come in.
TEST(HtmlAuthors, EveryAuthorTagIsReadAndTheSiteIsNoAuthor) {
  const auto authors_of = [](const std::string& head) {
    return read_html_page("<html><head>" + head + "</head><body><article>" + kStory + "</article></body></html>")
        .fields.value("author", nlohmann::json());
  };
  // Le Monde and Le Figaro write Open Graph's article properties under og: (a new user's
  // trial: Le Monde's author went unread and its date was taken from the Paris-time dateline).
  EXPECT_EQ(authors_of("<meta property='og:article:author' content='Marina Rafenberg'>"),
            nlohmann::json::array({"Marina Rafenberg"}));
  EXPECT_EQ(authors_of("<meta name='authors' content='Brendan Bordelon, Mohar Chatterjee'>"),
            nlohmann::json::array({"Brendan Bordelon", "Mohar Chatterjee"}))
      << "Politico's <meta name=authors> (a second trial's)";
  EXPECT_EQ(authors_of("<meta name='article:author' content='Balazs Koranyi'><meta name='article:author' "
                       "content='Francesco Canepa'>"),
            nlohmann::json::array({"Balazs Koranyi", "Francesco Canepa"}));
  EXPECT_EQ(authors_of("<meta property='article:author' content='https://www.facebook.com/jdoe'><meta name='author' "
                       "content='Jane Doe'>"),
            nlohmann::json::array({"Jane Doe"}));
  const nlohmann::json from_ld = authors_of(
      "<meta property='og:site_name' content='DER SPIEGEL'><meta name='author' content='DER SPIEGEL'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\","
      "\"name\":\"Severin Weiland\"},{\"@type\":\"Person\",\"name\":\"Florian Gathmann\"}]}</script>");
  ASSERT_TRUE(from_ld.is_array());
  ASSERT_EQ(from_ld.size(), 2u);
  EXPECT_EQ(from_ld[1], "Florian Gathmann");
  // A second trial's: the Washington Post's one meta author beside JSON-LD's two; CNN's names
  // and its own in one tag.
  const nlohmann::json fuller = authors_of(
      "<meta name='author' content='Maya Lindqvist'><script type='application/ld+json'>{\"@type\":\"NewsArticle\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Maya Lindqvist\"},{\"@type\":\"Person\",\"name\":"
      "\"Daniel Okafor\"}]}</script>");
  ASSERT_TRUE(fuller.is_array());
  EXPECT_EQ(fuller.size(), 2u);
  EXPECT_EQ(authors_of("<meta property='og:site_name' content='CNN'><meta name='author' content='Elena Marsh, Trevor "
                       "Bell, Kavya Iyer, CNN'>"),
            nlohmann::json::array({"Elena Marsh", "Trevor Bell", "Kavya Iyer"}));
  EXPECT_EQ(authors_of("<meta name='author' content='Smith, John'>"), nlohmann::json::array({"Smith, John"}));
}

// JSON-LD names its author and publisher by reference: the New York Times' publisher in a
// script of its own (a new user's trial: the source was "nytimes.com"), Yoast's (WordPress)
// person and organization in the page's @graph.
TEST(HtmlAuthors, JsonLdReferencesAreFollowed) {
  const auto fields_of = [](const std::string& head) {
    return read_html_page("<html><head>" + head + "</head><body><article>" + kStory + "</article></body></html>").fields;
  };
  // The name a field gives: itself, or an object's "name".
  const auto name_in = [](const nlohmann::json& fields, const char* key) {
    const nlohmann::json field = fields.value(key, nlohmann::json());
    if (field.is_string()) return field.get<std::string>();
    if (field.is_array() && !field.empty() && field[0].is_string()) return field[0].get<std::string>();  // the authors' names
    return field.is_object() ? field.value("name", std::string("(no name)")) : std::string("(none)");
  };
  const nlohmann::json nyt = fields_of(
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Taiwan Elects Lai\","
      "\"publisher\":{\"@id\":\"https://www.nytimes.com/#publisher\"}}</script><script "
      "type='application/ld+json'>{\"@type\":\"NewsMediaOrganization\",\"name\":\"The New York Times\","
      "\"@id\":\"https://www.nytimes.com/#publisher\"}</script>");
  EXPECT_EQ(name_in(nyt, "source"), "The New York Times");
  const nlohmann::json yoast = fields_of(
      "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
      "\"Article\",\"@id\":\"https://news.example/a/#article\",\"author\":{\"name\":\"Dana Whitfield\","
      "\"@id\":\"https://news.example/#/schema/person/1\"},\"publisher\":{\"@id\":\"https://news.example/#organization\"}},"
      "{\"@type\":\"Organization\",\"@id\":\"https://news.example/#organization\",\"name\":\"Valley Courier\"},"
      "{\"@type\":\"Person\",\"@id\":\"https://news.example/#/schema/person/2\",\"name\":\"Someone Else\"}]}</script>");
  EXPECT_EQ(name_in(yoast, "source"), "Valley Courier");
  EXPECT_EQ(name_in(yoast, "author"), "Dana Whitfield") << "a named author is kept as given";
}

// A review's pages: many references to one large node, the same author twice, and
// references that name no node.
TEST(HtmlAuthors, ReferencesCostTheirNamesOnly) {
  std::string big(200000, 'x');
  std::string references;
  for (int i = 0; i < 5000; ++i) references += std::string(i == 0 ? "" : ",") + "{\"@id\":\"#p\"}";
  const HtmlPage page = read_html_page(
      "<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":[" +
      references + "]},{\"@type\":\"Person\",\"@id\":\"#p\",\"name\":\"Jane Doe\",\"description\":\"" + big +
      "\"}]}</script></head><body><article>" + kStory + "</article></body></html>");
  const nlohmann::json authors = page.fields.value("author", nlohmann::json());
  ASSERT_TRUE(authors.is_array());
  EXPECT_EQ(authors.size(), 1u) << "one person, named once";
  EXPECT_EQ(authors[0], "Jane Doe") << "only the name is copied";

  const HtmlPage unresolved = read_html_page(
      "<html><head><meta name='author' content='Jane Doe'><script type='application/ld+json'>{\"@type\":"
      "\"NewsArticle\",\"author\":[{\"@id\":\"#a\"},{\"@id\":\"#b\"}]}</script></head><body><article>" +
      std::string(kStory) + "</article></body></html>");
  EXPECT_EQ(unresolved.fields.value("author", nlohmann::json()), nlohmann::json::array({"Jane Doe"}))
      << "references to nothing name no one";
  EXPECT_EQ(read_html_page("<html><head><meta property='og:url' content='https://janedoe.com/post'><meta name='author' "
                           "content='Jane Doe'></head><body><article>" + std::string(kStory) + "</article></body></html>")
                .fields.value("author", nlohmann::json()),
            nlohmann::json::array({"Jane Doe"}))
      << "a personal site's host is its author's name, not a site's";
}

TEST(HtmlTitle, DropsTheSiteNameNamedByOgSiteName) {
  EXPECT_EQ(title_of("<title>Port strike ends after six days | Harbour Times</title>"
                     "<meta property='og:site_name' content='Harbour Times'>"),
            "Port strike ends after six days");
}

TEST(HtmlTitle, DropsTheSiteNameNamedByTheHost) {
  EXPECT_EQ(title_of("<meta property='og:title' content='Best laptops for students - ZDNET'>"
                     "<link rel='canonical' href='https://www.zdnet.com/article/best-laptops/'>"),
            "Best laptops for students");
}

TEST(HtmlTitle, DropsASuffixEveryTitleOfThePageShares) {
  EXPECT_EQ(title_of("<meta property='og:title' content='Rates held at five percent – The Ledger'>"
                     "<title>Rates held steady again – The Ledger</title>"),
            "Rates held at five percent");
}

// A separator inside a headline is not a site name: "Biden - Xi" names no site of the page.
TEST(HtmlTitle, KeepsAHeadlineThatOnlyLooksLikeHeadlineAndSite) {
  EXPECT_EQ(title_of("<title>Summit talks end early - Biden - Xi</title>"
                     "<meta property='og:site_name' content='Harbour Times'>"),
            "Summit talks end early - Biden - Xi");
}

TEST(HtmlTitle, TakesTheHeadlineOutOfATitleWithSectionAndDate) {
  EXPECT_EQ(title_of("<meta property='og:title' content='Chipfabrik in Dresden: Was Taiwans Halbleiterriese vorhat | DW | "
                     "20.08.2024'><meta property='og:site_name' content='dw.com'>",
                     "<h1 class='article-title'>Chipfabrik in Dresden: Was Taiwans Halbleiterriese vorhat</h1>"),
            "Chipfabrik in Dresden: Was Taiwans Halbleiterriese vorhat");
  EXPECT_EQ(title_of("<title>陸方宣布恢復福建居民赴金門旅遊 | 兩岸 | 中央社 CNA</title>"
                     "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                     "\"headline\": \"陸方宣布恢復福建居民赴金門旅遊\"}</script>"),
            "陸方宣布恢復福建居民赴金門旅遊");
}

TEST(HtmlTitle, TakesTheHeadlineOutOfAMagazinesKicker) {
  EXPECT_EQ(title_of("<meta property='og:title' content='The Commons Review: The quiet crisis in rural pharmacies'>",
                     "<h1 class='title'>The quiet crisis in rural pharmacies</h1>"),
            "The quiet crisis in rural pharmacies");
}

// The headline's own colon is part of it; and a word that only starts the title is no part.
TEST(HtmlTitle, KeepsAKickerThatIsPartOfTheHeadline) {
  EXPECT_EQ(title_of("<meta property='og:title' content='Taiwan: Opposition wins the mayoral race in Taipei'>",
                     "<h1>Taiwan: Opposition wins the mayoral race in Taipei</h1>"),
            "Taiwan: Opposition wins the mayoral race in Taipei");
  EXPECT_EQ(title_of("<meta property='og:title' content='Opposition wins the mayoral race in Taipei'>",
                     "<h1>Opposition wins the mayoral race</h1>"),
            "Opposition wins the mayoral race in Taipei");
  EXPECT_EQ(title_of("<meta property='og:title' content='World News | Harbour Times'>", "<h1>World News</h1>"),
            "World News | Harbour Times")
      << "a short heading is one of the title's parts, not its headline";
}

TEST(HtmlTitle, ALogoHeadingNeverWins) {
  EXPECT_EQ(title_of("<title>Ferry service resumes after storm | Island Courier</title>",
                     "<header><div class='site-logo'><h1><a href='/'>Island Courier</a></h1></div></header>"),
            "Ferry service resumes after storm");
  EXPECT_EQ(title_of("<title>Ferry service resumes after storm | Island Courier</title>",
                     "<h1>Island Courier</h1>"),
            "Ferry service resumes after storm")
      << "an <h1> that is the site's name is its logo";
}

// "brand" as one word of a longer class name is no logo mark.
TEST(HtmlTitle, AHeadingWhoseClassOnlyContainsALogoWordWins) {
  EXPECT_EQ(title_of("<title>Island Courier</title>",
                     "<h1 class='brand-partnership-headline'>Ferry service resumes after storm</h1>"),
            "Ferry service resumes after storm");
}

// A dateline printed between the headline and the article's text, outside what the extractor
// takes for the article, still dates the page (a second new user's trial: Der Spiegel).
TEST(HtmlDate, ADatelineNearTheHeadlineDatesThePage) {
  const auto date_of = [](const std::string& between) {
    const HtmlPage page = read_html_page("<html><body><article><h1>Bahn strike ends</h1>" + between +
                                         "<div class=\"RichText\">" + kStory + kStory + "</div></article></body></html>");
    return page.fields.value("date", std::string{});
  };
  EXPECT_EQ(date_of("<p>Ver\xC3\xB6" "ffentlicht am 10.01.2024, 06.12 Uhr</p>"), "2024-01-10T06:12:00Z");
  EXPECT_EQ(date_of("<div><span>Published:</span> <time>5th May 2024</time></div>"), "2024-05-05");
  EXPECT_EQ(date_of("<p class=\"dek\">Talks went on for a week.</p><span>Mar 10, 2021</span>"), "2021-03-10");
  EXPECT_EQ(date_of(""), "");
  EXPECT_EQ(date_of("<p>Talks resumed on 10.01.2024 after a long pause in the dispute.</p>"), "") << "a sentence, not a dateline";
}

// A new user's trial: Kompas dates its pages in a meta tag of its own, in Jakarta time with
// no zone, and prints the zone in its dateline ("Kompas.com - 20/03/2024, 22:45 WIB"): the
// dateline's zone says which moment the tag's time is. A dateline that is another moment
// leaves the tag's time alone.
TEST(HtmlDate, AMetaTagsTimeWithoutAZoneTakesTheZoneTheDatelinePrints) {
  const auto date_of = [](const std::string& meta, const std::string& dateline) {
    const HtmlPage page =
        read_html_page("<html><head><meta name='content_PublishedDate' content='" + meta + "'></head><body><article>" +
                       "<h1>KPU Tetapkan Prabowo-Gibran</h1><div class='read__time'>" + dateline + "</div>" + kStory +
                       kStory + "</article></body></html>");
    return page.fields.value("date", std::string{});
  };
  EXPECT_EQ(date_of("2024-03-20 22:45:12", ""), "2024-03-20 22:45:12") << "Kompas's tag is read";
  EXPECT_EQ(date_of("2024-03-20 22:45:12", "Kompas.com - 20/03/2024, 22:45 WIB"), "2024-03-20T22:45:00+07:00");
  EXPECT_EQ(date_of("2024-03-20T22:45:12+07:00", "Kompas.com - 20/03/2024, 22:40 WIB"), "2024-03-20T22:45:12+07:00")
      << "a tag that gives its zone stands";
  EXPECT_EQ(date_of("2024-03-20 22:45:12", "Kompas.com - 17/03/2024, 10:00 WIB"), "2024-03-20 22:45:12")
      << "a dateline days away is another date";
  EXPECT_EQ(date_of("2024-03-20 22:45:12", "20/03/2024, 22:45"), "2024-03-20 22:45:12") << "a dateline with no zone adds none";
}

// Xinhua prints its date in spans before the headline, in the headline's section:
// <span class="year"><em>2024</em></span><span class="day"><em>05</em>/<em>20</em></span>
// <span class="time">16:35:12</span>. Read when nothing else dates the page, and only from
// an element named for a date or a time near the headline: a site's header saying today's
// date is neither.
TEST(HtmlDate, ADateInSpansBeforeTheHeadlineDatesAPageWithNoOther) {
  const std::string xinhua_time =
      "<div class='header-time left'><span class='year'><em> 2024</em></span>\n<span class='day'><em> 05</em>/<em>20</em>"
      "</span>\n<span class='time'> 16:35:12</span></div>";
  const auto date_of = [](const std::string& head, const std::string& body) {
    return read_html_page("<html><head>" + head + "</head><body>" + body + "</body></html>").fields.value("date", std::string{});
  };
  const std::string story = std::string("<div class='main'><div id='detail'>") + kStory + kStory + "</div></div>";
  EXPECT_EQ(date_of("", "<div class='header'><div class='header-top'>" + xinhua_time +
                            "<div class='source'>来源：新华网</div></div><div class='head-line'><h1>国台办发言人谈话</h1></div>"
                            "</div>" + story),
            "2024-05-20T16:35:12Z");
  EXPECT_EQ(date_of("<meta name='publishdate' content='2024-05-21'>",
                    "<div class='header'><div class='header-top'>" + xinhua_time + "</div><h1>国台办发言人谈话</h1></div>" + story),
            "2024-05-21")
      << "the page's own date first";
  EXPECT_EQ(date_of("", "<div class='masthead'><div class='top'><span class='date'>Monday, May 20, 2024</span></div></div>"
                        "<div class='page'><div class='wrap'><article><header><h1>Ferry resumes</h1></header>" + story +
                        "</article></div></div>"),
            "")
      << "the site's header, far from the headline";
  EXPECT_EQ(date_of("", "<div class='header'><p>May 20, 2024</p><h1>Ferry resumes</h1></div>" + story), "")
      << "an element named for neither";
}

// A third trial's pages: a French title's quotes, a headline broken by <br>, a kicker and a
// headline in spans, and JSON-LD types beyond NewsArticle.
TEST(HtmlTitle, QuotesBreaksAndSpansInHeadlines) {
  EXPECT_EQ(title_of("<meta property='og:title' content='Retraites : le « conclave » se sépare sans accord'>"
                     "<title>Retraites : le « conclave » se sépare sans accord</title>"),
            "Retraites : le « conclave » se sépare sans accord");
  EXPECT_EQ(title_of("<title>x</title>", "<h1>Ports brace<br>for new tariffs</h1>"), "Ports brace for new tariffs");
  EXPECT_EQ(title_of("<title>x</title>", "<h1><span>Rentenpaket</span><span>Was der Minister sagt</span></h1>"),
            "Rentenpaket Was der Minister sagt");
  const HtmlPage review = read_html_page(
      "<html><head><script type='application/ld+json'>{\"@type\":\"Review\",\"datePublished\":\"2024-05-02\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Ada Reviewer\"}}</script></head><body><article>" +
      std::string(kStory) + "</article></body></html>");
  EXPECT_EQ(review.fields.value("date", ""), "2024-05-02");
}

TEST(SiteLabel, IsTheNameBeforeTheDomainsEnding) {
  EXPECT_EQ(site_label("japantimes.co.jp"), "japantimes");
  EXPECT_EQ(site_label("bbc.co.uk"), "bbc");
  EXPECT_EQ(site_label("edition.cnn.com"), "cnn") << "a review: not the longest label";
  EXPECT_EQ(site_label("reuters.com"), "reuters");
  EXPECT_EQ(site_label("smh.com.au"), "smh");
  EXPECT_EQ(site_label("localhost"), "localhost");
  EXPECT_EQ(site_label(""), "");
}

// A page's &shy; in its og:title is no letter of the title (a review).
TEST(HtmlTitle, SoftHyphensAreNoLetters) {
  const std::string html = std::string("<html><head><meta property='og:title' content='Die Vertrauens&shy;frage'></head>"
                                       "<body><article>") + kStory + "</article></body></html>";
  const ReadResult read = HtmlReader().read(SourceFile{"/saved/a.html", "a.html", html});
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_EQ(read.articles[0].title, "Die Vertrauensfrage");
}

TEST(UrlHost, IsTheHostInLowerCaseWithoutWww) {
  EXPECT_EQ(url_host("https://www.cfr.org/blog/x"), "cfr.org");
  EXPECT_EQ(url_host("HTTPS://WWW.Reuters.COM/x"), "reuters.com");
  EXPECT_EQ(url_host("http://user:pass@news.example.org:8080/a?b#c"), "news.example.org");
  EXPECT_EQ(url_host("http://[2001:db8::1]:8080/x"), "[2001:db8::1]");
  EXPECT_EQ(url_host("/2024/05/oil"), "");
}

// Schema.org's isAccessibleForFree, false as a boolean or a string, marks the page saved as
// the free part of a paywalled article (a second trial's Bloomberg page).
TEST(HtmlJsonLd, SaysWhenAnArticleIsNotFreeAndTimesAMetaTagsDay) {
  const auto paywalled = [](const std::string& free) {
    return read_html_page("<html><head><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                          "\"headline\": \"Fed holds\", \"isAccessibleForFree\": " + free +
                          "}</script></head><body><article>" + std::string(kStory) + "</article></body></html>")
        .paywalled;
  };
  EXPECT_TRUE(paywalled("false"));
  // And its time on the day a meta tag gives (a second trial's NPR page).
  const HtmlPage npr = read_html_page(
      "<html><head><meta name='date' content='2026-03-19'><script type='application/ld+json'>{\"@type\": "
      "\"NewsArticle\", \"datePublished\": \"2026-03-19T05:04:00-04:00\"}</script></head><body><article>" +
      std::string(kStory) + "</article></body></html>");
  EXPECT_EQ(npr.fields.value("date", std::string{}), "2026-03-19T05:04:00-04:00");
  EXPECT_TRUE(paywalled("\"False\""));
  EXPECT_FALSE(paywalled("true"));
}

}  // namespace
}  // namespace cs::indexer
