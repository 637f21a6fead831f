#include "indexer/readers/record_fields.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(RecordFields, AcceptsAliases) {
  const auto record = nlohmann::json::parse(R"({
    "headline": "H", "publishedDateTime": "2021-02-11T02:39:57Z", "webUrl": "https://x/y",
    "provider": {"name": "CNN", "domain": "cnn.com"}, "tags": "Trade, Taiwan", "guid": "g-1",
    "authors": [{"name": "A One"}, "B Two"], "summary": "S", "content": "C"})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "H");
  EXPECT_EQ(article.date, "2021-02-11T02:39:57Z");
  EXPECT_EQ(article.url, "https://x/y");
  EXPECT_EQ(article.source, "CNN");
  EXPECT_EQ(article.id, "g-1");
  EXPECT_EQ(article.author, "A One, B Two");
  EXPECT_EQ(article.topics, (std::vector<std::string>{"Trade", "Taiwan"}));
  EXPECT_EQ(text.excerpt, "S");
  EXPECT_EQ(text.body, "C");
}

// A date the record gives that is none cs-index reads is said, once, with the value: the
// article is indexed undated ("date: December 2024" in front matter was dropped silently, a
// new user's trial). A readable date, no date, or a dateline in the text says nothing.
TEST(RecordFields, AnUnreadableDateIsSaid) {
  Article undated;
  const std::optional<Error> said = fill_article_from_record(
      nlohmann::json{{"title", "ECB watch"}, {"date", "December 2024"}, {"text", "The ECB cut rates again."}}, {}, undated);
  ASSERT_TRUE(said.has_value());
  EXPECT_EQ(said->reason, "date 'December 2024' is not a date cs-index reads");
  EXPECT_EQ(undated.date, "");
  for (const nlohmann::json& quiet :
       {nlohmann::json{{"title", "T"}, {"date", "2024-12-01"}, {"text", "Body."}},
        nlohmann::json{{"title", "T"}, {"text", "Body."}}, nlohmann::json{{"title", "T"}, {"date", nullptr}, {"text", "Body."}},
        nlohmann::json{{"title", "T"}, {"date", "soon"}, {"text", "Published: December 1, 2024\n\nThe coalition fell."}}}) {
    Article article;
    EXPECT_FALSE(fill_article_from_record(quiet, {}, article).has_value()) << quiet.dump();
  }
}

// The date is in a file the user seldom wrote (a feed, a saved page): the hint says what
// follows and how to date the article where the file can be edited, not "write it as"; a
// zone's abbreviation that names several zones is said to (a new user's trial: the Times of
// India's "IST").
TEST(RecordFields, AnUnreadableDatesHintFitsAFileSomeoneElseWrote) {
  Article undated;
  const std::optional<Error> said = fill_article_from_record(
      nlohmann::json{{"title", "Naidu"}, {"date", "Wed, 05 Jun 2024 11:12:00 IST"}, {"text", "Body."}}, {}, undated);
  ASSERT_TRUE(said.has_value());
  EXPECT_EQ(said->reason,
            "date 'Wed, 05 Jun 2024 11:12:00 IST' is not a date cs-index reads: IST is the time of India, Israel or "
            "Ireland");
  EXPECT_EQ(said->hint, "the article is indexed undated; if you can edit the file, write the zone as its offset from "
                        "UTC (India's: +05:30)");
  Article other;
  const std::optional<Error> plain =
      fill_article_from_record(nlohmann::json{{"title", "T"}, {"date", "December 2024"}, {"text", "Body."}}, {}, other);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->hint, "the article is indexed undated; if you can edit the file, write the date as 2024-12-01 or "
                         "2024-12-01T09:30:00+01:00");
}

