#include "indexer/clean/article_text.hpp"
#include "indexer/clean/boilerplate.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

Article from_text(const std::string& text) {
  Article article;
  fill_article_from_blocks(plain_text_blocks(text), article);
  return article;
}

TEST(ArticleText, TitleIsTheFirstLineThatIsNotChrome) {
  const Article a = from_text("Back to Top\n\nThe Real Title\n\nFirst paragraph of the story.");
  EXPECT_EQ(a.title, "The Real Title");
  EXPECT_EQ(a.body, "First paragraph of the story.");
}

TEST(ArticleText, ASectionLabelBesideChromeIsNotTheTitle) {
  const Article a = from_text("Language : English 简体 繁體\nForeign Policy\n\nPhone Call Diplomacy\n\nText.");
  EXPECT_EQ(a.title, "Phone Call Diplomacy");
}

TEST(ArticleText, TakesDatelineAndBylineOutOfTheBody) {
  const Article a = from_text("Title\n\nMar 10, 2021\n  • Li Yan\n\n    Deputy Director of an institute\n\nBody text.");
  EXPECT_EQ(a.date, "2021-03-10");
  EXPECT_EQ(a.author, "Li Yan");
  EXPECT_EQ(a.body, "Body text.");
}

TEST(ArticleText, ReadsByLines) {
  const Article a = from_text("Title\nBy Jane Doe and John Roe, CNN\nBody text.");
  EXPECT_EQ(a.author, "Jane Doe and John Roe");
  EXPECT_EQ(from_text("Title\nBy Kevin Driscoll | Staff Writer\nBody text.").author, "Kevin Driscoll");
  EXPECT_EQ(from_text("Title\nBy Adaeze Okonjo in Lagos and Peter Gallagher in London\nBody text.").author,
            "Adaeze Okonjo and Peter Gallagher");
  EXPECT_EQ(from_text("Title\nBy Priya Natarajan in San Francisco\nBody text.").author, "Priya Natarajan");
  EXPECT_EQ(from_text("Title\nBy Anna Nowak in \xC5\x81\xC3\xB3" "d\xC5\xBA\nBody text.").author, "Anna Nowak");
  EXPECT_EQ(from_text("Title\nBy Ana in der Beek\nBody text.").author, "Ana in der Beek") << "'in' before a lower-case word";
}

TEST(ArticleText, ReadsBylinesInTheLanguagesOfSavedSites) {
  EXPECT_EQ(from_text("Title\nVon Severin Weiland und Florian Gathmann\nBody text.").author,
            "Severin Weiland and Florian Gathmann");
  EXPECT_EQ(from_text("Title\nPar Sandrine Morel (Valence, envoyée spéciale)\nBody text.").author, "Sandrine Morel");
  EXPECT_EQ(from_text("Title\nPor Cristina Vázquez\nBody text.").author, "Cristina Vázquez");
  const Article sentence = from_text("Title\nVon Montag an gilt die neue Regel.\nBody text.");
  EXPECT_EQ(sentence.author, "") << "the word may open a sentence";
  EXPECT_EQ(sentence.body, "Von Montag an gilt die neue Regel.\n\nBody text.");
}

// The New York Times' header, as a new user's trial saved it.
TEST(ArticleText, TakesTheUpdateClockAndWhereTheReporterIsOutOfTheBody) {
  const Article a = from_text(
      "Title\n\nVoters handed the party a third straight term, a rebuke to Beijing.\n\nReporting from Taipei, "
      "Taiwan\n\nJan. 13, 2024\n\nUpdated 9:40 p.m. ET\n\nTaiwan's voters on Saturday elected Lai Ching-te.");
  EXPECT_EQ(a.date, "2024-01-13");
  EXPECT_EQ(a.body, "Voters handed the party a third straight term, a rebuke to Beijing.\n\nTaiwan's voters on Saturday "
                    "elected Lai Ching-te.");
}

