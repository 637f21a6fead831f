// The feed reader on feeds as real ones come: text before the XML declaration, descriptions
// that are HTML with or without tags, Atom's text types, and empty entries. The golden
// fixtures in tests/fixtures/readers/feed/ hold whole feeds; these pin one rule each.
#include "indexer/readers/feed_reader.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

ReadResult read_feed(const std::string& xml) { return FeedReader().read(SourceFile{"/saved/f.rss", "f.rss", xml}); }

std::string rss_with_item(const std::string& item) {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + item + "</channel></rss>";
}

std::string atom_with_entry(const std::string& entry) {
  return "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title><entry>" + entry +
         "</entry></feed>";
}

TEST(FeedReader, AcceptsBlankLinesAndAByteOrderMarkBeforeTheDeclaration) {  // See issue #20
  for (const std::string prefix : {"\n", "\r\n  \n", "\xEF\xBB\xBF\n", "\n\xEF\xBB\xBF"}) {
    const ReadResult read = read_feed(prefix + rss_with_item("<item><title>Hello</title></item>"));
    ASSERT_EQ(read.articles.size(), 1u) << (read.issues.empty() ? "" : read.issues[0].reason);
    EXPECT_EQ(read.articles[0].title, "Hello");
  }
}

// Google News' feeds end each title with the paper's name, which their <source> may give in
// another form (a new user's trial: " - Kathimerini" stayed in the title of ekathimerini.com's).
TEST(FeedReader, AGoogleNewsTitleLeavesThePapersNameToItsSource) {
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>Athens wildfire: firefighters gain ground as winds ease - Kathimerini</title>"
      "<link>https://news.google.com/rss/articles/CBMi1</link><source url=\"https://www.ekathimerini.com\">"
      "ekathimerini.com</source><description>Firefighters gained ground.</description></item>"
      "<item><title>Ukraine war - live</title><link>https://liveuamap.com/a/1</link>"
      "<description>Shelling went on.</description></item>"));
  ASSERT_EQ(read.articles.size(), 2u);
  EXPECT_EQ(read.articles[0].title, "Athens wildfire: firefighters gain ground as winds ease");
  EXPECT_EQ(read.articles[0].source, "ekathimerini.com");
  EXPECT_EQ(read.articles[1].title, "Ukraine war - live") << "only Google News' links name the paper so";
}

// Google News describes an item by the linked headlines of the story's reports, each with
// its paper's name: no text of the item's own, which is then its title (a new user's trial:
// the list matched "BBC" in a Reuters item and ranked above the reports themselves).
TEST(FeedReader, ADescriptionOfLinksAloneIsNoText) {
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>China launches drills around Taiwan - Reuters</title>"
      "<link>https://news.google.com/rss/articles/CBMi1</link><description>&lt;ol&gt;&lt;li&gt;&lt;a "
      "href=\"https://news.google.com/rss/articles/CBMi1\"&gt;China launches drills around Taiwan&lt;/a&gt;&amp;nbsp;"
      "&amp;nbsp;&lt;font color=\"#6f6f6f\"&gt;Reuters&lt;/font&gt;&lt;/li&gt;&lt;li&gt;&lt;a href=\"https://news.google.com/"
      "rss/articles/CBMi2\"&gt;China practises Taiwan blockade in war games&lt;/a&gt;&amp;nbsp;&amp;nbsp;&lt;font "
      "color=\"#6f6f6f\"&gt;BBC&lt;/font&gt;&lt;/li&gt;&lt;/ol&gt;</description><source url=\"https://www.reuters.com\">"
      "Reuters</source></item>"
      "<item><title>Port strike</title><description>&lt;p&gt;Dockers walked out at &lt;a href=\"/rotterdam\"&gt;"
      "Rotterdam&lt;/a&gt; on Monday over pay.&lt;/p&gt;</description></item>"));
  ASSERT_EQ(read.articles.size(), 2u);
  EXPECT_EQ(read.articles[0].body, "China launches drills around Taiwan");
  EXPECT_EQ(read.articles[0].body.find("BBC"), std::string::npos);
  EXPECT_EQ(read.articles[1].body, "Dockers walked out at Rotterdam on Monday over pay.") << "a paragraph holding a link";
}