// Shapes of real feeds and APIs a new user's trial fed in: their bodies, dates and authors
// were lost.
TEST(RecordFields, ReadsJsonFeedTheGuardianAndHackerNews) {
  Article feed_item;
  RecordText feed = apply_record_fields(nlohmann::json::parse(R"({
    "id": "https://restofworld.org/?p=1", "title": "Chip exports", "summary": "Short.",
    "content_html": "<p>Full text.</p>", "content_text": "Full text.",
    "date_published": "2024-03-05T08:00:00-05:00", "authors": [{"name": "Ana Ruiz"}]})"), feed_item);
  EXPECT_EQ(feed.body, "<p>Full text.</p>");
  EXPECT_EQ(feed_item.date, "2024-03-05T08:00:00-05:00");
  EXPECT_EQ(feed_item.author, "Ana Ruiz");

  Article guardian_item;
  RecordText guardian = apply_record_fields(nlohmann::json::parse(R"({
    "id": "world/2024/mar/05/x", "webTitle": "Talks resume", "webPublicationDate": "2024-03-05T10:15:00Z",
    "webUrl": "https://www.theguardian.com/world/2024/mar/05/x",
    "fields": {"bodyText": "Negotiators met again.", "byline": "Jo Smith", "trailText": "Standfirst."}})"),
                                            guardian_item);
  EXPECT_EQ(guardian_item.title, "Talks resume");
  EXPECT_EQ(guardian_item.date, "2024-03-05T10:15:00Z");
  EXPECT_EQ(guardian_item.author, "Jo Smith");
  EXPECT_EQ(guardian.body, "Negotiators met again.");
  EXPECT_EQ(guardian.excerpt, "Standfirst.");

  Article hn_item;
  apply_record_fields(nlohmann::json::parse(R"({"id": 8863, "by": "dhouston", "time": 1175714200,
    "title": "My YC app", "text": "Dropbox."})"), hn_item);
  EXPECT_EQ(hn_item.author, "dhouston");
  EXPECT_EQ(hn_item.date, "2007-04-04T19:16:40Z");
}