// An AP page copied with Ctrl-A, as a second new user's trial pasted it: seventeen lines of
// menus before the headline, then the byline, the update time and the share buttons.
TEST(ArticleText, APastedPagesMenusComeBeforeItsHeadline) {
  const Article a = from_text(
      "Skip to main content\nAP Logo\nMenu\nWorld\nU.S.\nPolitics\nSports\nEntertainment\nBusiness\nScience\nFact "
      "Check\nOddities\nBe Well\nNewsletters\nPhotography\nSearch\nClimate\nHurricane Delia's insurance bill could top "
      "$20 billion, testing Florida's fragile market\nBy MARCUS TELLER and ANA LUCIA BRIGGS\nUpdated 6:12 PM EDT, August "
      "29, 2026\nShare\nCopy\nLink copied\nEmail\nFacebook\nX\nReddit\nMIAMI (AP) \u2014 Insured losses from Hurricane "
      "Delia could reach $14 billion to $22 billion, risk modeling firms estimated Friday.");
  EXPECT_EQ(a.title, "Hurricane Delia's insurance bill could top $20 billion, testing Florida's fragile market");
  EXPECT_EQ(a.author, "MARCUS TELLER and ANA LUCIA BRIGGS");
  EXPECT_EQ(a.date, "2026-08-29T18:12:00-04:00");
  EXPECT_EQ(a.body, "MIAMI (AP) \u2014 Insured losses from Hurricane Delia could reach $14 billion to $22 billion, risk "
                    "modeling firms estimated Friday.");
  EXPECT_EQ(from_text("Xi's Visit\nKey points\nTrade\nTariffs\nWhat the two leaders agreed in Beijing\nText.").title,
            "Xi's Visit")
      << "a few short lines under a title are no menu";
  // A review's: a short headline after an ad label, with its dek below it.
  EXPECT_EQ(from_text("Advertisement\n\nScholz verliert Vertrauensfrage\n\nDer Kanzler hat die Abstimmung verloren und "
                      "k\u00FCndigt Neuwahlen an\n\nVon Katrin Elsner\n\nText.").title,
            "Scholz verliert Vertrauensfrage");
}

// A review's: a body sentence that opens as the Times' place line does.
TEST(ArticleText, ASentenceAboutReportingFromAPlaceIsText) {
  const Article a = from_text("Title\n\nIntro line.\n\nReporting from Gaza is nearly impossible.\n\nMore text.");
  EXPECT_EQ(a.body, "Intro line.\n\nReporting from Gaza is nearly impossible.\n\nMore text.");
}

// A page pasted whole (Al Jazeera's, in a new user's trial) ends in the site's labels.
TEST(ArticleText, LabelsAfterTheLastParagraphAreNotText) {
  const Article a = from_text(
      "Skip links\nSkip to Content\nLive\nNews\nMiddle East\nHouthis claim attack on ship in Red Sea\nFreight rates on "
      "the Asia-Europe route have more than doubled since mid-December.\nSource: Al Jazeera and news agencies\nWeekly "
      "Newsletter\nListen to these podcasts\nFrom: The Take");
  EXPECT_EQ(a.body, "Freight rates on the Asia-Europe route have more than doubled since mid-December.\n\nSource: Al "
                    "Jazeera and news agencies");
  // A third trial's: elsewhere, short lines at the end are the story's.
  EXPECT_EQ(from_text("Title\nVoters go to the polls on Tuesday in three districts.\nWhere to vote:\nTown Hall\nFire "
                      "Station\n\u2014 Reuters")
                .body,
            "Voters go to the polls on Tuesday in three districts.\n\nWhere to vote:\n\nTown Hall\n\nFire "
            "Station\n\n\u2014 Reuters");
  EXPECT_EQ(from_text("Title\nThe results were announced on Sunday night.\nCDU 28.5%\nAfD 20.8%").body,
            "The results were announced on Sunday night.\n\nCDU 28.5%\n\nAfD 20.8%")
      << "figures end a story";
  EXPECT_EQ(from_text("Title\nHaiku\nAn old silent pond\nA frog jumps into the pond").body,
            "Haiku\n\nAn old silent pond\n\nA frog jumps into the pond")
      << "short lines with no paragraph before them are the text";
  // A review's: closing lines a quotation, an exclamation or CJK end.
  EXPECT_EQ(from_text("Title\nThe minister spoke to supporters late on Sunday evening.\n\u00AB Nous gagnerons \u00BB\n"
                      "\"Never say never\"")
                .body,
            "The minister spoke to supporters late on Sunday evening.\n\n\u00AB Nous gagnerons \u00BB\n\n\"Never say never\"");
  const Article chinese = from_text("Title\n\u82F9\u679C\u53D1\u5E03\u4E86\u65B0\u7684 iPhone\u3002\n\u8FD9\u4F1A"
                                    "\u6539\u53D8\u5E02\u573A\u5417\uFF1F\n\u8BA9\u6211\u4EEC\u62ED\u76EE\u4EE5\u5F85\uFF01");
  EXPECT_TRUE(chinese.body.ends_with("\u8BA9\u6211\u4EEC\u62ED\u76EE\u4EE5\u5F85\uFF01")) << chinese.body;
}