TEST(FeedReader, ErrorLinesCountTheSkippedBlankLines) {
  const ReadResult read = read_feed("\n\n<?xml version=\"1.0\"?>\n<rss><channel>\n<item><title>x</item>");
  ASSERT_EQ(read.issues.size(), 1u);
  EXPECT_EQ(read.issues[0].location, "line 5");
}

TEST(FeedReader, EveryDescriptionIsHtmlEvenWithoutTags) {  // See issue #20
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>Banjo &amp;amp; Kazooie</title><description>Banjo &amp;amp; Kazooie are back. Der "
      "Transfererl&amp;ouml;s war hoch.</description></item>"));
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_EQ(read.articles[0].title, "Banjo & Kazooie");
  EXPECT_EQ(read.articles[0].body, "Banjo & Kazooie are back. Der Transfererlös war hoch.");
}

TEST(FeedReader, APlainAmpersandStaysText) {  // a description that merely looks escaped
  const ReadResult read =
      read_feed(rss_with_item("<item><title>Q&amp;A: AT&amp;T</title><description>Q&amp;A: 3 &lt; 5 and "
                              "R&amp;D spending</description></item>"));
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_EQ(read.articles[0].title, "Q&A: AT&T");
  EXPECT_EQ(read.articles[0].body, "Q&A: 3 < 5 and R&D spending");
}

TEST(FeedReader, TrackingPixelsAndBoldNeverReachTheText) {  // See issue #20
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>x</title><description>&lt;b&gt;Trainer&lt;/b&gt; says yes.&lt;img "
      "src=\"http://feeds.example.com/~r/x/~4/abc\" height=\"1\" width=\"1\" alt=\"\"/&gt;</description></item>"));
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_EQ(read.articles[0].body, "Trainer says yes.");
}

TEST(FeedReader, AShortListOpeningADescriptionIsContent) {  // See issue #20
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>Budget</title><description><![CDATA[<ul><li>Fares frozen</li><li>Libraries funded</li></ul>"
      "<p>The council passed the budget on Friday after a session that lasted all night long.</p>]]>"
      "</description></item>"));
  ASSERT_EQ(read.articles.size(), 1u);
  EXPECT_EQ(read.articles[0].body,
            "Fares frozen\n\nLibraries funded\n\nThe council passed the budget on Friday after a session that "
            "lasted all night long.");
}

TEST(FeedReader, AtomTextIsTextAndXhtmlTextIsEscaped) {
  const ReadResult text = read_feed(atom_with_entry("<title>a</title><summary>Use &lt;video&gt; tags</summary>"));
  ASSERT_EQ(text.articles.size(), 1u);
  EXPECT_EQ(text.articles[0].body, "Use <video> tags") << "type=text: markup-like text stays as written";
  const ReadResult xhtml = read_feed(atom_with_entry(
      "<title>a</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>One "
      "&lt;script&gt;x&lt;/script&gt; <b>two</b></p></div></content>"));
  ASSERT_EQ(xhtml.articles.size(), 1u);
  EXPECT_EQ(xhtml.articles[0].body, "One <script>x</script> two");
  const ReadResult html = read_feed(atom_with_entry(
      "<title type=\"html\">&lt;em&gt;Big&lt;/em&gt; news</title><summary type=\"html\">&lt;p&gt;A&lt;/p&gt;</summary>"));
  ASSERT_EQ(html.articles.size(), 1u);
  EXPECT_EQ(html.articles[0].title, "Big news");
  EXPECT_EQ(html.articles[0].body, "A");
}