TEST(RecordFields, EscapedControlCharactersAreCleanedLikeAFilesText) {
  // Found by fuzz_reader_jsonl: JSON escapes decode to what decode_source_text removed
  // from the file, and they must not reach the index (or a terminal) either.
  const auto record = nlohmann::json::parse(
      R"({"title": "Red \u001b[31malert\u0007", "author": "A\rB", "text": "Lanes w\re open.\r\nNext\u202e line."})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "Red alert");
  EXPECT_EQ(article.author, "A\nB");
  EXPECT_EQ(text.body, "Lanes w\ne open.\nNext line.");
}

TEST(RecordFields, SkipsADateAliasThatIsNotADate) {
  // The CNN seed has both "published: true" and "publishedDateTime".
  const auto record = nlohmann::json::parse(R"({"published": "true", "publishedDateTime": "2021-02-11T02:39:57Z"})");
  Article article;
  apply_record_fields(record, article);
  EXPECT_EQ(article.date, "2021-02-11T02:39:57Z");
}

TEST(RecordFields, ReadsDatesAsNumbersAndAsLabelledDatelines) {  // a trial's finds
  for (const auto& [json, date] : std::vector<std::pair<const char*, const char*>>{
           {R"({"publishedAt": 1706745600})", "2024-02-01T00:00:00Z"},
           {R"({"date": 1706745600000})", "2024-02-01T00:00:00Z"},
           {R"({"publishedAt": "Published: 5th May 2024, 8:00am"})", "2024-05-05T08:00:00Z"},
           {R"({"date": "Veröffentlicht am 10.01.2024, 06.12 Uhr"})", "2024-01-10T06:12:00Z"},
           {R"({"date": 2024})", ""}}) {
    Article article;
    apply_record_fields(nlohmann::json::parse(json), article);
    EXPECT_EQ(article.date, date) << json;
  }
}

TEST(RecordFields, IgnoresRelatedArticles) {
  const auto record = nlohmann::json::parse(R"({"title": "Mine", "related": [{"title": "Theirs", "excerpt": "Other"}]})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "Mine");
  EXPECT_TRUE(text.excerpt.empty());
}

TEST(RecordFields, LeavesArticleAloneForNonObjects) {
  Article article;
  article.title = "kept";
  apply_record_fields(nlohmann::json::array({1, 2}), article);
  EXPECT_EQ(article.title, "kept");
}

// Text outside HTML is decided on as written, then its character references decoded and
// cleaned; titles lose their tags. What is HTML is left to libxml2, and a web page's
// metadata (RecordMarkup::kText), which libxml2 has read already, is taken as it is.
TEST(RecordFields, ShowsTextAsWrittenByItsMarkup) {
  const auto record = nlohmann::json::parse(R"({
    "title": "Review: <em>Dune: Part Two</em> is Villeneuve&#8217;s masterpiece",
    "author": "&#10;Jane&#27;[31m Doe&#9;", "source": "AT&amp;T News",
    "text": "Wrap it in a &lt;div&gt; element, &quot;always&quot;."})");
  Article article;
  fill_article_from_record(record, {}, article);
  EXPECT_EQ(article.title, "Review: Dune: Part Two is Villeneuve\u2019s masterpiece");
  EXPECT_EQ(article.source, "AT&T News");
  EXPECT_EQ(article.author.find('\x1b'), std::string::npos) << "a decoded escape is cleaned like any other";
  EXPECT_EQ(article.author.find('\n'), std::string::npos);
  EXPECT_EQ(article.body, "Wrap it in a <div> element, \"always\".") << "decoded text is text, not HTML";

  Article page;
  fill_article_from_record(nlohmann::json::parse(R"({"title": "What does &amp;nbsp; mean?", "text": "T"})"), {}, page,
                           RecordMarkup::kText);
  EXPECT_EQ(page.title, "What does &amp;nbsp; mean?");

  Article item;  // a feed's description is HTML even with no tag: its escaped tag is text
  fill_article_from_record(nlohmann::json::parse(R"({"title": "T", "description": "Never trust &lt;script&gt; tags."})"),
                           {}, item, RecordMarkup::kHtml);
  EXPECT_EQ(item.body, "Never trust <script> tags.");
}

// The New York Times' keywords name their kind and give the keyword as the value; numbers
// are ids in the exporting system (WordPress's author and tags), no names.
TEST(RecordFields, KeywordsByValueAndNoNumbersAsNames) {
  Article nyt;
  apply_record_fields(nlohmann::json::parse(R"({"keywords": [{"name": "glocations", "value": "Taiwan"},
    {"name": "persons", "value": "Lai Ching-te"}], "byline": {"original": "By Amy Chang Chien"}})"), nyt);
  EXPECT_EQ(nyt.topics, (std::vector<std::string>{"Taiwan", "Lai Ching-te"}));
  EXPECT_EQ(nyt.author, "Amy Chang Chien");
  Article post;
  apply_record_fields(nlohmann::json::parse(R"({"author": 17, "tags": [311, 527]})"), post);
  EXPECT_EQ(post.author, "");
  EXPECT_TRUE(post.topics.empty());
  Article named;  // tags of ids leave the categories to name the topics
  apply_record_fields(nlohmann::json::parse(R"({"tags": [311], "categories": "Politics, Asia"})"), named);
  EXPECT_EQ(named.topics, (std::vector<std::string>{"Politics", "Asia"}));
  Article guardian;  // the Guardian's tags name themselves by webTitle; a body may be {"text": ...}
  const RecordText text = apply_record_fields(
      nlohmann::json::parse(R"({"tags": [{"id": "world/taiwan", "type": "keyword", "webTitle": "Taiwan"}],
                                "body": {"text": "The body."}})"), guardian);
  EXPECT_EQ(guardian.topics, (std::vector<std::string>{"Taiwan"}));
  EXPECT_EQ(text.body, "The body.");
}

// Only inline formatting is read as HTML in a title: a title that names an element or a
// type keeps it (a review: "How the <canvas> element draws" was "How the"). A feed's title
// is text already, never read as HTML again.
TEST(RecordFields, TitlesNamingTagsKeepThem) {
  for (const std::string title : {"How the <canvas> element draws", "Vec<T> versus arrays in Rust", "Why x<y and y>z holds"}) {
    Article article;
    fill_article_from_record(nlohmann::json{{"title", title}, {"text", "T"}}, {}, article);
    EXPECT_EQ(article.title, title);
  }
  Article item;
  fill_article_from_record(nlohmann::json{{"title", "Using <template> in Vue components"}, {"description", "D"}}, {}, item,
                           RecordMarkup::kHtml);
  EXPECT_EQ(item.title, "Using <template> in Vue components");
}

// A title loses the " - Publisher" ending that names its source, when a headline is left;
// an author is the name of "address (Name)", but Blogger's "(Unknown)" is no one's.
TEST(RecordFields, PublisherEndingsAndAuthorAddresses) {
  Article article;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Taiwan's new president urges China to stop threats - The Washington Post",
    "source": "The Washington Post", "text": "T", "author": "noreply@blogger.com (Unknown)"})json"), {}, article);
  EXPECT_EQ(article.title, "Taiwan's new president urges China to stop threats");
  EXPECT_EQ(article.author, "");
  Article film;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Star Wars: Episode IV - A New Hope",
    "url": "https://anewhope.com/x", "text": "T", "author": "Jane Doe @jdoe (Reuters)"})json"), {}, film);
  EXPECT_EQ(film.title, "Star Wars: Episode IV - A New Hope") << "a URL's host is no publisher's name";
  Article brief;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Oil - Reuters", "source": "Reuters", "text": "T"})json"), {}, brief);
  EXPECT_EQ(brief.title, "Oil - Reuters") << "too little would be left";
  EXPECT_EQ(film.author, "Jane Doe @jdoe (Reuters)") << "no address before the parenthesis";
}