// Der Spiegel's page pasted whole (a new user's trial): its listen, save and share labels
// under the dateline, a heading of links to other stories and their headlines, and single
// words closing the page. The story's own short lines and a lone closing word stay.
TEST(ArticleText, RelatedStoriesAndAPastedPagesLastWordsAreNotText) {
  const Article a = from_text(
      "Zum Inhalt springen\nDER SPIEGEL\nPolitik\nAusland\nChinas Militärmanöver vor Taiwan: Peking probt die Blockade\n"
      "Von Georg Fahrion, Peking\n"
      "14.04.2026, 11.42 Uhr\nArtikel zum Hören\nZur Merkliste hinzufügen\nArtikel teilen\nChina hat am Dienstagmorgen "
      "ein großangelegtes Militärmanöver rund um Taiwan begonnen, mit Heer, Marine und Luftwaffe.\nMehr zum Thema\n"
      "Taiwans Präsident Lai: »Einander nicht untergeordnet«\nChinas »Justice Mission«: Manöver nach US-Waffendeal\n"
      "Feedback\nImpressum\nDatenschutz\nNutzungsbedingungen");
  EXPECT_EQ(a.title, "Chinas Militärmanöver vor Taiwan: Peking probt die Blockade");
  EXPECT_EQ(a.body, "China hat am Dienstagmorgen ein großangelegtes Militärmanöver rund um Taiwan begonnen, mit Heer, "
                    "Marine und Luftwaffe.");
  const Article related = from_text(
      "Title\nThe council approved the budget on Tuesday after a long debate over school funding.\nRelated stories\n"
      "Council delays vote on bus lanes\nMayor opens new library\nThe vote was 7 to 2, officials said after the meeting.");
  EXPECT_EQ(related.body, "The council approved the budget on Tuesday after a long debate over school funding.\n\nThe vote "
                          "was 7 to 2, officials said after the meeting.")
      << "the story goes on after the links";
  // Without a heading of links, three single words or more closing a pasted page.
  const Article closing = from_text(
      "Skip to main content\nNews\nWorld\nHeadline of the story here\nThe talks ended without a deal late on "
      "Friday, both sides said.\nFeedback\nImprint\nPrivacy\nCareers");
  EXPECT_EQ(closing.body, "The talks ended without a deal late on Friday, both sides said.");
  // "À lire aussi" heads links too, capital and all.
  EXPECT_EQ(from_text("Title\nLa Réserve fédérale a maintenu ses taux mercredi, comme prévu par les marchés financiers."
                      "\n\xC3\x80 lire aussi\nLa Fed maintient ses taux inchangés")
                .body,
            "La Réserve fédérale a maintenu ses taux mercredi, comme prévu par les marchés financiers.");
  const Article pasted = from_text(
      "Skip to main content\nNews\nWorld\nHeadline of the story here\nThe talks ended without a deal late on "
      "Friday, both sides said.\nReuters");
  EXPECT_TRUE(pasted.body.ends_with("Reuters")) << "one word alone may be the story's: " << pasted.body;
  EXPECT_EQ(classify_line("2 min read"), LineKind::kChrome);
  EXPECT_EQ(classify_line("Lesezeit: 3 Min"), LineKind::kChrome);
}

