#include "indexer/clean/boilerplate.hpp"

#include <algorithm>
#include <iterator>
#include <string>

#include "common/ascii.hpp"
#include "indexer/clean/sign_offs.hpp"
#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

namespace {

// Phrases compared with the whole line, ASCII-lowercased, trailing spaces ignored. Drawn from
// the saved pages in corpus/ and the chrome common to news sites. Headings over links to
// other stories ("Related stories") are kRelatedHeadings'.
constexpr std::string_view kChromeLines[] = {
    "back to top", "top", "read entire article", "share", "share this",
    "share this article", "share on facebook", "share on twitter", "print", "email",
    "advertisement", "skip to content", "skip to main content", "comments", "post",
    "already a subscriber? log in.", "log in", "sign in", "subscribe", "menu", "search",
    // Video and gallery furniture that sits inside story containers.
    "just watched", "replay", "caption", "hide caption", "show caption", "close", "expand",
    "subscribe sign in", "copy link",
    "share this page", "share this page:", "listen to this article", "play video", "watch",
    "skip links", "skip to navigation", "skip navigation", "save", "share full article",
    "continue reading",
    // Ad slots' labels in the languages of saved sites (Le Figaro's "Passer la publicité"; CNA's
    // "廣告", Chinese, Japanese and Korean alike).
    "passer la publicité", "publicité", "anzeige", "publicidad", "pubblicità", "advertentie",
    "廣告", "广告", "広告", "광고", "реклама", "Реклама", "РЕКЛАМА", "إعلان", "reklam", "iklan", "publicidade",
    // The heading over a comment thread, in the languages of the sites users save.
    "kommentare", "commentaires", "comentarios", "commenti", "reacties",
    // A page pasted whole opens with its skip link, in the site's language.
    "zum inhalt springen", "direkt zum inhalt", "aller au contenu", "aller au contenu principal", "ir al contenido",
    "ir al contenido principal", "vai al contenuto", "vai al contenuto principale", "naar de inhoud", "naar inhoud",
    "pular para o conteúdo", "ir para o conteúdo",
    // Share, save and listen buttons' labels in the languages of saved sites (Der Spiegel's
    // "Artikel zum Hören", "Zur Merkliste hinzufügen", "Artikel teilen").
    "artikel teilen", "artikel anhören", "artikel zum hören", "zur merkliste hinzufügen", "merken", "teilen",
    "partager", "partager l'article", "partager l\xE2\x80\x99" "article", "lire plus tard", "écouter cet article",
    "\xC3\x89" "couter cet article" /* ASCII lower case keeps É */, "compartir", "escuchar", "condividi",
    // Players' and embeds' placeholders and labels (ABC's "Loading...", the Daily Mail's "Up
    // Next"), and the Economist's links under its stories.
    "loading", "loading...", "loading\xE2\x80\xA6", "up next", "reuse this content", "the trust project",
    "explore the edition", "discover stories from this section and more in the list of contents",
};

// A poll's label over its question, in the languages of saved sites (is_poll_label).
constexpr std::string_view kPollLabels[] = {"poll", "quick poll", "readers' poll", "umfrage", "sondage", "encuesta",
                                            "sondaggio", "enquete", "peiling"};

// Words of a row of share buttons ("Whatsapp Facebook Pinterest", "Share: X Email Print").
constexpr std::string_view kShareWords[] = {
    "share", "share:", "facebook", "twitter", "x", "whatsapp", "pinterest", "linkedin", "reddit",
    "email", "e-mail", "print", "telegram", "messenger", "copy", "link", "flipboard", "tumblr", "threads",
    "bluesky", "mastodon", "sms", "mail", "save", "bookmark",
    "bagikan", "salin",  // Indonesian's "share" and "copy" (Kompas' "Bagikan Facebook Twitter WhatsApp Salin link")
};

constexpr std::string_view kChromePrefixes[] = {
    "language :", "language:", "want all of the times?", "already a subscriber",
    "follow us on", "sign up for", "sign up to", "click here to", "photo:", "image:", "credit:",
    "photograph:", "we use cookies", "this site uses cookies", "by continuing to use this site",
    "our standards:",  // Reuters' sign-off: "Our Standards: The Thomson Reuters Trust Principles."
    "by registering, you agree", "story continues below", "article continues below",
    // CNN's closing line, podcast items' players, NPR's transcript notice (a second trial's).
    "this story has been updated", "listen on apple podcasts", "accuracy and availability of npr transcripts",
    // Chinese papers' source and editor lines (Xinhua's "来源：新华网 2024-03-01 10:20:00 记者：李明",
    // "责任编辑：王小明"), with either width of colon. Not "记者：" alone: an interview's
    // questions open with it.
    "来源：", "来源:", "責任編輯：", "责任编辑：", "责任编辑:", "【责任编辑",
    // The People's Daily's editors' line "(责编：王震、牛镛)", CNA's "（編輯：林興盟）1130520":
    // bracketed, they are no interview's question.
    "(责编：", "（责编：", "(责编:", "责编：", "(責編：", "（責編：", "（編輯：", "(編輯：", "（编辑：", "(编辑：",
    // A browser's fallback for a player it cannot show, as a saved page keeps it ("Your browser
    // does not support the <audio> element."); print notices under a story (the Economist's,
    // the New York Times').
    "your browser does not support", "this article appeared in the", "a version of this article appears in print",
    // Republishing notices over or under a story (ProPublica's "This article is co-published with
    // The Texas Tribune, ...").
    "this article is co-published with", "this story is co-published with", "this article was co-published with",
    "this story was co-published with", "this article was produced in partnership with",
    "this story was produced in partnership with", "this article was originally published", "this story was originally published",
    "this story originally appeared",
};

// Calls for readers' tips, stories and comments, known only opening or closing a short line
// that quotes no one: ProPublica's "Do you have a story tip? Email us at ..." and "Do You Have a
// Story About Medical Debt?", the Daily Mail's "Are you a royal fan? Share your messages for Kate
// in the comments below".
constexpr std::string_view kCallOpenings[] = {"do you have a story tip", "do you have a tip", "have a tip?", "got a tip?",
                                              "have a news tip", "do you have a story about", "share your story",
                                              "tell us your story"};
constexpr std::string_view kCallEndings[] = {"in the comments below", "in the comments section below",
                                             "let us know in the comments"};

bool is_call_to_readers(std::string_view lower) {
  if (lower.find('"') != std::string_view::npos || lower.find("\xE2\x80\x9C") != std::string_view::npos) return false;
  std::string_view end = lower;
  while (!end.empty() && (end.back() == '.' || end.back() == '!' || end.back() == ' ')) end.remove_suffix(1);
  return std::any_of(std::begin(kCallOpenings), std::end(kCallOpenings), [lower](std::string_view call) { return lower.starts_with(call); }) ||
         std::any_of(std::begin(kCallEndings), std::end(kCallEndings), [end](std::string_view call) { return end.ends_with(call); });
}

// Audio players' and galleries' promotions, known only on a short line: Fox News' "NEW You can
// now listen to Fox News articles!", the Economist's "Enjoy more audio and podcasts on iOS or
// Android.", the Japan Times' "PHOTO GALLERY (CLICK TO ENLARGE)".
constexpr std::string_view kPlayerFragments[] = {"you can now listen to", "enjoy more audio and podcasts", "click to enlarge"};

// The Economist's "From the May 4th 2024 edition": a print edition's date under a story.
bool is_edition_line(std::string_view lower) {
  return lower.starts_with("from the ") && lower.ends_with(" edition") && count_words_up_to(lower, 8) <= 7;
}

// A newsletter's promotion inside a story: a short line naming a newsletter that ends by
// asking to sign up ("The Reuters Daily Briefing newsletter provides all the news you need
// to start your day. Sign up here."; El País's "Recibe el boletín de EL PAÍS ... Apúntate
// aquí"). A story about a newsletter asks no one to sign up.
constexpr std::string_view kNewsletterWords[] = {"newsletter", "boletín", "infolettre", "lettre d'information", "nieuwsbrief"};
// Calls to action only: "... readers who subscribe." is a sentence about the newsletter.
constexpr std::string_view kSignUpEndings[] = {"sign up here", "sign up now", "subscribe here", "subscribe now",
                                               "apúntate aquí", "suscríbete aquí", "inscrivez-vous ici",
                                               "jetzt abonnieren", "iscriviti qui", "meld je hier aan"};

// ... or that opens with the call ("Suscríbete a la newsletter de Elecciones y recibe ...":
// El País).
constexpr std::string_view kSignUpOpenings[] = {"subscribe to", "suscríbete", "apúntate", "abonnez-vous",
                                                "inscrivez-vous", "abonnieren sie", "iscriviti", "schrijf je in"};

// A promotion speaks to the reader; a story reports one ("Subscribe to the newsletter, the
// campaign urged supporters in an email seen by Reuters.").
constexpr std::string_view kReportingWords[] = {" said", " says", " told", " urged", " according to", "\"", "\xE2\x80\x9C"};

bool is_newsletter_promo(std::string_view lower) {
  while (!lower.empty() && (lower.back() == '.' || lower.back() == '!' || lower.back() == ' ')) lower.remove_suffix(1);
  const auto holds = [lower](std::string_view word) { return lower.find(word) != std::string_view::npos; };
  const auto ends = [lower](std::string_view ending) { return lower.ends_with(ending); };
  const auto opens = [lower](std::string_view opening) { return lower.starts_with(opening); };
  return std::any_of(std::begin(kNewsletterWords), std::end(kNewsletterWords), holds) &&
         (std::any_of(std::begin(kSignUpEndings), std::end(kSignUpEndings), ends) ||
          (std::any_of(std::begin(kSignUpOpenings), std::end(kSignUpOpenings), opens) &&
           std::none_of(std::begin(kReportingWords), std::end(kReportingWords), holds)));
}

// A comment counter beside the share buttons: "1.2k comments", "Save 1.2kcomments" (the New
// York Times' spans, run together), "234 Comments".
bool is_comment_count(std::string_view lower) {
  for (const std::string_view button : {"save ", "share "}) {
    if (lower.starts_with(button)) lower.remove_prefix(button.size());
  }
  std::size_t digits = 0;
  while (digits < lower.size() && ((lower[digits] >= '0' && lower[digits] <= '9') || lower[digits] == '.' || lower[digits] == ',')) {
    ++digits;
  }
  if (digits == 0) return false;
  std::string_view rest = lower.substr(digits);
  if (rest.starts_with('k') || rest.starts_with('m')) rest.remove_prefix(1);
  if (rest.starts_with(' ')) rest.remove_prefix(1);
  return rest == "comments" || rest == "comment";
}

// Links to other stories set in the text ("À lire aussi : Budget 2026, ..."), known only on
// a short line that ends no sentence: "Lesen Sie auch, was die Experten sagen." is one.
constexpr std::string_view kTeaserPrefixes[] = {
    "à lire aussi", "À lire aussi" /* ASCII lower case keeps À */, "lire aussi", "lesen sie auch", "leggi anche",
    "lee también", "read also", "also read", "see also:", "read more:", "read next:",
    // The same in the other languages of the sites users save: Kompas' "Baca juga:", Amar
    // Ujala's "ये भी पढ़ें:", Anadolu's "İlgili haber:", and Portuguese, Russian, Arabic,
    // Chinese, Japanese and Korean ones.
    "baca juga:", "simak juga:", "leia também", "leia mais:", "ये भी पढ़ें", "यह भी पढ़ें", "इसे भी पढ़ें",
    "ilgili haber", "\xC4\xB0lgili haber" /* İ */, "читайте также", "Читайте также", "اقرأ أيضا", "اقرأ أيضاً",
    "延伸閱讀：", "延伸阅读：", "相關新聞：", "相关新闻：", "相关阅读：", "関連記事：", "관련기사",
};

// The label Amar Ujala sets over a story's text, its "expand" ("विस्तार"), and Hindi's "read
// more".
constexpr std::string_view kExpandLabels[] = {"विस्तार", "और पढ़ें"};

// A promotion of a newsroom's channel on a messaging app: CNA's "Get WhatsApp alerts from CNA
// for breaking news and top stories", "Join our WhatsApp channel", Kompas' "Simak breaking news
// ... Kompas.com WhatsApp Channel : https://www.whatsapp.com/channel/...". It names the app and
// its channel or alerts, and asks, or gives the channel's address; a story reports one ("The
// ministry said its WhatsApp channel had 2 million followers.").
bool is_messaging_promo(std::string_view lower) {
  const auto holds = [lower](std::string_view part) { return lower.find(part) != std::string_view::npos; };
  if (!holds("whatsapp") && !holds("telegram")) return false;
  if (!holds(" channel") && !holds(" alerts") && !holds("whatsapp.com/channel") && !holds("t.me/")) return false;
  if (std::any_of(std::begin(kReportingWords), std::end(kReportingWords), holds)) return false;
  const bool asks = lower.starts_with("get ") || lower.starts_with("join ") || lower.starts_with("follow ") ||
                    lower.starts_with("subscribe ") || lower.starts_with("click ") || lower.starts_with("simak ") ||
                    lower.starts_with("ikuti ") || lower.starts_with("gabung");
  return asks || holds("whatsapp.com/channel") || holds("t.me/");
}

// Link labels broadcasters' pages shout ("RELATED: Ridge Fire evacuation map"), known in
// capitals alone: a note's "Related: [[Dutch municipal elections]]" is its writer's text (a
// new user's trial lost it).
// "WATCH:" opens titles; CBC labels its embedded players "WATCH | Jasper residents describe
// fleeing the wildfire:" and "LISTEN | ...".
constexpr std::string_view kShoutedTeaserPrefixes[] = {"RELATED:", "MORE:", "READ MORE:", "WATCH |", "LISTEN |"};

// Headings over links to other stories, as whole lines without their closing colon
// (is_related_heading).
constexpr std::string_view kRelatedHeadings[] = {
    "related", "related articles", "related stories", "related content", "related coverage", "more on this story",
    "more on this topic", "more on", "read more", "you might also like", "you may also like",
    "most popular", "most read", "most viewed", "trending", "mehr zum thema", "das könnte sie auch interessieren",
    "lesen sie auch", "sur le même sujet", "à lire aussi", "\xC3\x80 lire aussi" /* À */, "lire aussi", "dans la même rubrique", "más información",
    "te puede interesar", "noticias relacionadas", "leggi anche", "potrebbe interessarti", "lees ook", "meer over dit onderwerp",
    "also read", "baca juga", "berita terkait", "leia também", "notícias relacionadas", "ilgili haberler",
    "\xC4\xB0lgili haberler" /* İ */, "читайте также", "Читайте также", "اقرأ أيضا", "ये भी पढ़ें", "संबंधित खबरें",
    "延伸閱讀", "延伸阅读", "相關新聞", "相关新闻", "相关阅读", "関連記事", "関連ニュース", "관련기사",
};

// Lists of the site's most read stories head themselves "Most read", "MOST WATCHED NEWS VIDEOS"
// (the Daily Mail's, under which a new user's trial found its best passage for "Kate cancer").
constexpr std::string_view kMostOpenings[] = {"most read", "most watched", "most popular", "most viewed", "most shared"};
constexpr std::size_t kMaxMostHeadingWords = 5;

// `lower` (an ASCII-lowercased line) is one of kRelatedHeadings, with or without a colon, or
// a short heading opening with one of kMostOpenings.
bool names_related_heading(std::string_view lower) {
  while (!lower.empty() && (lower.back() == ' ' || lower.back() == ':')) lower.remove_suffix(1);
  if (std::find(std::begin(kRelatedHeadings), std::end(kRelatedHeadings), lower) != std::end(kRelatedHeadings)) return true;
  return !ends_sentence(lower) && count_words_up_to(lower, kMaxMostHeadingWords + 1) <= kMaxMostHeadingWords &&
         std::any_of(std::begin(kMostOpenings), std::end(kMostOpenings),
                     [lower](std::string_view opening) {
                       return lower.starts_with(opening) && (lower.size() == opening.size() || lower[opening.size()] == ' ');
                     });
}

// A video's running time and source under its caption: CNN's "02:14 - Source: CNN Business".
bool is_video_credit(std::string_view lower) {
  std::size_t at = 0;
  while (at < lower.size() && ((lower[at] >= '0' && lower[at] <= '9') || lower[at] == ':')) ++at;
  return at >= 4 && lower.find(':') < at && lower.substr(at).starts_with(" - source: ");
}

// Counts alone, as blogs show claps and responses ("1.2K 23" on Medium): one to three
// numbers, two of them or one of thousands.
bool is_counts_only(std::string_view lower) {
  std::size_t numbers = 0;
  bool thousands = false;
  const bool all_numbers = visit_words(lower, [&](std::string_view word) {
    if (word.back() == 'k' || word.back() == 'm') {
      thousands = true;
      word.remove_suffix(1);
    }
    ++numbers;
    return !word.empty() && word.front() != '.' &&
           std::all_of(word.begin(), word.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; });
  });
  return all_numbers && numbers >= 1 && numbers <= 3 && (numbers >= 2 || thousands);
}

