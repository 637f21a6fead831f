// The web page of a real `cs-search --serve`: server-rendered results, facets, timeline,
// pages and article view whose links hold the whole state; every document field escaped
// where it is written; nothing loaded from outside the binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <regex>

#include "serve/served.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Articles whose fields try to break out of the page, and enough harbour stories for pages.
// cs-index reads a JSON title's tags as HTML and drops them, and decodes its character
// references: the markup comes in escaped ("&lt;script&gt;"), as the characters the page
// must escape.
struct HostileNewsCorpus {
  static std::filesystem::path make(const std::filesystem::path& scratch) {
    std::string lines;
    const auto add = [&lines](nlohmann::json item) { lines += item.dump() + "\n"; };
    add({{"id", "script"}, {"title", "&lt;script&gt;alert(1)&lt;/script&gt; harbour"},
         {"text", "The harbour pilots struck at dawn."}, {"source", "Evil &quot;Source&quot; &lt;b&gt;"},
         {"author", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"}, {"date", "2024-03-01"},
         {"url", "javascript:alert(3)"}});
    add({{"id", "quote"}, {"title", "&quot;&gt;&lt;img src=x onerror=alert(4)&gt;"}, {"text", "Harbour dues rose <again> & again."},
         {"source", "Wire"}, {"date", "2023-05-02"}, {"url", "https://example.org/harbour?a=1&b=<2>"}});
    // One wire story from two outlets: one hit, the other copy linked under it.
    const std::string wire =
        "Glacier guides in the valley said on Monday that the ice bridge below the north face had collapsed overnight, "
        "closing the classic route for the rest of the season; rescue teams flew over the moraine at first light and "
        "found nobody on the lower slopes, and the cantonal police asked climbers to use the eastern ridge instead.";
    add({{"id", "glacier-alpine"}, {"title", "Ice bridge collapses"}, {"text", wire}, {"source", "Alpine Wire"}, {"date", "2024-02-05"}});
    add({{"id", "glacier-post"}, {"title", "North face route closed"}, {"text", wire}, {"source", "Mountain Post"}, {"date", "2024-02-05"}});
    for (int i = 0; i < 23; ++i) {
      add({{"id", "plain-" + std::to_string(i)},
           {"title", "Harbour report " + std::to_string(i)},
           {"text", "The harbour board met for the " + std::to_string(i) + "th time to discuss the dredging budget."},
           {"source", i % 2 == 0 ? "Port Gazette" : "Coast Times"},
           {"date", std::to_string(2010 + i % 5) + "-06-01"}});
    }
    write_file(scratch / "news" / "items.jsonl", lines);
    return scratch / "news";
  }
};

class WebPageTest : public ServedOnce<HostileNewsCorpus> {
 protected:
  static std::string page(const std::string& target, int status = 200) {
    const auto res = served().get(target);
    EXPECT_TRUE(res) << target;
    if (!res) return "";
    EXPECT_EQ(res->status, status) << target;
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8") << target;
    return res->body;
  }
  static std::size_t count(const std::string& html, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = html.find(what); at != std::string::npos; at = html.find(what, at + 1)) ++n;
    return n;
  }
};

TEST_F(WebPageTest, TheFrontPageIsASearchBox) {
  const std::string html = page("/");
  EXPECT_THAT(html, HasSubstr("<form id=\"search\" method=\"get\" action=\"/\""));
  EXPECT_THAT(html, HasSubstr("<input id=\"q\" name=\"q\""));
  EXPECT_THAT(html, HasSubstr("<meta name=\"viewport\""));
  EXPECT_THAT(html, HasSubstr("<p id=\"count\">27 articles to search.</p>"));
}

TEST_F(WebPageTest, ResultsShowHighlightedPassagesFacetsTimelineAndPages) {
  const std::string html = page("/?q=harbour");
  EXPECT_EQ(count(html, "<li class=\"hit\""), 10u);
  EXPECT_THAT(html, HasSubstr("<p id=\"count\">25 articles match"));
  EXPECT_THAT(html, HasSubstr("<mark>harbour</mark>"));
  EXPECT_THAT(html, HasSubstr("<a class=\"facet\" href=\"/?q=harbour&amp;source=Port%20Gazette\">Port Gazette<span>12</span>"));
  EXPECT_THAT(html, HasSubstr("<a class=\"bar\" href=\"/?q=harbour&amp;since=2010&amp;until=2010\">"));
  EXPECT_THAT(html, HasSubstr("<a rel=\"next\" href=\"/?offset=10&amp;q=harbour\">"));
  const std::string second = page("/?offset=10&q=harbour");
  EXPECT_THAT(second, HasSubstr("<ol id=\"results\" start=\"11\">"));
  EXPECT_EQ(count(second, "<li class=\"hit\""), 10u);
  EXPECT_THAT(second, HasSubstr("<a rel=\"prev\" href=\"/?q=harbour\">"));
  const std::string narrowed = page("/?q=harbour&source=Port%20Gazette");
  EXPECT_THAT(narrowed, HasSubstr("<p id=\"count\">12 articles match"));
  EXPECT_THAT(narrowed, HasSubstr("<a class=\"chip\" href=\"/?q=harbour\""));
  EXPECT_THAT(narrowed, HasSubstr("href=\"/article/plain-0?q=harbour&amp;source=Port%20Gazette#p-0\""))
      << "an article opened from a search carries it back";
  EXPECT_THAT(page("/article/plain-0?q=harbour&source=Port%20Gazette"),
              HasSubstr("<a href=\"/?q=harbour&amp;source=Port%20Gazette\">\xE2\x86\x90 results</a>"));
  EXPECT_THAT(page("/?q=harbour&offset=500"), HasSubstr("25 articles match \xE2\x80\x9Charbour\xE2\x80\x9D; this page starts past them"));
  EXPECT_EQ(count(page("/?q=harbour&utm_source=feed"), "<li class=\"hit\""), 10u) << "a tracker's parameter is left alone";
  const std::string year = page("/?q=harbour&since=2010&until=2010");
  EXPECT_THAT(year, HasSubstr("since=2010-06&amp;until=2010-06")) << "within a year the timeline shows months";
}