// Pages pasted whole that open with their site's tagline or name before the menus (a second
// new user's trial: Reuters' page was titled "Exclusive news, data and analytics for
// financial market professionals", tagesschau's "tagesschau"): the headline is the line
// above the byline or dateline, after the menus.
TEST(ArticleText, APastedPagesHeadlineIsAboveItsBylineAfterTheMenus) {
  const Article reuters = from_text(
      "Skip to main content\nExclusive news, data and analytics for financial market professionals\nWorld\nBusiness\n"
      "Markets\nAsia Pacific\nTaiwan's biggest quake in 25 years kills 14, disrupts chip plants\nBy Yimou Lee and Ben "
      "Blanchard\nTAIPEI, April 21 (Reuters) - Taiwan's strongest earthquake in 25 years killed at least 14 people on "
      "Tuesday and injured hundreds.");
  EXPECT_EQ(reuters.title, "Taiwan's biggest quake in 25 years kills 14, disrupts chip plants");
  EXPECT_EQ(reuters.author, "Yimou Lee and Ben Blanchard");
  EXPECT_TRUE(reuters.body.starts_with("TAIPEI")) << reuters.body;
  const Article tagesschau = from_text(
      "tagesschau\nStartseite\nWirtschaft\nFinanzen\nUS-Notenbank Fed lässt Leitzins unverändert\nStand: 18.03.2026 "
      "20:14 Uhr\nDie US-Notenbank Fed hat den Leitzins erneut nicht angetastet, wie sie am Abend mitteilte.");
  EXPECT_EQ(tagesschau.title, "US-Notenbank Fed lässt Leitzins unverändert");
  // Without menus the first line stays the title, whatever lines lie before the byline.
  const Article plain = from_text("Budget talks resume in Brussels\nA week of meetings ends without a deal on the levy\n"
                                  "By Jane Doe\nMinisters met again on Monday.");
  EXPECT_EQ(plain.title, "Budget talks resume in Brussels");
}

// A headline set in the page with a kicker, or with other punctuation than the title's
// (tagesschau.de: "Abstimmung im Bundestag" over "Scholz verliert Vertrauensfrage im Bundestag").
TEST(ArticleText, AHeadingThatRepeatsTheTitleIsNotText) {
  Article a;
  a.title = "Scholz verliert Vertrauensfrage im Bundestag";
  std::vector<TextBlock> blocks = plain_text_blocks(
      "Abstimmung im Bundestag Scholz verliert Vertrauensfrage im Bundestag\n\nOlaf Scholz – Kanzler ohne "
      "Mehrheit\n\nBundeskanzler Scholz hat die Vertrauensfrage verloren.");
  blocks[0].heading_level = 1;
  blocks[1].heading_level = 2;
  fill_article_from_blocks(blocks, a, false);
  EXPECT_EQ(a.body, "Olaf Scholz – Kanzler ohne Mehrheit\n\nBundeskanzler Scholz hat die Vertrauensfrage verloren.");

  Article broken;
  broken.title = "Ports brace for new tariffs";
  blocks = plain_text_blocks("Ports brace\n\nfor new tariffs\n\nText.");
  blocks[0].heading_level = blocks[1].heading_level = 1;
  fill_article_from_blocks(blocks, broken, false);
  EXPECT_EQ(broken.body, "Text.") << "a headline broken by <br>";

  Article b;
  b.title = "Ampel-Aus: Olaf Scholz entlässt Christian Lindner – Neuwahlen im Frühjahr";
  blocks = plain_text_blocks("Ampel-Aus Olaf Scholz entlässt Christian Lindner - Neuwahlen im Frühjahr\n\nText.");
  blocks[0].heading_level = 2;
  fill_article_from_blocks(blocks, b, false);
  EXPECT_EQ(b.body, "Text.");
}

