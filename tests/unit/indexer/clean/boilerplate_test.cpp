#include "indexer/clean/boilerplate.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(Boilerplate, DropsSiteChromeFromTheSeeds) {
  for (const char* line : {"Back to Top", "You might also like", "More on:", "Read Entire Article",
                           "Language : English 简体 繁體", "Already a subscriber? Log in.",
                           "Want all of The Times? Subscribe.", "2 hours ago 3", "Chattythat Icon", "Subscribe",
                           "We use cookies to improve your experience on our site.", "Share this article",
                           "© 2025 Council on Foreign Relations. All rights reserved.", "Sign up for the China newsletter",
                           "Images of Xi Jinping at the Games.Credit...Jade Gao/Agence France-Presse — Getty Images"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
}

TEST(Boilerplate, DropsVideoGalleryAndShareFurniture) {
  for (const char* line : {"JUST WATCHED", "Replay", "Hide Caption", "Caption", "Close", "Image 1 of 8", "1/8",
                           "Photo 3 / 12", "Whatsapp Facebook Pinterest", "Share: Facebook X Email Print", "Copy link",
                           "Most Popular", "Subscribe Sign In"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
}

// A pasted page's first line, a comment thread's heading in the languages of saved sites,
// Reuters' sign-off (a new user's trial).
TEST(Boilerplate, DropsSkipLinksCommentHeadingsAndSignOffs) {
  for (const char* line : {"Skip links", "Comentarios", "Kommentare", "Commentaires",
                           "Our Standards: The Thomson Reuters Trust Principles., opens new tab", "Save", "share2",
                           "Share 12", "Share full article",
                           // A second trial's: WordPress's feed footer, the Washington Post's, Le Figaro's,
                           // the South China Morning Post's and Corriere's furniture, CNN's video promo.
                           "The post Council approves riverfront rezoning appeared first on The Millbrook Ledger.",
                           "Story continues below advertisement", "Passer la publicité",
                           "À lire aussi : Budget 2026, le gouvernement engage sa responsabilité",
                           "By registering, you agree to our T&C and Privacy Policy", "© RIPRODUZIONE RISERVATA",
                           "Copyright 2024 Reuters. All rights reserved.",
                           // Xinhua's source line and copyright footer.
                           "\u6765\u6E90\uFF1A\u65B0\u534E\u7F51 2024-03-01 10:20:00 \u8BB0\u8005\uFF1A\u674E\u660E",
                           "\u8D23\u4EFB\u7F16\u8F91\uFF1A\u738B\u5C0F\u660E",
                           "\u7248\u6743\u6240\u6709\uFF1A\u65B0\u534E\u7F51 \u672A\u7ECF\u4E66\u9762\u6388\u6743"
                           "\u7981\u6B62\u8F6C\u8F7D",
                           "The Reuters Daily Briefing newsletter provides all the news you need to start your day. "
                           "Sign up here.",
                           "Recibe el bolet\u00EDn de EL PA\u00CDS con las noticias m\u00E1s importantes del d\u00EDa. "
                           "Ap\u00FAntate aqu\u00ED",
                           "Sign up to our free weekly IndyTech newsletter",
                           "<\uC800\uC791\uAD8C\uC790(c) \uC5F0\uD569\uB274\uC2A4, \uBB34\uB2E8 \uC804\uC7AC-\uC7AC\uBC30\uD3EC \uAE08\uC9C0>"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
}

// An ad slot's label in the languages of the sites a new user's trial saved: CNA's "廣告".
TEST(Boilerplate, DropsAdLabelsInTheirLanguages) {
  for (const char* line : {"\u5EE3\u544A", "\u5E7F\u544A", "\u5E83\u544A", "\uAD11\uACE0",
                           "\u0420\u0435\u043A\u043B\u0430\u043C\u0430", "\u0625\u0639\u0644\u0627\u0646",
                           "Reklam", "Iklan", "Publicidade"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  EXPECT_EQ(classify_line("\u5EE3\u544A\u696D\u754C\u4ECA\u5E74\u71DF\u6536\u6210\u9577\u3002"), LineKind::kText)
      << "a sentence about advertising";
}

// Players' lines and print notices a new user's trial found in passages, one shown as the
// best passage (Fox News'): placeholders, a browser's fallback, listen promotions, the
// Economist's lines under its stories, CBC's player labels, a gallery's label.
TEST(Boilerplate, DropsPlayersLinesAndPrintNotices) {
  for (const char* line : {"NEWYou can now listen to Fox News articles!", "NEW You can now listen to Fox News articles!",
                           "Enjoy more audio and podcasts on iOS or Android.",
                           "Your browser does not support the <audio> element.",
                           "Your browser does not support HTML5 video.", "Loading...", "Loading", "Up Next",
                           "Reuse this content", "The Trust Project", "Explore the edition",
                           "This article appeared in the Finance & economics section of the print edition under the "
                           "headline \"Why is the yen so weak?\"",
                           "A version of this article appears in print on May 3, 2024, Section A, Page 1 of the New York "
                           "edition with the headline: Yen Slides.",
                           "From the May 4th 2024 edition", "WATCH | Jasper residents describe fleeing the wildfire:",
                           "PHOTO GALLERY (CLICK TO ENLARGE)"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  for (const char* line : {"Loading the ship took three days, the port said.", "Watch | a poem in four lines",
                           "From the start, the edition sold out.",
                           "Listeners can now listen to the hearings live, the court said, after years of pressure from "
                           "reporters, lawyers and the families of victims, who had asked for the change since 2019 and "
                           "again last spring, when a bill to require it stalled in the state senate."}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

// Links to other stories and promotions in the languages of a new user's trial: Kompas'
// "Baca juga:" and its WhatsApp channel, Amar Ujala's "विस्तार" and "ये भी पढ़ें:", Anadolu's
// "İlgili haber:", CNA's share row and WhatsApp alerts, the Daily Mail's most watched videos.
TEST(Boilerplate, DropsReadAlsoLinksAndPromotionsInTheirLanguages) {
  for (const char* line : {"Baca juga: Saksi Anies-Muhaimin dan Ganjar-Mahfud Tolak Tanda Tangan Hasil Rekapitulasi",
                           "\u092F\u0947 \u092D\u0940 \u092A\u0922\u093C\u0947\u0902: \u0935\u093E\u0930\u093E"
                           "\u0923\u0938\u0940 \u0938\u0947 \u091C\u0940\u0924",
                           "\u0935\u093F\u0938\u094D\u0924\u093E\u0930",
                           "\u0130lgili haber: \u0130stanbul'da il\u00E7e belediye ba\u015Fkanl\u0131klar\u0131 belli oldu",
                           "\u0427\u0438\u0442\u0430\u0439\u0442\u0435 \u0442\u0430\u043A\u0436\u0435: \u0428"
                           "\u043E\u0439\u0433\u0443 \u0443\u0448\u0435\u043B",
                           "\u5EF6\u4F38\u95B1\u8B80", "Also Read",
                           "Bookmark Share WhatsApp Telegram Facebook Twitter Email LinkedIn",
                           "Get WhatsApp alerts from CNA for breaking news and top stories", "Join our WhatsApp channel",
                           "Simak breaking news dan berita pilihan kami langsung di ponselmu. Pilih saluran andalanmu "
                           "akses berita Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/0029VaFPbedBPzjZ. "
                           "Pastikan kamu sudah install aplikasi WhatsApp ya.",
                           "MOST WATCHED NEWS VIDEOS", "Most read"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  for (const char* line : {"The ministry said its WhatsApp channel had 2 million followers.",
                           "Telegram's channels were used to organise the protests, police said.",
                           "Most watched the debate on television, the survey found.",
                           "Baca juga buku ini, kata menteri itu kepada para siswa."}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
  EXPECT_TRUE(is_related_heading("MOST WATCHED NEWS VIDEOS"));
}

// Agencies' and papers' lines under a story, as a new user's trial found them in passages:
// Yonhap's reporter's address and sending time, the People's Daily's print page and editors,
// the Liberty Times' starred reminder, CNA's editor line and reprint notice, contributors'
// notes and a poll's label.
TEST(Boilerplate, DropsAgencySignOffsAndNotices) {
  for (const char* line : {"kimsw@yna.co.kr", "kimsw@yna.co.kr, leesh@yna.co.kr",
                           "2024/04/11 06:12 \uC1A1\uACE0",
                           "\u300A \u4EBA\u6C11\u65E5\u62A5 \u300B\uFF08 2024\u5E7404\u670817\u65E5 01 \u7248"
                           "\uFF09",
                           "(\u8D23\u7F16\uFF1A\u738B\u9707\u3001\u725B\u955B)",
                           "\u2606\u81EA\u7531\u6642\u5831\u96FB\u5B50\u5831\u63D0\u9192\u60A8\uFF0C\u8ACB"
                           "\u52FF\u6563\u5E03\u4E0D\u5BE6\u8A0A\u606F\u2606",
                           "\uFF08\u7DE8\u8F2F\uFF1A\u6797\u8208\u76DF\uFF091130520",
                           "\u672C\u7DB2\u7AD9\u4E4B\u6587\u5B57\u3001\u5716\u7247\u53CA\u5F71\u97F3\uFF0C"
                           "\u975E\u7D93\u6388\u6B0A\uFF0C\u4E0D\u5F97\u8F49\u8F09\u3001\u516C\u958B\u64AD"
                           "\u9001\u6216\u516C\u958B\u50B3\u8F38\u53CA\u5229\u7528\u3002",
                           "Fox News' Maria Paronich contributed to this report.",
                           "Nikkei staff writer Yuki Fukumoto contributed to this report.", "Poll"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  for (const char* line : {"Reporters can be reached at tips@example.com or by phone.",
                           "\u6CD5\u9662\u8A8D\u5B9A\u88AB\u544A\u672A\u7D93\u6388\u6B0A\u8F49\u8F09"
                           "\u65B0\u805E\u3002" /* a court's finding on reprinting */,
                           "Poll workers said turnout was high."}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

// Appeals for money and membership, republishing notices and calls for readers' tips and
// comments, as a new user's trial found them in passages (Vox, the Independent, Meduza,
// ProPublica, the Daily Mail): "Bethel Mission" matched their "Our mission is".
TEST(Boilerplate, DropsAppealsNoticesAndCallsToReaders) {
  for (const char* line : {"Support independent journalism", "You\u2019ve read 1 article in the last month",
                           "You've read 3 articles in the last month", "Yes, I'll give $5/month",
                           "We rely on readers like you \u2014 join us.",
                           "Our mission is to deliver unbiased, fact-based reporting that holds power to account and "
                           "exposes the truth. Whether $5 or $50, every contribution counts.",
                           "\u041F\u043E\u0434\u0434\u0435\u0440\u0436\u0438\u0442\u0435 \u00AB\u041C\u0435"
                           "\u0434\u0443\u0437\u0443\u00BB",
                           "This article is co-published with The Texas Tribune, a nonprofit, nonpartisan local newsroom "
                           "that informs and engages with Texans.",
                           "Do you have a story tip? Email us at tips@propublica.org. Here\u2019s how to send tips and "
                           "documents to ProPublica securely.",
                           "Do You Have a Story About Medical Debt?",
                           "Are you a royal fan? Share your messages for Kate in the comments below"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  for (const char* line : {"The charity said it would support independent journalism in the region.",
                           "\"Every contribution counts,\" the campaign's treasurer told reporters.",
                           "Our mission is to rebuild the shelter before winter, Pastor Mark Lovell said.",
                           "The article was co-published with a partner newspaper in 2019, the court heard.",
                           "Readers have read the report in the comments below the original post, she said."}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

// Captions known by their credit and credits alone, which the README says are left out and a
// new user's trial found opening passage #0: Nikkei Asia's, the Liberty Times', the People's
// Daily's, Kompas'.
TEST(Boilerplate, DropsCaptionsByTheirCreditsAndCreditsAlone) {
  for (const char* line : {"Masato Kanda, Japan's vice finance minister for international affairs, speaks to reporters in "
                           "Tokyo on April 29. (Photo by Ken Kobayashi)",
                           "\u7E3D\u7D71\u8CF4\u6E05\u5FB7\u4ECA\u65E5\u767C\u8868\u5C31\u8077\u6F14\u8AAA"
                           "\u3002\uFF08\u8A18\u8005\u5857\u5EFA\u69AE\u651D\uFF09",
                           "\u570B\u6C11\u9EE8\u7ACB\u59D4\u4ECA\u65E5\u53EC\u958B\u8A18\u8005\u6703\u3002"
                           "\uFF08\u5716\uFF0F\u570B\u6C11\u9EE8\u63D0\u4F9B\uFF09",
                           "\u6539\u9020\u540E\u7684\u5C0F\u533A\u73AF\u5883\u6574\u6D01\u3002\u3000\u65B0\u534E"
                           "\u793E\u8BB0\u8005\u3000\u674E\u6B23\u6444",
                           "KOMPAS.com/VITORIO MANTALEAN", "REUTERS/Kim Kyung-Hoon", "AP Photo/Evan Vucci",
                           "ANTARA FOTO/Galih Pradipta"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  for (const char* line : {"The exhibition (photos from 1970 to 1990) opens on Friday.", "EU/UK relations",
                           "The US/China talks resumed in Geneva on Monday.", "24/7",
                           // A headline or a heading with a slash is no agency's credit (the review).
                           "US/China Trade Talks Resume", "NATO/Ukraine", "EU/Mercosur Deal Stalls",
                           "\u4ED6\u8AAA\uFF0C\u9019\u5F35\u7167\u7247\u7531\u8A18\u8005\u62CD\u651D\u3002"}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

TEST(Boilerplate, KeepsSentencesThatLookLikeFurniture) {
  for (const char* line : {"Share prices fell 3% after the announcement.", "Close advisers to the president said he would sign.",
                           "Replay of the match is scheduled for Tuesday.", "1 of 8 hostages was released on Friday.",
                           "Facebook and X removed the posts.", "Caption contests drew 400 entries.", "24/7",
                           "Facebook Messenger", "WhatsApp Telegram", "Facebook 2024", "Save the date",
                           // A review's: a sentence opening like a teaser, a title opening "WATCH:", and CJK
                           // sentences that speak of copyright.
                           "Lesen Sie auch, was die Experten dazu sagen: Die Lage bleibt ernst.",
                           "\u539F\u544A\u5BF9\u8BE5\u7247\u4EAB\u6709\u5B8C\u6574\u7684\u7248\u6743\u6240\u6709"
                           "\u6743\u3002",
                           "\u8BB0\u8005\uFF1A\u60A8\u600E\u4E48\u770B\u8FD9\u6B21\u4F1A\u8C08\uFF1F",
                           "WATCH: Biden delivers remarks on the economy",
                           "The paper's newsletter, started in 2019, now has 2 million readers who subscribe.",
                           // A third trial's: sentences about copyright notices.
                           "The label printed \"all rights reserved\" on every sleeve, but the band says it never "
                           "signed the contract.",
                           "Der Verlag druckte den Hinweis \u201EAlle Rechte vorbehalten\u201C auf jede Seite des Buches.",
                           "\u8B66\u8996\u5E81\u306F10\u65E5\u3001\u6F2B\u753B\u3092SNS\u306B\u7121\u65AD\u8EE2\u8F09"
                           "\u3057\u305F\u3068\u3057\u3066\u7537\u3092\u902E\u6355\u3057\u305F\u3002",
                           "\uAC80\uCC30\uC740 \uC800\uC791\uAD8C\uC790\uC758 \uD5C8\uB77D \uC5C6\uC774 "
                           "\uC601\uC0C1\uC744 \uC62C\uB9B0 \uD610\uC758\uB85C \uAE30\uC18C\uD588\uB2E4."}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

TEST(Boilerplate, PaywallNoticesMarkAPreview) {
  EXPECT_EQ(classify_line("You have a preview view of this article while we are checking your access."),
            LineKind::kPreviewNotice);
  EXPECT_EQ(classify_line("Thank you for your patience while we verify access."), LineKind::kPreviewNotice);
  // Le Monde's, and other languages' (a new user's trial saved a Le Monde teaser).
  EXPECT_EQ(classify_line("Il vous reste 72.35% de cet article à lire. La suite est réservée aux abonnés."),
            LineKind::kPreviewNotice);
  EXPECT_EQ(classify_line("Este contenido es exclusivo para suscriptores."), LineKind::kPreviewNotice);
  EXPECT_EQ(classify_line("Dieser Artikel ist nur für Abonnenten verfügbar."), LineKind::kPreviewNotice);
  EXPECT_EQ(classify_line("Cet article est réservé aux abonnés. Il vous reste 62% à découvrir."),
            LineKind::kPreviewNotice);  // Le Figaro's
  // The gates of English-language papers, as pages saved without a subscription show them
  // (a new user's trial: an FT page saved at its gate was not marked a preview).
  for (const char* gate : {"Subscribe to unlock this article", "Subscribe to read the full article.",
                           "Continue reading your article with a WSJ subscription",
                           "Create your free account or log in to continue reading.",
                           "This article is for subscribers only. Subscribe to keep reading."}) {
    EXPECT_EQ(classify_line(gate), LineKind::kPreviewNotice) << gate;
  }
  std::string subscribers = "Publishers asked readers to subscribe to unlock this article and others like it,";
  for (int i = 0; i < 40; ++i) subscribers += " and";
  EXPECT_EQ(classify_line(subscribers + "."), LineKind::kText) << "a long paragraph may speak of paywalls";
  std::string paragraph = "Le quotidien a expliqué que la suite est réservée aux abonnés depuis 2019,";
  for (int i = 0; i < 40; ++i) paragraph += " et";
  EXPECT_EQ(classify_line(paragraph + "."), LineKind::kText) << "a long paragraph may speak of subscribers";
}

// What closes a story without being its text, as a new user's trial found it indexed and
// shown as the passage answering a query: wire credit lines, contributors' notes, agencies'
// initials, end marks, bios with an address, donation appeals, comment counters, "RELATED:"
// links, a broadcaster's copyright line, a gallery's "Story continues below".
TEST(Boilerplate, SignOffsAndCountersAreNotText) {
  for (const char* line : {
           "(Reporting by Renee Maltezou and Angeliki Koutantou; Editing by Alison Williams)",
           "Reporting by Howard Schneider and Ann Saphir; Additional reporting by Michael S. Derby in New York; Editing "
           "by Paul Simao",
           "Additional reporting by Chi Hui Lin",
           "Associated Press writer Josh Boak contributed to this report.",
           "(By Teng Pei-ju and Sean Lin) Enditem/AW",
           "msa/dpa/Reuters",
           "Cheri Carlson covers the environment for the Ventura County Star. Reach her at cheri.carlson@vcstar.com.",
           "Support nonprofit journalism. Donate today to keep stories like this free for everyone.",
           "Save 1.2kcomments",
           "234 Comments",
           "RELATED: Ridge Fire evacuation map and shelter locations",
           "Copyright 2026 Nexstar Media Inc. All rights reserved. This material may not be published, broadcast, "
           "rewritten, or redistributed.",
           "Story continues below gallery",
           "This story has been updated with additional context and developments.",
           "02:14 - Source: CNN Business",
           "6 min read\xC2\xB7May 9, 2026",
           "1.2K 23",
           "Listen on Apple Podcasts | Spotify | Google Podcasts",
           "Accuracy and availability of NPR transcripts may vary. Transcript text may be revised to correct errors.",
           "\xC3\x89" "couter cet article",
           "Partager l\xE2\x80\x99" "article",
           "Suscríbete a la newsletter de Elecciones y recibe los resultados, el análisis y las claves de la "
           "negociación cada mañana.",
       }) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
  // The same words in the story's own sentences stay.
  for (const char* line : {
           "Reporting by ProPublica showed that the fund had lapsed two years before the fire.",
           "The agency said it had asked donors to make a donation only after the audit was published, and that the "
           "appeal had raised more than it expected in the first week, officials said on Monday.",
           "Comments from the minister were not available.",
           "The 2024 fire season, Reuters and dpa reported, was the worst on record.",
           "Subscribe to the idea that the central bank will cut again in June, and bonds look cheap.",
           // A review's: the story's lines ending in a quotation or a bracket, an address
           // before "reached at", an appeal quoted, a promotion reported, a sentence on copyright.
           "Research by the consultancy Ampere found that households were cutting back, calling it \"subscription "
           "fatigue.\"",
           "Reporting by the Wall Street Journal last year showed the plan had been shelved (a plan it later dropped)",
           "\"Donate now, before it is too late,\" the charity's chief executive told reporters.",
           "\u00ABDonate now, before it is too late\u00BB, the charity's chief executive told reporters.",
           "Musk, who posts as @elonmusk on X, could not be reached at his office on Tuesday.",
           "Subscribe to the newsletter, the campaign urged supporters in an email seen by Reuters.",
           "Copyright lawyers say \"all rights reserved\" has had no legal force for decades.",
           "Its new live sports channel will be for subscribers only.",
           "Related: [[Dutch municipal elections]] and [[Fed dot plot]]",  // a note's own links
           "2024",  // a year alone may head a story's part
           "3.5",
           "Thanks for reading, and for all your messages. The blog will be back tomorrow morning.",  // a live blog's
       }) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

TEST(Boilerplate, DropsShortPublisherDisclaimers) {
  EXPECT_EQ(classify_line("Blog posts represent the views of CFR fellows and staff and not those of CFR, which takes "
                          "no institutional positions."),
            LineKind::kChrome);
  std::string paragraph = "The think tank, which says it takes no institutional positions, published";
  for (int i = 0; i < 40; ++i) paragraph += " more";
  EXPECT_EQ(classify_line(paragraph + "."), LineKind::kText) << "a long paragraph may quote a disclaimer";
}

TEST(Boilerplate, KeepsArticleText) {
  // Each removal rule's trigger word, in a real sentence.
  std::string long_paragraph = "The court held that all rights reserved to the states under the Tenth Amendment";
  for (int i = 0; i < 40; ++i) long_paragraph += " still apply";
  for (const std::string& line : {std::string("Phone Call Diplomacy"), std::string("More on the call later, officials said."),
                                 std::string("The two leaders spoke for 2 hours about trade."),
                                 std::string("Top officials met in Beijing."), std::string("Xi and Trump Speak Via Phone"),
                                 std::string("Share prices fell after the call."),
                                 std::string("Readers who subscribe to state media heard a different account."),
                                 std::string("Related talks on fentanyl are planned for March."),
                                 std::string("Search and rescue teams were sent to the coast."),
                                 std::string("The menu at the state banquet included Peking duck."),
                                 std::string("Print and broadcast media were barred from the room."),
                                 std::string("Advertisement spending in China fell 3 percent."),
                                 std::string("The photo: a handshake that lasted ten seconds."),
                                 std::string("Comments by the foreign ministry were brief."),
                                 std::string("Log in records showed the hackers entered in May."),
                                 std::string("An icon of the revolution, he said, was honoured."),
                                 std::string("Trump said he would call Xi within 2 days ago or so, aides recalled."),
                                 long_paragraph}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

}  // namespace
}  // namespace cs::indexer