// The page and the API show a story's other copy whole: the page links it by its id, the
// API gives its record (where the command line's text names it by source alone).
TEST_F(WebPageTest, AStorysOtherCopyIsShownWholeUnderItsHit) {
  const std::string html = page("/?q=glacier");
  EXPECT_EQ(count(html, "<li class=\"hit\""), 1u) << html;
  // Whichever copy ranks first, the other is linked by its id and named by its source.
  const bool linked = html.find("also in: <a href=\"/article/glacier-post?q=glacier\">Mountain Post</a>") != std::string::npos ||
                      html.find("also in: <a href=\"/article/glacier-alpine?q=glacier\">Alpine Wire</a>") != std::string::npos;
  EXPECT_TRUE(linked) << html;
  // The API answers as --format json does: each copy's record.
  const auto api = served().get("/api/search?q=glacier");
  ASSERT_TRUE(api);
  const nlohmann::json answer = nlohmann::json::parse(api->body, nullptr, false);
  ASSERT_EQ(answer["results"].size(), 1u) << api->body;
  ASSERT_EQ(answer["results"][0]["also_in"].size(), 1u) << api->body;
  EXPECT_TRUE(answer["results"][0]["also_in"][0]["title"].is_string()) << api->body;
}

TEST_F(WebPageTest, EveryDocumentFieldIsEscapedWhereItIsWritten) {
  for (const std::string& html : {page("/?q=harbour&limit=2&source=Evil%20Source"), page("/?q=pilots"),
                                  page("/article/script?q=pilots"), page("/article/quote?q=dues"), page("/?q=dues")}) {
    EXPECT_THAT(html, Not(HasSubstr("<script>alert")));
    EXPECT_THAT(html, Not(HasSubstr("<img")));
    EXPECT_THAT(html, Not(HasSubstr("<again>")));
    EXPECT_THAT(html, Not(HasSubstr("href=\"javascript:")));
  }
  const std::string article = page("/article/script?q=pilots");
  EXPECT_THAT(article, HasSubstr("<h1>&lt;script&gt;alert(1)&lt;/script&gt; harbour</h1>"));
  EXPECT_THAT(article, HasSubstr("Evil &quot;Source&quot; &lt;b&gt;"));
  EXPECT_THAT(article, HasSubstr("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_THAT(page("/article/quote"), HasSubstr("href=\"https://example.org/harbour?a=1&amp;b=&lt;2&gt;\""));
  EXPECT_THAT(page("/?q=dues"), HasSubstr("rose &lt;again&gt; &amp; again."));
}

TEST_F(WebPageTest, TheArticleViewHighlightsTheQueryAndMarksItsPassages) {
  const std::string html = page("/article/plain-3?q=dredging");
  EXPECT_THAT(html, HasSubstr("<article id=\"article\">\n<h1>Harbour report 3</h1>"));
  EXPECT_THAT(html, HasSubstr("<section class=\"passage match\" id=\"p-0\""));
  EXPECT_THAT(html, HasSubstr("<mark>dredging</mark>"));
  EXPECT_THAT(html, HasSubstr("<a href=\"/?q=dredging\">"));
  EXPECT_THAT(page("/article/no-such-article", 404), HasSubstr("No such article"));
  EXPECT_THAT(page("/?q=date:2018-02-30", 400), HasSubstr("<p class=\"error\">"));
  EXPECT_THAT(page("/nowhere", 404), HasSubstr("No such page"));
}

TEST_F(WebPageTest, NothingIsLoadedFromOutsideTheBinary) {
  const std::string html = page("/?q=harbour");
  const std::regex external(R"((src|href)="(https?:)?//)");
  EXPECT_FALSE(std::regex_search(html, external)) << "results link only to this server";
  for (const auto& [path, type] : {std::pair{"/static/app.css", "text/css"}, std::pair{"/static/app.js", "text/javascript"}}) {
    const auto res = served().get(path);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_THAT(res->get_header_value("Content-Type"), HasSubstr(type));
    EXPECT_FALSE(std::regex_search(res->body, std::regex(R"(url\(|@import|https?://)"))) << path;
  }
  EXPECT_EQ(served().get("/static/../../etc/passwd.css")->status, 404);
  const auto res = served().get("/");
  ASSERT_TRUE(res);
  EXPECT_THAT(res->get_header_value("Content-Security-Policy"), HasSubstr("default-src 'none'; script-src 'self'"));
}

}  // namespace
}  // namespace cs::test