// The scrapers' own names, as a second new user's trial exported them: newspaper3k's
// publish_date, news-please's date_publish, maintext and source_domain (a host, whose name
// ends the title); and Google News relaying another paper's story through NewsAPI.
TEST(RecordFields, ScrapersFieldsAndRelayedStories) {
  Article scraped;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Rotterdam port strike enters second day | Reuters",
    "publish_date": "2026-03-12 00:00:00", "source_domain": "www.reuters.com", "text": "T"})json"), {}, scraped);
  EXPECT_EQ(scraped.date, "2026-03-12T00:00:00Z");
  EXPECT_EQ(scraped.source, "reuters.com");
  EXPECT_EQ(scraped.title, "Rotterdam port strike enters second day");
  Article news_please;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Households weigh mortgage costs - The Japan Times",
    "date_publish": "2026-01-23 06:40:00", "source_domain": "japantimes.co.jp", "maintext": "The Bank of Japan."})json"),
                           {}, news_please);
  EXPECT_EQ(news_please.date, "2026-01-23T06:40:00Z");
  EXPECT_EQ(news_please.body, "The Bank of Japan.");
  EXPECT_EQ(news_please.title, "Households weigh mortgage costs");
  Article relayed;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Havenstaking Rotterdam: schepen wachten op zee - NOS",
    "source": {"id": "google-news", "name": "Google News"}, "description": "T"})json"), {}, relayed);
  EXPECT_EQ(relayed.source, "NOS");
  EXPECT_EQ(relayed.title, "Havenstaking Rotterdam: schepen wachten op zee");
}

// NewsAPI gives the first 200 characters of an article, cut in a word, and a description of
// its own (a new user's trial found the description's words nowhere and "int" indexed).
TEST(RecordFields, ANewsApiPreviewKeepsItsDescriptionAndLosesItsPieceOfAWord) {
  Article article;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "Fed raises rates",
    "description": "The Fed delivered a stern warning on inflation.",
    "content": "The Federal Reserve on Wednesday raised its key int\u2026 [+2345 chars]"})json"), {}, article);
  EXPECT_TRUE(article.preview);
  EXPECT_EQ(article.body, "The Fed delivered a stern warning on inflation.\n\nThe Federal Reserve on Wednesday raised its key");
  Article repeated;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "T", "description": "The Federal Reserve on Wednesday",
    "content": "The Federal Reserve on Wednesday raised rates. [+2345 chars]"})json"), {}, repeated);
  EXPECT_EQ(repeated.body, "The Federal Reserve on Wednesday raised rates.") << "the text begins with it; a whole word stays";
  Article japanese;  // a review's: the last space was two sentences back
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "T",
    "content": "東京都知事選挙は 現職が3回目の当選を果たしました。投票率は前回を上回\u2026 [+1234 chars]"})json"), {}, japanese);
  EXPECT_EQ(japanese.body, "東京都知事選挙は 現職が3回目の当選を果たしました。投票率は前回を上回");
}