TEST(ArticleText, ReadsTheDateAfterABylinesBar) {  // a new user's trial
  const Article a = from_text("Title\nBy Jane Doe | June 3, 2024 at 2:59 pm\nBody text.");
  EXPECT_EQ(a.author, "Jane Doe");
  EXPECT_EQ(a.date, "2024-06-03T14:59:00Z");
  EXPECT_EQ(a.body, "Body text.");
  EXPECT_EQ(from_text("Title\nBy Kevin Driscoll | Staff Writer\nBody text.").date, "");
}

TEST(ArticleText, ASentenceOpeningWithByIsNoByline) {  // See issue #20
  const Article a = from_text("Title\nBy 1799 most of the men had been pardoned.\nBy the way, the ships sailed.\nText.");
  EXPECT_EQ(a.author, "");
  EXPECT_EQ(a.body, "By 1799 most of the men had been pardoned.\n\nBy the way, the ships sailed.\n\nText.");
}

TEST(ArticleText, ReadsDatelinesAfterALabel) {  // See issue #20
  const Article a = from_text("Title\n📅 2026-07-13 14:59\nText of the article.");
  EXPECT_EQ(a.date, "2026-07-13T14:59:00Z");
  EXPECT_EQ(a.body, "Text of the article.");
  const Article b = from_text("Title\nPublished: March 3, 2024\nUpdated: March 4, 2024\nText.");
  EXPECT_EQ(b.date, "2024-03-03");
  EXPECT_EQ(b.body, "Text.");
  const Article c = from_text("Title\nPublished figures show a loss since 1799.\nText.");
  EXPECT_EQ(c.date, "");
  EXPECT_EQ(c.body, "Published figures show a loss since 1799.\n\nText.");
}

TEST(ArticleText, ListItemsOpeningARecordsOwnTextAreKept) {  // See issue #20
  Article a;
  a.title = "Budget";
  fill_article_from_blocks(plain_text_blocks("- Fares frozen\n- Libraries funded\n\nThe council voted."), a, false);
  EXPECT_EQ(a.body, "Fares frozen\n\nLibraries funded\n\nThe council voted.");
  EXPECT_EQ(from_text("Title\n- Home\n- World\n\nThe council voted on the budget late on Friday night.").body,
            "The council voted on the budget late on Friday night.")
      << "a page's opening list items are still its navigation";
}

TEST(ArticleText, KeepsMetadataAlreadyKnown) {
  Article a;
  a.title = "From front matter";
  a.date = "2020-01-01";
  fill_article_from_blocks(plain_text_blocks("Mar 10, 2021\nText of the article."), a);
  EXPECT_EQ(a.title, "From front matter");
  EXPECT_EQ(a.date, "2020-01-01");
  EXPECT_EQ(a.body, "Text of the article.");
}

TEST(ArticleText, PaywallNoticeMarksPreviewAndIsDropped) {
  const Article a = from_text(
      "Title\nYou have a preview view of this article while we are checking your access.\nThe text of the article follows.");
  EXPECT_TRUE(a.preview);
  EXPECT_EQ(a.body, "The text of the article follows.");
}

