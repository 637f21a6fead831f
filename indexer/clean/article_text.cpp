#include "indexer/clean/article_text.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "indexer/clean/boilerplate.hpp"
#include "indexer/clean/dates.hpp"

namespace cs::indexer {

namespace {

// The lead-in (title, kicker, dateline, byline) sits in the first blocks of a saved page;
// looking further would take a date quoted in the text for the article's own.
constexpr std::size_t kLeadInBlocks = 16;
// A paragraph this long is article text; before the first one, the page's lead-in.
constexpr std::size_t kFirstParagraphWords = 25;
// Section labels next to chrome ("Foreign Policy" under a language switcher) are this short.
constexpr std::size_t kLabelWords = 4;
// A complete sentence this long, outside a list, is article text even when short.
constexpr std::size_t kSentenceWords = 8;
// Headlines run to about 15 words; a longer first line is the text itself (a speech saved
// as one paragraph), and the title then comes from elsewhere (see readers/reader_skeleton.hpp).
constexpr std::size_t kMaxTitleWords = 30;
// A kicker over a headline is a few words: "Abstimmung im Bundestag", "Live updates".
constexpr std::size_t kMaxKickerWords = 6;
// "Reporting from Taipei, Taiwan", "Reporting from Rio de Janeiro and Brasília".
constexpr std::size_t kMaxPlaceLineWords = 8;
// Bylines are short: "By Jane Doe and John Roe, CNN".
constexpr std::size_t kMaxBylineWords = 10;

// The lead-in ends at the first real paragraph: a long block, or a complete sentence that
// is neither a list item nor a heading. Lists after it are article text.
bool starts_article_text(const TextBlock& block, std::size_t words) {
  if (words >= kFirstParagraphWords) return true;
  return !block.list_item && block.heading_level == 0 && words >= kSentenceWords && ends_sentence(block.text);
}

bool is_capitalised_name(std::string_view text) {
  const std::size_t words = count_words_up_to(text, 4);
  if (words < 2 || words > 4) return false;
  bool word_start = true;
  for (const char c : text) {
    if (c == '.' || c == '?' || c == '!' || c == ':' || c == ',') return false;
    if (word_start && c >= 'a' && c <= 'z') return false;
    word_start = c == ' ';
  }
  return true;
}

// "Jane Doe in Lagos" -> "Jane Doe": where a reporter filed from is no part of the name.
std::string_view without_place(std::string_view name) {
  const std::size_t in = name.find(" in ");
  if (in == std::string_view::npos || in + 4 >= name.size()) return name;
  // A place begins with a capital: ASCII, or a letter past ASCII ("in Łódź").
  const auto first = static_cast<unsigned char>(name[in + 4]);
  if ((first < 'A' || first > 'Z') && first < 0xC0) return name;
  return name.substr(0, in);
}

struct BylineWords {
  std::string_view by;   // "By "
  std::string_view and_; // " and "
};

// Bylines in the languages of the news sites users save: "Von Katrin Elsner" (Der Spiegel),
// "Par Sandrine Morel" (Le Monde), "Por Cristina Vázquez" (El País), "Di Marco Rossi".
constexpr BylineWords kOtherBylines[] = {
    {"Von ", " und "}, {"Par ", " et "}, {"Por ", " y "}, {"Di ", " e "}, {"Door ", " en "},
};

// The names joined by `and_` in `text`, each cut at a comma or a bar and without where it was
// filed from; empty when `names_only` and one of them is not two to four capitalised words.
std::string joined_names(std::string_view text, std::string_view and_, bool names_only) {
  if (const std::size_t cut = text.find_first_of(",|("); cut != std::string_view::npos) text = text.substr(0, cut);
  std::string names;
  for (std::size_t at = 0; at <= text.size();) {
    const std::size_t next = std::min(text.find(and_, at), text.size());
    std::string_view name = without_place(text.substr(at, next - at));
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (names_only && !is_capitalised_name(name)) return {};
    if (!names.empty()) names.append(" and ");
    names.append(name);
    at = next + and_.size();
  }
  return names;
}

// "By Jane Doe, CNN" -> "Jane Doe"; "By Jane Doe | Staff Writer" -> "Jane Doe"; "By Jane Doe
// in Lagos and John Roe in London" -> "Jane Doe and John Roe"; "Von Katrin Elsner und Florian
// Gathmann" -> "Katrin Elsner and Florian Gathmann". Empty when the block is not such a byline.
std::string by_line_author(std::string_view text) {
  if (count_words_up_to(text, kMaxBylineWords) > kMaxBylineWords) return {};
  if (text.starts_with("By ")) {
    text.remove_prefix(3);
    // "By 1799 most had been pardoned", "By the way": a sentence, not a name.
    if (text.empty() || (text[0] >= '0' && text[0] <= '9') || (text[0] >= 'a' && text[0] <= 'z')) return {};
    return joined_names(text, " and ", false);
  }
  // In other languages the word may start a sentence ("Von Montag an gilt ..."): only names.
  for (const BylineWords& words : kOtherBylines) {
    if (text.starts_with(words.by)) return joined_names(text.substr(words.by.size()), words.and_, true);
  }
  return {};
}

// A heading in the lead-in that is the page's headline, told apart by its punctuation or by a
// kicker set before or after it in the same heading ("Abstimmung im Bundestag" above "Scholz
// verliert Vertrauensfrage im Bundestag"): the title already says it.
bool repeats_title(std::string_view heading, std::string_view title) {
  if (heading == title) return true;
  const std::vector<std::string> title_words = plain_words(title);
  const std::vector<std::string> heading_words = plain_words(heading);
  if (title_words.empty() || heading_words.empty() || heading_words.size() > title_words.size() + kMaxKickerWords) {
    return false;
  }
  // A headline broken in two by a <br> gives two headings, each a part of the title.
  if (heading_words.size() < title_words.size()) {
    return std::search(title_words.begin(), title_words.end(), heading_words.begin(), heading_words.end()) !=
           title_words.end();
  }
  return std::search(heading_words.begin(), heading_words.end(), title_words.begin(), title_words.end()) !=
         heading_words.end();
}

// A list item of two to four capitalised words in the lead-in ("• Li Yan"), as think-tank
// pages set their authors. Empty when the block is not one.
std::string listed_author(const TextBlock& block) {
  return block.list_item && is_capitalised_name(block.text) ? block.text : std::string();
}

// Marks a closing line of a story may end with besides ends_sentence's: a quotation's close
// (« Nous gagnerons », "Never say never"), an ellipsis, and CJK's full stops.
constexpr std::string_view kClosingMarks[] = {"\xC2\xBB" /* » */, "\xC2\xAB" /* « closes German quotes */, "\xE2\x80\x9D" /* ” */, "\"", "'", "\xE2\x80\xA6" /* … */,
                                              "\xE3\x80\x82" /* 。 */, "\xEF\xBC\x9F" /* ？ */, "\xEF\xBC\x81" /* ！ */};

// Whether a line ends as the story's own lines do: a sentence, a quotation, an ellipsis.
bool closes_text(std::string_view text) {
  return ends_sentence(text) || std::any_of(std::begin(kClosingMarks), std::end(kClosingMarks),
                                            [text](std::string_view mark) { return text.ends_with(mark); });
}

// A label rather than a line of the story: a few words, no sentence, no list item, and no
// figure (the last row of a table of results is the story's). Lines without spaces (Chinese,
// Japanese) have no words to count.
bool is_tail_label(const TextBlock& block, bool single_words = false) {
  const std::string_view text = block.text;
  const bool figures = std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  return !block.list_item && !figures && !closes_text(text) && (single_words || text.find(' ') != std::string_view::npos) &&
         count_words_up_to(text, kLabelWords + 1) <= kLabelWords;
}

// A run of labels at a pasted page's end this long may hold single words.
constexpr std::size_t kMinSingleWordLabels = 3;

// How far a page pasted whole may run its menus before the headline ("Skip to main content",
// "World", "U.S.", ... seventeen lines on an AP page copied with Ctrl-A).
constexpr std::size_t kMaxMenuBlocks = 48;
// Short lines before the headline that make a menu: a few after a chrome line ("Skip to main
// content", "Menu"), many without one. A short headline after an ad label, or a recipe's
// lines, are not menus.
constexpr std::size_t kMinMenuLinesAfterChrome = 2;
constexpr std::size_t kMinMenuLines = 8;

// Where the headline of a text that names no title is (npos: the first line, as it always
// was), read in one pass over the lead-in's lines:
// - the first line of more than a label's few words, when only short lines (a site's menus
//   and section names) come before it; a byline, a dateline or a long paragraph before any
//   such line ends the search;
// - else, for a page pasted whole that opens with its site's tagline or name before its menus
//   ("Exclusive news, data and analytics for financial market professionals", then World,
//   Business, ... on Reuters; "tagesschau", then Startseite, Wirtschaft, ...), the first
//   longer line after the last run of menu lines above its byline or dateline.
std::size_t headline_after_menus(const std::vector<TextBlock>& blocks) {
  constexpr std::size_t kMinMenuRun = 3;
  bool chrome_seen = false;
  std::size_t short_lines = 0;
  bool first_longer_seen = false;
  std::size_t after_menus = std::string::npos;  // the first reading's headline
  std::size_t run = 0;                          // menu labels (short lines) side by side
  std::size_t after_run = std::string::npos;    // the block after the last run long enough
  std::size_t above_byline = std::string::npos; // the first longer line after it
  for (std::size_t i = 0; i < blocks.size() && i < kMaxMenuBlocks; ++i) {
    const TextBlock& block = blocks[i];
    // A notice or a share row between menu labels is no label itself, and breaks no run.
    if (classify_line(block.text) != LineKind::kText) {
      chrome_seen = true;
      continue;
    }
    const std::size_t words = count_words_up_to(block.text, kMaxTitleWords + 1);
    if (words > kMaxTitleWords) return after_menus;  // the text began with no byline
    if (parse_dateline(block.text) || !by_line_author(block.text).empty()) {
      return after_menus != std::string::npos ? after_menus : above_byline;
    }
    if (words <= kLabelWords) {
      ++short_lines;
      if (++run >= kMinMenuRun) {
        after_run = i + 1;
        above_byline = std::string::npos;
      }
      continue;
    }
    run = 0;
    const bool sentence = block.text.ends_with('.');
    if (!first_longer_seen) {
      first_longer_seen = true;
      // Menus are chrome ("Skip to main content") or many short lines; a title and a few
      // short lines (a poem's) are text. A sentence ("First paragraph of the story.") begins
      // the text.
      const bool menus = (chrome_seen && short_lines >= kMinMenuLinesAfterChrome) || short_lines >= kMinMenuLines;
      if (menus && !sentence) after_menus = i;
    }
    if (after_run != std::string::npos && above_byline == std::string::npos && !sentence) above_byline = i;
  }
  return after_menus;
}

}  // namespace

void fill_article_from_blocks(const std::vector<TextBlock>& blocks, Article& article, bool title_from_text) {
  std::vector<const TextBlock*> kept;
  // Where the last real paragraph ends, in `kept`: short lines after it may be chrome.
  std::size_t after_last_paragraph = 0;
  bool title_known = !article.title.empty() || !title_from_text;
  // The lead-in starts at the headline: the short lines before it are the site's menus.
  const std::size_t headline = title_known ? std::string::npos : headline_after_menus(blocks);
  const std::size_t lead_in_start = headline == std::string::npos ? 0 : headline;
  bool in_lead_in = true;
  bool after_chrome = false;  // the block before was chrome, with no blank line between
  bool after_byline = false;
  bool behind_gate = false;  // after a paywall's notice that follows the text
  bool under_related = false;  // after a heading of links to other stories
  bool in_poll = false;        // after a poll's label, before the story goes on
  for (std::size_t i = lead_in_start; i < blocks.size(); ++i) {
    const TextBlock& block = blocks[i];
    // Compared with kMaxTitleWords and less.
    const std::size_t words = count_words_up_to(block.text, kMaxTitleWords);
    const bool in_first_blocks = i < lead_in_start + kLeadInBlocks;
    const bool lead_in = in_lead_in && in_first_blocks;

    const LineKind kind = classify_line(block.text);
    // Under a heading of links to other stories ("Mehr zum Thema", "Related stories"), their
    // headlines: short lines that end no sentence (a headline may end in a quotation's
    // close: »Einander nicht untergeordnet«), until the story's text goes on.
    if (kind == LineKind::kChrome && !kept.empty() && is_related_heading(block.text)) under_related = true;
    // A poll set in the story (the Times of India's "Poll", "Do you think a coalition
    // government will be stable?", then its answers): its question and answers are no text.
    if (kind == LineKind::kChrome && is_poll_label(block.text)) in_poll = true;
    if (in_poll && kind == LineKind::kText) {
      const bool question = block.text.ends_with('?') || block.text.ends_with("\xEF\xBC\x9F" /* ？ */);
      if ((question && words < kFirstParagraphWords) || is_tail_label(block, true)) continue;
      in_poll = false;
    }
    if (under_related && kind == LineKind::kText) {
      if (words < kFirstParagraphWords && !ends_sentence(block.text)) continue;
      under_related = false;
    }
    if (kind == LineKind::kPreviewNotice) {
      article.preview = true;
      // Under a notice that ends the text shown, the gate's box: "Déjà abonné ? Se
      // connecter", an offer, a button's label, none a sentence. A sentence there is text.
      behind_gate = !kept.empty();
    }
    if (behind_gate && kind == LineKind::kText) {
      if (words < kFirstParagraphWords && !closes_text(block.text)) continue;
      behind_gate = false;
    }
    const bool label_beside_chrome = lead_in && after_chrome && !block.after_blank && words <= kLabelWords;
    if (kind != LineKind::kText || label_beside_chrome) {
      after_chrome = true;
      continue;
    }
    after_chrome = false;

    // A dateline or a "By ..." line may follow the dek, so they are looked for in all of the
    // first blocks.
    if (in_first_blocks) {
      if (auto date = parse_dateline(block.text)) {
        if (article.date.empty()) article.date = *date;
        continue;
      }
      // "Updated 9:40 p.m. ET" beside the date; "Reporting from Taipei, Taiwan" under the
      // byline (the New York Times' dateline).
      const bool reporting_place = block.text.starts_with("Reporting from ") && words <= kMaxPlaceLineWords &&
                                   !ends_sentence(block.text);
      if (is_clock_time_line(block.text) || reporting_place) continue;
      std::string author = by_line_author(block.text);
      if (author.empty() && lead_in) author = listed_author(block);
      if (!author.empty()) {
        if (article.author.empty()) article.author = std::move(author);
        // "By Jane Doe | June 3, 2024 at 2:59 pm": the date after the byline's bar.
        if (const std::size_t bar = block.text.find('|'); bar != std::string::npos && article.date.empty()) {
          if (auto date = parse_dateline(std::string_view(block.text).substr(bar + 1))) article.date = *date;
        }
        after_byline = true;
        continue;
      }
    }
    if (lead_in) {
      // An indented line under a byline is the author's affiliation.
      if (after_byline && block.indented && words <= kFirstParagraphWords) continue;
      after_byline = false;
      if (!title_known && words <= kMaxTitleWords) {
        article.title = block.text;
        title_known = true;
        continue;
      }
      if (block.heading_level > 0 && repeats_title(block.text, article.title)) continue;
      // List items before the first real paragraph of a page are navigation and labels
      // ("- Post"); a record's own text (a feed description's bullet points) has none.
      if (title_from_text && block.list_item && words < kFirstParagraphWords) continue;
    }
    if (starts_article_text(block, words)) in_lead_in = false;
    kept.push_back(&block);
    if (words >= kFirstParagraphWords || (words >= kSentenceWords && ends_sentence(block.text))) {
      after_last_paragraph = kept.size();
    }
  }
  // A page pasted whole leaves its site's labels after the story ("Weekly Newsletter",
  // "Listen to these podcasts", "From: The Take"): there, a run of short lines that are no
  // sentences, after the last paragraph, ends no article. Elsewhere such lines are the
  // story's (a poem, a list of polling places, "— Reuters").
  std::size_t end = kept.size();
  const bool pasted_page = headline != std::string::npos;
  while (pasted_page && end > after_last_paragraph && after_last_paragraph > 0 && is_tail_label(*kept[end - 1])) --end;
  // Single words too ("Impressum", "Datenschutz", "Feedback") where three or more such
  // labels end the page: one word alone may be the story's ("Reuters").
  std::size_t labels_end = end;
  while (pasted_page && labels_end > after_last_paragraph && after_last_paragraph > 0 &&
         is_tail_label(*kept[labels_end - 1], true)) {
    --labels_end;
  }
  if (end - labels_end >= kMinSingleWordLabels) end = labels_end;
  std::string body;
  for (std::size_t i = 0; i < end; ++i) {
    if (!body.empty()) body.append("\n\n");
    body.append(kept[i]->text);
  }
  article.body = std::move(body);
}

}  // namespace cs::indexer