// newsdata.io's free plan puts "ONLY AVAILABLE IN PAID PLANS" where an article's text goes
// (and "... PROFESSIONAL AND CORPORATE PLANS" in other fields): a new user's trial found five
// unrelated articles indexed as one story of that text. It is no text: the description is,
// and the article is a preview, as NewsAPI's cut one is. Its source_name is the source.
TEST(RecordFields, ANewsApisPaidPlanPlaceholderIsNoText) {
  Article article;
  fill_article_from_record(nlohmann::json::parse(R"json({"article_id": "8f4e", "title": "Rupee hits record low",
    "link": "https://economictimes.indiatimes.com/markets/forex/rupee-hits-record-low/articleshow/109234567.cms",
    "description": "The Indian rupee fell to a record low of 83.58 against the US dollar on Tuesday.",
    "content": "ONLY AVAILABLE IN PAID PLANS", "pubDate": "2024-04-16 10:02:33", "source_id": "economictimes_indiatimes",
    "source_name": "The Economic Times", "source_url": "https://economictimes.indiatimes.com", "language": "english",
    "keywords": "ONLY AVAILABLE IN PROFESSIONAL AND CORPORATE PLANS"})json"), {}, article);
  EXPECT_EQ(article.body, "The Indian rupee fell to a record low of 83.58 against the US dollar on Tuesday.");
  EXPECT_TRUE(article.preview);
  EXPECT_EQ(article.source, "The Economic Times");
  EXPECT_TRUE(article.topics.empty()) << "a placeholder in any field";
  Article written;
  fill_article_from_record(nlohmann::json{{"title", "T"}, {"text", "Only available in paid plans, the report says."}}, {},
                           written);
  EXPECT_EQ(written.body, "Only available in paid plans, the report says.") << "a sentence about plans is text";
  EXPECT_FALSE(written.preview);
}

// A title, an author or a tag written as a link is its text: only an article's text of links
// alone is none (a review found scraped titles and authors emptied).
TEST(RecordFields, AFieldWrittenAsALinkIsItsText) {
  Article article;
  fill_article_from_record(nlohmann::json::parse(R"json({"title": "<a href=\"/news/1\">Council approves budget after long debate</a>",
    "author": "<a href=\"/profile/jane-doe\">Jane Doe</a>", "tags": ["<a href=\"/tag/libraries\">Libraries</a>"],
    "content": "<p>The council approved the budget on Tuesday.</p>"})json"), {}, article);
  EXPECT_EQ(article.title, "Council approves budget after long debate");
  EXPECT_EQ(article.author, "Jane Doe");
  EXPECT_EQ(article.topics, std::vector<std::string>{"Libraries"});
}

// The Google Reader API's items, as Feedly and Inoreader export saved articles (a new user's
// trial found their text, source and address lost, and the reader's own state as a topic).
TEST(RecordFields, ReadsFeedlyAndInoreaderItems) {
  Article feedly;
  fill_article_from_record(nlohmann::json::parse(R"json({"id": "Xk3m9Q1pZ", "title": "Fed holds rates steady",
    "published": 1773857400000, "author": "Howard Schneider",
    "origin": {"streamId": "feed/https://www.reuters.com/rss", "title": "Reuters", "htmlUrl": "https://www.reuters.com"},
    "alternate": [{"href": "https://www.reuters.com/markets/fed-holds/", "type": "text/html"}],
    "summary": {"direction": "ltr", "content": "<p>The Federal Reserve held interest rates steady on Wednesday.</p>"},
    "categories": [{"id": "user/0d1e2f/category/Macro", "label": "Macro"}]})json"), {}, feedly);
  EXPECT_EQ(feedly.source, "Reuters");
  EXPECT_EQ(feedly.url, "https://www.reuters.com/markets/fed-holds/");
  EXPECT_EQ(feedly.body, "The Federal Reserve held interest rates steady on Wednesday.");
  EXPECT_EQ(feedly.topics, std::vector<std::string>{"Macro"});
  Article inoreader;
  fill_article_from_record(nlohmann::json::parse(R"json({"id": "tag:google.com,2005:reader/item/00000000deadbeef",
    "title": "EU welcomes US vote on AI", "canonical": [{"href": "https://www.euractiv.com/eu-welcomes/"}],
    "categories": ["user/1005123456/state/com.google/starred", "user/1005123456/label/AI policy"],
    "content": {"direction": "ltr", "content": "<p>Officials welcomed the vote on Thursday.</p>"},
    "origin": {"title": "Euractiv"}})json"), {}, inoreader);
  EXPECT_EQ(inoreader.url, "https://www.euractiv.com/eu-welcomes/");
  EXPECT_EQ(inoreader.source, "Euractiv");
  EXPECT_EQ(inoreader.body, "Officials welcomed the vote on Thursday.");
  EXPECT_EQ(inoreader.topics, std::vector<std::string>{"AI policy"});
}

}  // namespace
}  // namespace cs::indexer