// The gate's box under a notice that ends the text a page shows ("Déjà abonné ? Se
// connecter", an offer: a new user's trial found Le Monde's as a passage); a paragraph after
// it is still text (the notice may come first, above the preview).
TEST(ArticleText, ShortLinesUnderAPaywallNoticeAreItsBox) {
  const Article a = from_text(
      "Title\nFirefighters fought the blaze through the night as winds of up to 70 km/h pushed the flames towards the "
      "northern suburbs of the capital, officials said.\nIl vous reste 58.42% de cet article à lire. La suite est "
      "réservée aux abonnés.\nDéjà abonné ? Se connecter\nOffre spéciale : 1 € le premier mois, sans engagement");
  EXPECT_TRUE(a.preview);
  EXPECT_EQ(a.body, "Firefighters fought the blaze through the night as winds of up to 70 km/h pushed the flames towards "
                    "the northern suburbs of the capital, officials said.");
  const Article notice_first = from_text(
      "Title\nThis article is for subscribers only.\nFirefighters fought the blaze through the night as winds of up "
      "to 70 km/h pushed the flames towards the northern suburbs of the capital, officials said.\nSubscribe to read");
  EXPECT_TRUE(notice_first.preview);
  const Article story = from_text(
      "Title\nThe broadcaster said on Monday it would launch a streaming service in the autumn, priced below its "
      "rivals.\nIts new live sports channel will be for subscribers only.\nShares fell 4% in early trade.");
  EXPECT_FALSE(story.preview) << "a story's sentence is no gate";
  EXPECT_TRUE(story.body.ends_with("Shares fell 4% in early trade.")) << story.body;
  EXPECT_EQ(notice_first.body.rfind("Firefighters", 0), 0u) << notice_first.body;
}

TEST(ArticleText, ListItemsBeforeTheFirstParagraphAreNavigation) {
  const Article a = from_text(
      "Title\n- Post\n- Blog posts represent the views of the fellows\nOn Friday the two leaders spoke by phone for "
      "the first time since the election, and the call is believed to be their first direct contact in years.\n"
      "- a list item inside the story");
  EXPECT_EQ(a.body.find("Post"), std::string::npos);
  EXPECT_NE(a.body.find("a list item inside the story"), std::string::npos);
}

TEST(ArticleText, ListsAfterAShortFirstSentenceAreArticleText) {
  const Article a = from_text("Title\nNegotiators met in Geneva on Wednesday to talk tariffs.\n- A second round in June");
  EXPECT_EQ(a.body, "Negotiators met in Geneva on Wednesday to talk tariffs.\n\nA second round in June");
}

TEST(ArticleText, ALongFirstParagraphIsTextNotTheTitle) {
  std::string speech;
  for (int i = 0; i < 40; ++i) speech += "word ";
  speech += "end.\nThank you.";
  const Article a = from_text(speech);
  EXPECT_TRUE(a.title.empty()) << "reader_skeleton gives the file's name instead";
  EXPECT_EQ(a.body.substr(0, 5), "word ");
  EXPECT_NE(a.body.find("Thank you."), std::string::npos) << "a short line after the text is not a title";
}

TEST(ArticleText, ABylineAfterTheDekIsTheAuthor) {
  const Article a = from_text("Title\nA dek that is a whole sentence about the call.\nBy Jane Doe, Reuters\nText.");
  EXPECT_EQ(a.author, "Jane Doe");
  EXPECT_EQ(a.body.find("By Jane"), std::string::npos);
}

// The Times of India sets a poll between its paragraphs (a new user's trial): its label,
// question and answers are no text; the story goes on after it.
TEST(ArticleText, APollsQuestionAndAnswersAreNotText) {
  const Article a = from_text("Title\n\nThe opposition surged to 234 seats, the results showed on Tuesday evening.\n\n"
                              "Poll\n\nDo you think a coalition government will be stable?\n\nYes\n\nNo\n\n"
                              "The party's biggest setbacks came in Uttar Pradesh and Maharashtra.\n\n"
                              "Do voters care about coalitions? Analysts said they did.");
  EXPECT_EQ(a.body, "The opposition surged to 234 seats, the results showed on Tuesday evening.\n\n"
                    "The party's biggest setbacks came in Uttar Pradesh and Maharashtra.\n\n"
                    "Do voters care about coalitions? Analysts said they did.");
}

TEST(ArticleText, DatesQuotedLaterInTheTextStayText) {
  std::string text = "Title\n";
  for (int i = 0; i < 20; ++i) text += "Paragraph " + std::to_string(i) + ".\n";
  text += "March 3, 2020\n";
  const Article a = from_text(text);
  EXPECT_TRUE(a.date.empty());
  EXPECT_NE(a.body.find("March 3, 2020"), std::string::npos);
}

}  // namespace
}  // namespace cs::indexer