// Reading-time labels ("2 min read", "5 minute read", "Lesezeit: 3 Min", "Temps de lecture 3 min.").
bool is_reading_time(std::string_view lower) {
  for (const std::string_view label : {"lesezeit:", "lesezeit", "temps de lecture :", "temps de lecture", "reading time:"}) {
    if (lower.starts_with(label)) lower.remove_prefix(label.size());
  }
  while (lower.starts_with(' ')) lower.remove_prefix(1);
  std::size_t digits = 0;
  while (digits < lower.size() && lower[digits] >= '0' && lower[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return false;
  const std::string_view rest = lower.substr(digits);
  for (const std::string_view unit : {" min read", " minute read", " mins read", " min", " min.", " minuten", " minutes"}) {
    if (rest == unit) return true;
  }
  // Medium's "6 min read·May 9, 2026": the time to read, then the date.
  constexpr std::string_view kReadThenDate = " min read\xC2\xB7" /* · */;
  return rest.starts_with(kReadThenDate) && rest.size() < 40;
}

constexpr std::string_view kChromeFragments[] = {"credit..."};  // the New York Times' photo credits

constexpr std::string_view kCopyrightFragments[] = {"all rights reserved", "riproduzione riservata",
                                                    "tous droits réservés", "alle rechte vorbehalten",
                                                    "todos los derechos reservados"};

// Korean, Japanese and Chinese papers' copyright lines ("<저작권자(c) 연합뉴스, 무단 전재-재배포
// 금지>"), known by these words only in a line marked as a notice: a CJK paragraph has no
// spaces to count as long, and a story about copyright uses the words.
constexpr std::string_view kCjkCopyrightFragments[] = {"저작권자", "무단 전재", "無断転載", "版权所有", "版權所有"};
// A CJK notice is this short (reading_words counts two characters a word).
constexpr std::size_t kMaxCjkNoticeWords = 60;
// "Copyright 2024 Reuters. All rights reserved." is a notice by its words alone.
constexpr std::size_t kMaxNoticeWords = 8;
constexpr std::string_view kCopyrightMarks[] = {"(c)", "\xC2\xA9" /* © */, "\xE2\x93\x92" /* ⓒ */};

// A site's notice about reprinting its own text ("本網站之文字、圖片及影音，非經授權，不得轉載、
// 公開播送或公開傳輸及利用。", CNA's): it names the site or paper and reprinting.
constexpr std::string_view kCjkOwnSiteWords[] = {"本網站", "本网站", "本站", "本報", "本报", "本社"};
constexpr std::string_view kCjkReprintWords[] = {"轉載", "转载", "転載"};

// The People's Daily's print page under a story, "《 人民日报 》（ 2024年04月17日 01 版）": the
// paper in 《》, then the day and the page (版) in brackets.
bool is_print_page_line(std::string_view lower) {
  return lower.starts_with("\xE3\x80\x8A" /* 《 */) && reading_words(lower) <= kMaxCjkNoticeWords &&
         (lower.ends_with("\xE7\x89\x88\xEF\xBC\x89" /* 版） */) || lower.ends_with("\xE7\x89\x88)" /* 版) */));
}

// A notice set between stars, as Taiwan's Liberty Times closes its stories:
// "☆自由時報電子報提醒您，請勿散布不實訊息☆" (reminding readers not to spread false news).
bool is_starred_notice(std::string_view lower) {
  for (const std::string_view star : {"\xE2\x98\x86" /* ☆ */, "\xE2\x98\x85" /* ★ */}) {
    if (lower.size() > 2 * star.size() && lower.starts_with(star) && lower.ends_with(star)) return true;
  }
  return false;
}

bool is_cjk_copyright_notice(std::string_view lower) {
  const auto holds = [lower](std::string_view word) { return lower.find(word) != std::string_view::npos; };
  if (reading_words(lower) <= kMaxCjkNoticeWords && std::any_of(std::begin(kCjkOwnSiteWords), std::end(kCjkOwnSiteWords), holds) &&
      std::any_of(std::begin(kCjkReprintWords), std::end(kCjkReprintWords), holds)) {
    return true;
  }
  // Marked: in brackets, with (c) or ©, or opening with the words ("版权所有：新华网 未经书面授权禁止转载").
  const bool marked = lower.starts_with('<') ||
                      std::any_of(std::begin(kCopyrightMarks), std::end(kCopyrightMarks),
                                  [lower](std::string_view mark) { return lower.find(mark) != std::string_view::npos; }) ||
                      std::any_of(std::begin(kCjkCopyrightFragments), std::end(kCjkCopyrightFragments),
                                  [lower](std::string_view fragment) { return lower.starts_with(fragment); });
  return marked && std::any_of(std::begin(kCjkCopyrightFragments), std::end(kCjkCopyrightFragments),
                               [lower](std::string_view fragment) { return lower.find(fragment) != std::string_view::npos; });
}

// Publishers' disclaimers ("Blog posts represent the views of CFR fellows and staff and not
// those of CFR, which takes no institutional positions."). Only short lines: an article may
// quote the phrase in a long paragraph.
constexpr std::string_view kDisclaimerFragments[] = {
    "takes no institutional position", "do not necessarily reflect the views",
    "does not necessarily reflect the views", "are those of the author",
};
constexpr std::size_t kMaxDisclaimerWords = 40;

// Notices that say the saved page holds only part of the article.
constexpr std::string_view kPreviewFragments[] = {
    "you have a preview view of this article",
    "while we verify access",
    "while we are checking your access",
    "subscribe to continue reading",
    "this article is for subscribers",
    "to continue reading this article",
};

// English papers' gates, known only opening a short line: a story says "the channel will be
// for subscribers only". "Subscribe to unlock this article" (the FT); "Continue reading your
// article with a WSJ subscription".
constexpr std::string_view kPreviewOpenings[] = {
    "subscribe to unlock", "subscribe to read", "subscribe to keep reading", "subscribe to continue",
    "continue reading your article with", "log in to continue reading", "sign in to continue reading",
    "subscribers only", "create your free account", "create a free account to continue",
};

// Such notices in other languages, known only on short lines: a long paragraph may speak of
// subscribers. "Il vous reste 72% de cet article à lire. La suite est réservée aux abonnés."
// (Le Monde); "Dieser Artikel ist nur für Abonnenten"; "Este contenido es exclusivo para
// suscriptores"; "Questo articolo è riservato agli abbonati".
constexpr std::string_view kShortPreviewFragments[] = {
    "de cet article à lire", "la suite est réservée aux abonnés", "cet article est réservé aux abonnés",
    "% à découvrir", "artikel ist nur für abonnenten",
    "exclusivo para suscriptores", "suscríbete para seguir leyendo", "articolo è riservato agli abbonati",
};

constexpr std::string_view kRelativeTimeUnits[] = {"second", "minute", "hour", "day", "week", "month"};


// "2 hours ago", "5 min ago 3": a timestamp widget, not text.
bool is_relative_time(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
  if (i == 0 || i >= line.size() || line[i] != ' ') return false;
  const std::string_view rest = line.substr(i + 1);
  for (const auto unit : kRelativeTimeUnits) {
    if (!rest.starts_with(unit)) continue;
    const std::size_t ago = rest.find(" ago");
    return ago != std::string_view::npos && ago <= unit.size() + 1;
  }
  return false;
}

// A line made only of share buttons' names: three or more, or "share" and others ("Facebook
// Messenger" alone may be a heading about the product), or "share" with its count ("Share
// 12", "share2" as a pasted page runs them together).
bool is_share_row(std::string_view line) {
  std::size_t words = 0;
  bool says_share = false;
  bool counted = false;
  const bool all_buttons = visit_words(line, [&](std::string_view word) {
    const std::size_t digits = word.size() - std::min(word.size(), word.find_last_not_of("0123456789") + 1);
    counted = counted || digits > 0;
    word.remove_suffix(digits);
    if (word.empty()) return true;
    says_share = says_share || word.starts_with("share");
    ++words;
    return std::find(std::begin(kShareWords), std::end(kShareWords), word) != std::end(kShareWords);
  });
  return all_buttons && (words >= 3 || (says_share && (words >= 2 || counted)));
}

// "1/8", "3 of 12", "Image 1 of 8", "Photo 2/10": a gallery's counter (never past its total,
// so "24/7" is not one).
bool is_counter(std::string_view line) {
  for (const std::string_view label : {"image ", "photo ", "slide ", "picture "}) {
    if (line.starts_with(label)) line.remove_prefix(label.size());
  }
  std::size_t i = 0;
  const auto number = [&line, &i]() -> long {
    const std::size_t start = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9' && i - start < 6) ++i;
    return i > start ? std::stol(std::string(line.substr(start, i - start))) : -1;
  };
  const long position = number();
  if (position < 1) return false;
  if (line.substr(i).starts_with(" of ")) {
    i += 4;
  } else if (line.substr(i).starts_with(" / ")) {
    i += 3;
  } else if (i < line.size() && line[i] == '/') {
    ++i;
  } else {
    return false;
  }
  const long total = number();
  return total >= position && i == line.size();
}

// A photo's caption ends with its credit in brackets: Nikkei Asia's "... (Photo by Ken
// Kobayashi)", the Liberty Times' "總統賴清德今日發表就職演說。（記者塗建榮攝）" (攝: photographed
// by), "（圖／…）" (picture: ...); or, unbracketed in Chinese, with the photographer's name and
// 摄 (the People's Daily's "… 新华社记者 李欣摄").
constexpr std::string_view kBracketedCreditOpenings[] = {"photo by ", "photos by ", "photo: ", "photo courtesy",
                                                         "foto: ", "foto von ", "圖／", "图／", "圖/", "图/", "사진="};
constexpr std::string_view kTakenBy[] = {"\xE6\x94\x9D" /* 攝 */, "\xE6\x91\x84" /* 摄 */};
constexpr std::size_t kMaxCaptionWords = 60;

bool ends_with_photo_credit(std::string_view lower) {
  while (!lower.empty() && lower.back() == ' ') lower.remove_suffix(1);
  const auto taken_by = [](std::string_view text) {
    return std::any_of(std::begin(kTakenBy), std::end(kTakenBy), [text](std::string_view mark) { return text.ends_with(mark); });
  };
  std::size_t open = std::string_view::npos;
  std::size_t open_size = 0;
  if (lower.ends_with(')')) {
    open = lower.rfind('(');
    open_size = 1;
    lower.remove_suffix(1);
  } else if (lower.ends_with("\xEF\xBC\x89" /* ） */)) {
    open = lower.rfind("\xEF\xBC\x88" /* （ */);
    open_size = 3;
    lower.remove_suffix(3);
  } else {
    // Unbracketed, only with the photographer named a reporter: "新华社记者 李欣摄".
    return taken_by(lower) && (lower.find("记者") != std::string_view::npos || lower.find("記者") != std::string_view::npos);
  }
  if (open == std::string_view::npos) return false;
  const std::string_view inside = lower.substr(open + open_size);
  return taken_by(inside) || std::any_of(std::begin(kBracketedCreditOpenings), std::end(kBracketedCreditOpenings),
                                         [inside](std::string_view opening) { return inside.starts_with(opening); });
}

// Picture agencies whose credit is their name in capitals, a slash and the photographer's.
constexpr std::string_view kPictureAgencies[] = {"REUTERS", "AP",   "AFP",    "EPA",   "EPA-EFE", "XINHUA", "YONHAP", "KYODO",
                                                 "AAP",     "ANSA", "DPA",    "EFE",   "ANTARA",  "GETTY",  "TASS",   "SPUTNIK",
                                                 "PTI",     "ANI",  "UPI",    "SIPA",  "ABACA",   "IMAGO",  "CNS",    "VCG"};

// A picture agency's credit alone: Kompas' "KOMPAS.com/VITORIO MANTALEAN", "REUTERS/Kim
// Kyung-Hoon", "AP Photo/Evan Vucci", "ANTARA FOTO/Galih Pradipta": the agency in capitals (a
// site's domain after it, "Photo" or "FOTO" beside it, or a picture agency's name), a slash,
// and a name of capitalised words. Other capitals before a slash are no agency: a headline
// "US/China Trade Talks Resume" or a heading "NATO/Ukraine" is text.
bool is_agency_credit(std::string_view line) {
  const std::size_t slash = line.find('/');
  if (slash == std::string_view::npos || slash == 0 || line.find('/', slash + 1) != std::string_view::npos ||
      count_words_up_to(line, 7) > 6) {
    return false;
  }
  std::string_view agency = line.substr(0, slash);
  bool marked = false;  // as a picture's credit: a label, a domain or an agency's name
  for (const std::string_view label : {" Photo", " PHOTO", " FOTO", " Foto"}) {
    if (agency.ends_with(label)) agency.remove_suffix(label.size()), marked = true;
  }
  for (const std::string_view domain : {".com", ".co.id", ".id", ".net"}) {
    if (agency.ends_with(domain)) agency.remove_suffix(domain.size()), marked = true;
  }
  marked = marked || std::find(std::begin(kPictureAgencies), std::end(kPictureAgencies), agency) != std::end(kPictureAgencies);
  const auto capitals = [](std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.' || c == '-'; });
  };
  if (!marked || agency.size() < 2 || !capitals(agency)) return false;
  std::size_t names = 0;
  const bool all_capitalised = visit_words(line.substr(slash + 1), [&names](std::string_view word) {
    ++names;
    return word[0] >= 'A' && word[0] <= 'Z' && word.find_first_of(".,:;!?") == std::string_view::npos;
  });
  return all_capitalised && names >= 1 && names <= 4;
}

}  // namespace

LineKind classify_line(std::string_view line) {
  const std::string lower = ascii_lower(line);
  for (const auto fragment : kPreviewFragments) {
    if (lower.find(fragment) != std::string::npos) return LineKind::kPreviewNotice;
  }
  const bool short_line = count_words_up_to(lower, kMaxDisclaimerWords) <= kMaxDisclaimerWords;
  if (short_line) {
    for (const auto fragment : kShortPreviewFragments) {
      if (lower.find(fragment) != std::string::npos) return LineKind::kPreviewNotice;
    }
    for (const auto opening : kPreviewOpenings) {
      if (lower.starts_with(opening)) return LineKind::kPreviewNotice;
    }
  }
  for (const auto chrome : kChromeLines) {
    if (lower == chrome) return LineKind::kChrome;
  }
  for (const auto label : kPollLabels) {
    if (lower == label) return LineKind::kChrome;
  }
  for (const auto prefix : kChromePrefixes) {
    if (lower.starts_with(prefix)) return LineKind::kChrome;
  }
  if (short_line && !lower.ends_with('.')) {
    for (const auto prefix : kTeaserPrefixes) {
      if (lower.starts_with(prefix)) return LineKind::kChrome;
    }
    for (const auto prefix : kShoutedTeaserPrefixes) {
      if (line.starts_with(prefix)) return LineKind::kChrome;
    }
  }
  for (const auto label : kExpandLabels) {
    if (lower == label) return LineKind::kChrome;
  }
  if (reading_words(lower) <= kMaxCaptionWords && ends_with_photo_credit(lower)) return LineKind::kChrome;
  if (is_agency_credit(line)) return LineKind::kChrome;
  if (is_cjk_copyright_notice(lower) || is_print_page_line(lower) || (short_line && is_starred_notice(lower))) {
    return LineKind::kChrome;
  }
  if (short_line && (is_newsletter_promo(lower) || is_messaging_promo(lower) || is_call_to_readers(lower))) {
    return LineKind::kChrome;
  }
  // A copyright line is a notice, not a sentence about copyright: marked, or a few words
  // ("The label printed "all rights reserved" on every sleeve, ..." is a story's).
  const auto notice = [&lower] {
    const bool copyright_opening = lower.starts_with("copyright ") && lower.size() > 10 &&
                                   ((lower[10] >= '0' && lower[10] <= '9') || lower.substr(10).starts_with("\xC2\xA9"));
    return count_words_up_to(lower, kMaxNoticeWords + 1) <= kMaxNoticeWords || copyright_opening ||
           std::any_of(std::begin(kCopyrightMarks), std::end(kCopyrightMarks),
                       [&lower](std::string_view mark) { return lower.find(mark) != std::string::npos; });
  };
  if (short_line && notice()) {
    for (const auto fragment : kCopyrightFragments) {
      if (lower.find(fragment) != std::string::npos) return LineKind::kChrome;
    }
  }
  if (short_line) {
    for (const auto fragment : kChromeFragments) {
      if (lower.find(fragment) != std::string::npos) return LineKind::kChrome;
    }
    for (const auto fragment : kPlayerFragments) {
      if (lower.find(fragment) != std::string::npos) return LineKind::kChrome;
    }
    if (is_edition_line(lower)) return LineKind::kChrome;
    for (const auto fragment : kDisclaimerFragments) {
      if (lower.find(fragment) != std::string::npos) return LineKind::kChrome;
    }
  }
  if (is_relative_time(lower) || is_share_row(lower) || is_counter(lower) || is_comment_count(lower) ||
      is_reading_time(lower) || is_video_credit(lower) || is_counts_only(lower) || names_related_heading(lower)) {
    return LineKind::kChrome;
  }
  if (is_sign_off(lower)) return LineKind::kChrome;
  // WordPress's feed footer on every item: "The post Council approves rezoning appeared first
  // on The Millbrook Ledger."
  if (short_line && lower.starts_with("the post ") && lower.find(" appeared first on ") != std::string::npos) {
    return LineKind::kChrome;
  }
  // Image alt text of site icons ("Chattythat Icon").
  if (lower.ends_with(" icon") && count_words_up_to(lower, 4) <= 4) return LineKind::kChrome;
  return LineKind::kText;
}

bool is_related_heading(std::string_view line) { return names_related_heading(ascii_lower(line)); }

bool is_poll_label(std::string_view line) {
  const std::string lower = ascii_lower(line);
  return std::find(std::begin(kPollLabels), std::end(kPollLabels), std::string_view(lower)) != std::end(kPollLabels);
}

}  // namespace cs::indexer