// Atom 0.3 named its dates issued, created and modified (Blogger's and Movable Type's old
// feeds: 540 entries of chardet's test feeds went undated).
TEST(FeedReader, ReadsAtom03Dates) {
  const auto date_of = [](const std::string& entry) {
    const ReadResult read = read_feed(
        "<?xml version=\"1.0\"?><feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><title>T</title><entry>"
        "<title>a</title><summary>Text.</summary>" + entry + "</entry></feed>");
    return read.articles.size() == 1 ? read.articles[0].date : std::string("(no article)");
  };
  EXPECT_EQ(date_of("<issued>2004-05-01T10:00:00+09:00</issued><modified>2004-05-02T00:00:00Z</modified>"),
            "2004-05-01T10:00:00+09:00");
  EXPECT_EQ(date_of("<created>2004-05-01T10:00:00Z</created><modified>2004-05-02T00:00:00Z</modified>"),
            "2004-05-01T10:00:00Z");
  EXPECT_EQ(date_of("<modified>2004-05-02T00:00:00Z</modified>"), "2004-05-02T00:00:00Z");
  EXPECT_EQ(date_of("<published>2024-01-02</published><issued>2004-05-01</issued>"), "2024-01-02")
      << "Atom 1.0's first";
}

// A feed's own <author> wrote the entries that name none (RFC 4287 4.2.1; a second trial's
// newsletter feed named its writer once).
TEST(FeedReader, AnAtomFeedsAuthorWritesTheEntriesThatNameNone) {
  const ReadResult read = read_feed(
      "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fab Notes</title><author><name>Ji-ho "
      "Park</name></author><entry><title>a</title><summary>Text one.</summary></entry><entry><title>b</title><author>"
      "<name>Guest Writer</name></author><summary>Text two.</summary></entry></feed>");
  ASSERT_EQ(read.articles.size(), 2u);
  EXPECT_EQ(read.articles[0].author, "Ji-ho Park");
  EXPECT_EQ(read.articles[1].author, "Guest Writer");
  const ReadResult rss = read_feed(
      "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>"
      "Gemeinde</title><dc:creator>Helga Brandt</dc:creator><item><title>a</title><description>Text.</description>"
      "</item></channel></rss>");
  ASSERT_EQ(rss.articles.size(), 1u);
  EXPECT_EQ(rss.articles[0].author, "Helga Brandt") << "an RSS channel's dc:creator";
}

// A description of punctuation alone is no text: the title stands in, as for an item
// without one (it was counted as added and left unindexed, without a word said).
TEST(FeedReader, AnItemWhoseDescriptionHasNoWordIsIndexedByItsTitle) {
  const ReadResult read = read_feed(rss_with_item(
      "<item><title>Bye for now</title><description><![CDATA[ ^    ^ ]]></description></item>"
      "<item><title>Punctuation body</title><description>...</description></item>"
      "<item><title>Names</title><description>Ελλάδα</description></item>"));
  ASSERT_EQ(read.articles.size(), 3u);
  EXPECT_EQ(read.articles[0].body, "Bye for now");
  EXPECT_EQ(read.articles[1].body, "Punctuation body");
  EXPECT_EQ(read.articles[2].body, "Ελλάδα") << "letters past ASCII are words";
}

TEST(FeedReader, AnEmptyEntryIsOneSkippedRecordNamingIt) {  // See issue #20
  const ReadResult read = read_feed(rss_with_item("<item><title>Kept</title></item><item/>"
                                                  "<item><link>https://x.example/3</link></item>"));
  ASSERT_EQ(read.articles.size(), 1u);
  ASSERT_EQ(read.issues.size(), 2u);
  EXPECT_EQ(read.issues[0].location, "item 2");
  EXPECT_EQ(read.issues[1].location, "item 3 (https://x.example/3)");
  EXPECT_EQ(read.issues[1].hint, "record skipped");
  EXPECT_TRUE(read.records_listed);
  const ReadResult only_empty = read_feed(atom_with_entry(""));
  EXPECT_TRUE(only_empty.articles.empty());
  EXPECT_TRUE(only_empty.records_listed) << "a well-formed feed of one empty entry is not a bad file";
  EXPECT_FALSE(read_feed("<rss><channel>").records_listed);
}

}  // namespace
}  // namespace cs::indexer
