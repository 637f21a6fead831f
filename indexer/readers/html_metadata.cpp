#include "indexer/readers/html_metadata.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "indexer/clean/dates.hpp"
#include "indexer/readers/archive_copies.hpp"
#include "indexer/readers/html_blocks.hpp"
#include "indexer/readers/html_byline.hpp"
#include "indexer/readers/html_evidence.hpp"
#include "indexer/readers/html_headline.hpp"
#include "indexer/readers/html_paywall.hpp"
#include "indexer/readers/json_ld.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

using xml::attribute;

// A logo <h1> is marked on itself or within this many elements around it.
constexpr int kLogoLevels = 3;
// Pages with more <h1>s than this do not use them for their article's title.
constexpr std::size_t kMaxHeadingsWeighed = 8;
// A headline shorter than this is not taken out of a longer title (four CJK characters, or
// a dozen Latin letters).
constexpr std::size_t kMinCoreTitleBytes = 12;

// `written` with each run of white space one space, and none at its ends.
std::string collapsed_spaces(std::string_view written) {
  std::string text;
  for (const char c : written) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!text.empty() && text.back() != ' ') text.push_back(' ');
    } else {
      text.push_back(c);
    }
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// A name's key without a leading "the": "The Japan Times" and japantimes.co.jp's name agree.
std::string_view without_the(std::string_view key) { return key.starts_with("the") ? key.substr(3) : key; }

constexpr std::string_view kTitleSeparators[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ", " \xC2\xBB ", " / "};

// The site's name at the end of a title, as "Headline | Site", "Headline - Site": the part
// after the last separator, when it names the site (its og:site_name, or its host's name:
// "ZDNET" on zdnet.com) or when another title of the page ends the same way. Empty when
// the title carries no such suffix.
std::string_view site_suffix(std::string_view title, const std::vector<std::string_view>& sites,
                             std::string_view other_title) {
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t at = title.rfind(separator);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view suffix = title.substr(at);
    const std::string_view name = suffix.substr(separator.size());
    if (name_key(name).empty()) continue;
    const bool names_site = names_only_the_site(name, sites);
    // French quotes close with " » " ("le « conclave » se sépare"): no separator there.
    if (separator == " \xC2\xBB " && title.substr(0, at).find("\xC2\xAB") != std::string_view::npos) continue;
    // Another title ending the same way shares the site's suffix, unless it is this title.
    const bool shared = other_title != title && other_title.size() > suffix.size() && other_title.ends_with(suffix);
    if (names_site || shared) return suffix;
  }
  return {};
}

// The part of a title after its last separator ("Site" of "Headline | Site"); empty when
// it has none.
std::string_view last_title_part(std::string_view title) {
  std::size_t last = std::string_view::npos;
  std::size_t separator_size = 0;
  for (const std::string_view separator : kTitleSeparators) {
    const std::size_t at = title.rfind(separator);
    if (at != std::string_view::npos && at > 0 && (last == std::string_view::npos || at > last)) {
      last = at;
      separator_size = separator.size();
    }
  }
  return last == std::string_view::npos ? std::string_view{} : title.substr(last + separator_size);
}

std::string without_site_suffix(const std::string& title, const std::vector<std::string_view>& sites,
                                std::string_view other_title) {
  const std::string_view suffix = site_suffix(title, sites, other_title);
  return title.substr(0, title.size() - suffix.size());
}

// Separators that set a part off before a headline: a title's own, and a kicker's colon
// ("Magazine: Headline").
bool ends_with_separator(std::string_view text) {
  return text.ends_with(": ") || std::any_of(std::begin(kTitleSeparators), std::end(kTitleSeparators),
                                             [text](std::string_view separator) { return text.ends_with(separator); });
}

bool starts_with_separator(std::string_view text) {
  return std::any_of(std::begin(kTitleSeparators), std::end(kTitleSeparators),
                     [text](std::string_view separator) { return text.starts_with(separator); });
}

// `title` is `core` with parts set off by separators before or after it.
bool extends_with_parts(std::string_view title, std::string_view core) {
  // A core of a few letters ("News") is one of the parts, not the headline.
  if (core.size() < kMinCoreTitleBytes || core.size() >= title.size()) return false;
  const std::size_t at = title.find(core);
  if (at == std::string_view::npos) return false;
  const std::string_view before = title.substr(0, at);
  const std::string_view after = title.substr(at + core.size());
  return (before.empty() || ends_with_separator(before)) && (after.empty() || starts_with_separator(after));
}

// Class and id names that mark a site's logo, as whole words of the names (html_evidence's
// reading: "brand-partnership-article" is not a brand mark).
bool names_a_logo(const xmlNode* element) {
  bool logo = false;
  for (const char* attribute_name : {"class", "id"}) {
    xml::for_each_word(ascii_lower(attribute(element, attribute_name)), [&logo](std::string_view name) {
      for (const std::string_view mark : {"logo", "brand", "site-title", "site-name", "masthead", "site-branding"}) {
        // The name itself, or its last word after '-' or '_' ("site-logo", "header__logo").
        const bool last_word = name.size() > mark.size() && name.ends_with(mark) &&
                               (name[name.size() - mark.size() - 1] == '-' || name[name.size() - mark.size() - 1] == '_');
        logo = logo || name == mark || last_word;
      }
    });
  }
  return logo;
}

// A logo's alt text is kept from the first few logo images of a page.
constexpr std::size_t kLogoNames = 4;

// A site's logo set as an <h1> (the page's name, not the article's): it names the site, links
// to the site's home page, or it or one of the few elements around it is named a logo.
bool is_logo_heading(const xmlNode* h1, const std::string& text, const std::vector<std::string_view>& sites) {
  const std::string key = name_key(text);
  if (std::any_of(sites.begin(), sites.end(), [&key](std::string_view site) { return !site.empty() && name_key(site) == key; })) {
    return true;
  }
  int levels = 0;
  for (const xmlNode* element = h1; element != nullptr && element->type == XML_ELEMENT_NODE && levels < kLogoLevels;
       element = element->parent, ++levels) {
    if (names_a_logo(element)) return true;
  }
  for (const xmlNode* child = h1->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (names_a_logo(child)) return true;
    if (xml::name_of(child) == "a" && attribute(child, "href") == "/") return true;
    if (xml::name_of(child) == "img" && ascii_lower(attribute(child, "alt")).find("logo") != std::string::npos) return true;
  }
  return false;
}

// A heading's text as a reader sees it: a <br> or two spans side by side set its words
// apart ("Ports brace<br>for new tariffs", tagesschau's kicker and headline), hidden labels
// are not read (html_blocks.hpp).
std::string heading_text(const xmlNode* heading) {
  std::string text;
  for (const HtmlBlock& block : collect_blocks(heading, [](const xmlNode* e) { return !is_never_text(e); })) {
    if (!text.empty()) text.push_back(' ');
    text.append(block.text.text);
  }
  return text;
}

std::size_t page_text_size(const HtmlPage& page) {
  std::size_t size = 0;
  for (const TextBlock& block : page.blocks) size += block.text.size();
  return size;
}

void set_if_empty(nlohmann::json& fields, const char* key, const std::string& value) {
  if (!value.empty() && !fields.contains(key)) fields[key] = value;
}

// A visible dateline is looked for in this many short elements after the first <h1>.
constexpr std::size_t kDatelineCandidates = 12;
constexpr std::size_t kMaxDatelineBytes = 160;
// Before the first <h1>, the last this many elements named for a date are kept.
constexpr std::size_t kDatesBeforeHeadline = 4;
// A date before the headline is the article's when it lies in the headline's part of the
// page: under the <h1>'s ancestor this many levels up (Xinhua's: div.header, holding
// div.header-top with the date and div.head-line with the <h1>).
constexpr int kHeadlineSectionLevels = 3;

constexpr std::array<std::string_view, 6> kDatelineHolders = {"p", "div", "span", "time", "address", "small"};

// Whether a class or id name says the element holds a date or a time: a word of it, parted
// by '-' or '_' ("header-time", "pub_date"), is one of the names news pages give them.
bool names_a_date(const xmlNode* element) {
  static constexpr std::string_view kNames[] = {"date", "time", "datetime", "pubdate", "pubtime", "timestamp", "dateline"};
  bool named = false;
  for (const char* attribute_name : {"class", "id"}) {
    xml::for_each_word(ascii_lower(attribute(element, attribute_name)), [&named](std::string_view name) {
      while (!named && !name.empty()) {
        const std::size_t end = std::min(name.find_first_of("-_"), name.size());
        named = std::find(std::begin(kNames), std::end(kNames), name.substr(0, end)) != std::end(kNames);
        name.remove_prefix(std::min(end + 1, name.size()));
      }
    });
  }
  return named;
}

// Whether `element` lies under the ancestor kHeadlineSectionLevels above `h1`.
bool in_headline_section(const xmlNode* element, const xmlNode* h1) {
  const xmlNode* section = h1;
  for (int level = 0; level < kHeadlineSectionLevels && section->parent != nullptr &&
                      section->parent->type == XML_ELEMENT_NODE;
       ++level) {
    section = section->parent;
  }
  for (const xmlNode* up = element; up != nullptr; up = up->parent) {
    if (up == section) return true;
  }
  return false;
}

}  // namespace

void note_visible_date(const xmlNode* node, PageFacts& facts) {
  const bool holder = std::find(kDatelineHolders.begin(), kDatelineHolders.end(), xml::name_of(node)) != kDatelineHolders.end();
  if (facts.h1s.empty()) {
    if (holder && names_a_date(node) && holds_only_inline_text(node)) {
      if (facts.dates_before_headline.size() == kDatesBeforeHeadline) facts.dates_before_headline.erase(facts.dates_before_headline.begin());
      facts.dates_before_headline.push_back(node);
    }
    return;
  }
  if (!facts.visible_date.empty() || facts.dateline_candidates >= kDatelineCandidates) return;
  if (!holder || !holds_only_inline_text(node)) return;
  const std::string line = collapsed_text(node);
  if (line.empty() || line.size() > kMaxDatelineBytes) return;
  ++facts.dateline_candidates;
  if (auto date = parse_dateline(line)) {
    facts.visible_date = *date;
    facts.visible_dateline = line;
  }
}

void note_logo_image(const xmlNode* img, PageFacts& facts) {
  if (facts.logo_names.size() >= kLogoNames) return;
  std::string file = ascii_lower(attribute(img, "src"));
  file = file.substr(0, file.find_first_of("?#"));
  file = file.substr(file.find_last_of('/') + 1);  // npos + 1 == 0
  if (!names_a_logo(img) && file.find("logo") == std::string::npos) return;
  if (std::string name = collapsed_spaces(attribute(img, "alt")); !name.empty()) facts.logo_names.push_back(std::move(name));
}

void note_meta(const xmlNode* node, PageFacts& facts) {
  std::string key = ascii_lower(attribute(node, "property"));
  if (key.empty()) key = ascii_lower(attribute(node, "name"));
  if (key.empty()) key = ascii_lower(attribute(node, "itemprop"));
  const std::string content = attribute(node, "content");
  if (key.empty() || content.empty()) return;
  // Open Graph's article properties as some sites write them ("og:article:published_time",
  // "og:article:author": Le Monde, Le Figaro).
  if (key.starts_with("og:article:")) key.erase(0, 3);
  if (key == "authors") key = "author";  // Politico's <meta name="authors">
  if (key == "article:tag" || key == "author" || key == "article:author") {
    facts.meta[key].push_back(content);  // repeated, one tag or author each
  } else if (!facts.meta.contains(key)) {
    facts.meta[key] = content;
  }
}

// The authors the meta tags name: every <meta name=author> or article:author (the Reuters
// page of a new user's trial named two, and the second was lost), else "byl" or Parse.ly's.
// Profile URLs (Facebook's article:author) and the site's own name (Der Spiegel's
// <meta name="author" content="DER SPIEGEL">) name no one: JSON-LD's authors are read then.
nlohmann::json page_authors(const PageFacts& facts, std::string_view site) {
  // Only og:site_name says the site's name: a personal site's host names its author
  // (janedoe.com, by Jane Doe).
  const auto is_site = [site](std::string_view name) { return !site.empty() && name_key(site) == name_key(name); };
  nlohmann::json names = nlohmann::json::array();
  const auto add = [&](const std::string& name) {
    if (!name.empty() && !name.starts_with("http") && !is_site(name) && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  for (const char* key : {"author", "article:author"}) {
    if (const auto listed = facts.meta.find(key); listed != facts.meta.end()) {
      for (const nlohmann::json& name : *listed) {
        // CNN's "Elena Marsh, Trevor Bell, Kavya Iyer, CNN": several names and the site in
        // one tag. Split only where each part is a name of two words or more, or the site
        // ("Smith, John" is one name).
        const std::string& text = name.get_ref<const std::string&>();
        std::vector<std::string> parts;
        for (std::size_t at = 0; at <= text.size();) {
          const std::size_t comma = std::min(text.find(", ", at), text.size());
          parts.push_back(text.substr(at, comma - at));
          at = comma + 2;
        }
        const bool names_each = parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](const std::string& part) {
          return part.find(' ') != std::string::npos || is_site(part);
        });
        if (!names_each) parts = {text};
        for (const std::string& part : parts) add(person_name(part));
      }
    }
    if (!names.empty()) return names;
  }
  add(meta_value(facts, {"byl", "parsely-author"}));
  return names;
}

namespace {

// The date printed before the headline, in its section of the page, for a page dated no
// other way (Xinhua's spans: "2024 05/20 16:35:12"); nearest the headline first.
std::string date_before_headline(const PageFacts& facts) {
  for (auto it = facts.dates_before_headline.rbegin(); it != facts.dates_before_headline.rend(); ++it) {
    if (!in_headline_section(*it, facts.h1s.front())) continue;
    const std::string line = collapsed_text(*it);
    if (line.size() > kMaxDatelineBytes) continue;
    if (auto date = parse_dateline(line)) return *date;
  }
  return {};
}

// The name of JSON-LD's publisher, when it gave the source ({"@type": ..., "name": ...}).
std::string publisher_name(const nlohmann::json& fields) {
  const auto source = fields.find("source");
  if (source == fields.end() || !source->is_object()) return {};
  const auto name = source->find("name");
  return name != source->end() && name->is_string() ? name->get<std::string>() : std::string();
}

// Drops the first of the lead-in blocks that is `headline`: read from the page as its
// title, it is no line of its text.
void drop_lead_line(std::vector<TextBlock>& blocks, const std::string& headline) {
  constexpr std::size_t kLeadLines = 8;  // a kicker, a byline, a date, a share bar may come first
  const auto end = blocks.begin() + static_cast<std::ptrdiff_t>(std::min(blocks.size(), kLeadLines));
  const auto found = std::find_if(blocks.begin(), end, [&headline](const TextBlock& block) { return block.text == headline; });
  if (found != end) blocks.erase(found);
}

}  // namespace

void fill_page_metadata(const PageFacts& facts, HtmlPage& page) {
  nlohmann::json& fields = page.fields;
  std::string site = meta_value(facts, {"og:site_name", "application-name"});
  std::string url = !facts.canonical_url.empty() ? facts.canonical_url : meta_value(facts, {"og:url"});
  // A copy saved from a web archive is the page archived (archive_copies.hpp): its own
  // address, site and date, not the archive's.
  const std::string og_url = meta_value(facts, {"og:url"});
  WebArchive archive = archive_of(url);
  if (archive == WebArchive::kNone) archive = archive_of(og_url);
  if (archive != WebArchive::kNone) {
    std::string original = wayback_original(url);
    if (original.empty()) original = wayback_original(og_url);
    for (const std::string& named : {og_url, meta_value(facts, {"url"})}) {
      if (original.empty() && archive_of(named) == WebArchive::kNone && named.starts_with("http")) original = named;
    }
    url = original;
    if (is_archive_name(site)) site.clear();
  }
  // The site's names a title may end with: og:site_name, and the host's (site_label: "zdnet"
  // of www.zdnet.com).
  const std::string host_name = site_label(url_host(url));
  const std::vector<std::string_view> sites = {site, host_name};
  const std::string raw_og_title = meta_value(facts, {"og:title", "twitter:title"});
  const std::string og_title = without_site_suffix(raw_og_title, sites, facts.title_element);
  set_if_empty(fields, "title", og_title);
  // archive.today's meta tags date its capture; the page's dateline dates the article.
  if (archive != WebArchive::kArchiveToday) {
    set_if_empty(fields, "date", meta_value(facts, {"article:published_time", "datepublished", "date", "pubdate",
                                                    "publish-date", "publishdate", "publish_date", "dc.date",
                                                    "dc.date.issued", "parsely-pub-date", "sailthru.date",
                                                    "content_publisheddate"}));  // Kompas
  }
  if (nlohmann::json authors = page_authors(facts, site); !authors.empty()) fields["author"] = std::move(authors);
  set_if_empty(fields, "source", site);
  set_if_empty(fields, "url", url);
  if (facts.html != nullptr) set_if_empty(fields, "lang", attribute(facts.html, "lang"));
  set_if_empty(fields, "excerpt", meta_value(facts, {"og:description", "description"}));
  if (auto tags = facts.meta.find("article:tag"); tags != facts.meta.end()) {
    // One tag each, or all in one, comma-separated without spaces, as the Guardian writes them
    // ("Germany,Olaf Scholz,Europe,World news" was one topic: a new user's trial): that one is
    // split as keywords are. "Washington, D.C." is one tag.
    const std::string& only = tags->size() == 1 ? (*tags)[0].get_ref<const std::string&>() : std::string();
    const bool listed = only.find(',') != std::string::npos && only.find(", ") == std::string::npos;
    fields["topics"] = listed ? (*tags)[0] : *tags;
  } else {
    set_if_empty(fields, "topics", meta_value(facts, {"keywords", "news_keywords"}));
  }

  // JSON-LD fills what the meta tags left out; its articleBody serves only a page with no text.
  const nlohmann::json article = ld_article(facts.json_ld);
  if (article.is_object()) {
    for (const auto& [from, to] : {std::pair{"headline", "title"}, {"datePublished", "date"}, {"publisher", "source"},
                                   {"keywords", "topics"}, {"inLanguage", "lang"}, {"url", "url"},
                                   {"description", "excerpt"}}) {
      if (auto it = article.find(from); it != article.end() && !fields.contains(to)) fields[to] = *it;
    }
    // JSON-LD's authors are people: the site or its publisher named as the author (The
    // Economist's, Al Jazeera's) is no one, and a job title after a name is no part of it.
    const auto publisher = article.find("publisher");
    const std::string ld_publisher =
        publisher == article.end() ? std::string()
        : publisher->is_object()   ? publisher->value("name", std::string())
        : publisher->is_string()   ? publisher->get<std::string>()
                                   : std::string();
    const auto authors = article.find("author");
    const std::vector<std::string> ld_names =
        authors == article.end() ? std::vector<std::string>() : ld_author_names(*authors, {site, ld_publisher});
    const auto named = fields.find("author");
    if (named == fields.end()) {
      if (!ld_names.empty()) fields["author"] = ld_names;
    } else if (named->is_array() && ld_names.size() > named->size()) {
      // JSON-LD listing more authors than the meta tags is the fuller byline (the Washington
      // Post names one in <meta name="author"> and both in JSON-LD), each named as the tags
      // spell them when they name them too ("Rebecca English", where JSON-LD shouts).
      nlohmann::json fuller = nlohmann::json::array();
      for (const std::string& name : ld_names) {
        const auto spelt = std::find_if(named->begin(), named->end(), [&name](const nlohmann::json& tagged) {
          return tagged.is_string() && name_key(tagged.get_ref<const std::string&>()) == name_key(name);
        });
        fuller.push_back(spelt != named->end() ? *spelt : nlohmann::json(name));
      }
      *named = std::move(fuller);
    }
    // A day from the meta tags gives way to JSON-LD's time on that day (NPR's <meta
    // name="date"> gave 2026-03-19 where its JSON-LD said 05:04 New York time).
    const auto published = article.find("datePublished");
    const auto dated = fields.find("date");
    if (published != article.end() && published->is_string() && dated != fields.end() && dated->is_string()) {
      const std::string& day = dated->get_ref<const std::string&>();
      const std::string& time = published->get_ref<const std::string&>();
      if (day.size() == 10 && time.size() > 10 && time.starts_with(day)) *dated = time;
    }
    // The page's own text wins; JSON-LD's articleBody stands in when the page shows none.
    if (auto body = article.find("articleBody"); body != article.end() && body->is_string() && !page.article_text_found &&
                                                 body->get_ref<const std::string&>().size() > page_text_size(page)) {
      fields["text"] = *body;
      page.blocks.clear();
      page.article_text_found = true;
    }
    // Schema.org's paywall mark (Google asks paywalled news to give it), weighed against what
    // the page holds: a new user's trial's Bloomberg page, its free part, was not marked, and
    // a later one's FT, Economist and Atlantic pages, saved whole, were.
    std::size_t article_words = 0;
    if (const auto text = fields.find("text"); text != fields.end() && text->is_string()) {
      article_words = reading_words(text->get_ref<const std::string&>());
    }
    for (const TextBlock& block : page.blocks) article_words += reading_words(block.text);
    page.paywalled = is_paywall_preview(article, facts.body != nullptr ? facts.body : facts.html, article_words);
  }

  // Then the first <h1> that is not the site's logo (a logo <h1> is what the page is, not
  // what the article says), then <title> without the site name most pages append to it.
  // An <h1> that is the last part of <title> names the site, and so does a logo's text.
  std::vector<std::string_view> site_names = sites;
  const std::string_view last_part = last_title_part(facts.title_element);
  if (!last_part.empty()) site_names.push_back(last_part);
  std::string heading;
  std::vector<std::string> logo_texts;
  for (std::size_t i = 0; i < facts.h1s.size() && i < kMaxHeadingsWeighed && heading.empty(); ++i) {
    std::string text = heading_text(facts.h1s[i]);
    if (text.empty()) continue;
    if (is_logo_heading(facts.h1s[i], text, site_names)) {
      logo_texts.push_back(std::move(text));
    } else {
      heading = std::move(text);
    }
  }
  std::vector<std::string_view> title_sites = sites;
  title_sites.insert(title_sites.end(), logo_texts.begin(), logo_texts.end());
  const std::string title_element = without_site_suffix(facts.title_element, title_sites, raw_og_title);
  set_if_empty(fields, "title", heading);
  set_if_empty(fields, "title", title_element);
  // A title that is the headline with more parts around it ("Headline | DW | 20.08.2024",
  // "Magazine: Headline", "Headline | Section | Agency") gives way to the headline itself.
  const std::string headline = article.is_object() ? article.value("headline", std::string{}) : std::string{};
  if (fields.contains("title") && fields["title"].is_string()) {
    for (const std::string& core : {headline, heading}) {
      if (extends_with_parts(fields["title"].get_ref<const std::string&>(), core)) {
        fields["title"] = core;
        break;
      }
    }
  }
  // A title that only names the site (a printer-friendly page's <title>, "The Korea Herald",
  // a new user's trial) gives way to the headline the page shows, which its text would
  // otherwise open with, and names the source when nothing else does.
  std::vector<std::string_view> names_of_site = title_sites;
  names_of_site.insert(names_of_site.end(), facts.logo_names.begin(), facts.logo_names.end());
  const std::string publisher = publisher_name(fields);
  names_of_site.push_back(publisher);
  bool title_names_site = false;
  if (const auto title = fields.find("title"); title != fields.end() && title->is_string() &&
                                               names_only_the_site(title->get_ref<const std::string&>(), names_of_site)) {
    const std::string shown = !heading.empty() ? heading : headline_before_text(facts.body, names_of_site);
    if (!shown.empty()) {
      title_names_site = true;
      const std::string site_title = title->get<std::string>();
      *title = shown;
      set_if_empty(fields, "source", site_title);
      drop_lead_line(page.blocks, shown);
    }
  }
  set_if_empty(fields, "date", facts.first_time);
  set_if_empty(fields, "date", facts.visible_date);
  if (!fields.contains("date") && !facts.h1s.empty()) set_if_empty(fields, "date", date_before_headline(facts));
  // A meta tag's time with no zone (Kompas's content_PublishedDate, in Jakarta time) is the
  // clock of some zone: the dateline printed with its zone ("20/03/2024, 22:45 WIB"), when
  // it gives that clock, says which moment it is.
  if (const auto dated = fields.find("date"); dated != fields.end() && dated->is_string() && !facts.visible_dateline.empty() &&
                                              is_local_time_of(dated->get_ref<const std::string&>(), facts.visible_dateline)) {
    *dated = facts.visible_date;
  }
  // The byline the page shows names its authors when its tags name no one (Nikkei Asia's,
  // CNA's, Anadolu's); never the site.
  if (!fields.contains("author")) {
    nlohmann::json shown = nlohmann::json::array();
    for (const std::string& name : facts.byline_names) {
      if (name_key(name) != name_key(site)) shown.push_back(name);
    }
    if (!shown.empty()) fields["author"] = std::move(shown);
  }
  if (!fields.contains("source")) set_if_empty(fields, "source", url_host(url));

  // Every title the page names, whichever was chosen: a short <h1> may be shown while the
  // <title> holds the words a reader remembers (issue #18).
  page.titles.clear();
  for (const std::string& title : {og_title, headline, title_element}) {
    if (!title.empty() && !(title_names_site && names_only_the_site(title, names_of_site))) page.titles.push_back(title);
  }
}

std::string title_without_site(const std::string& title, const std::vector<std::string_view>& sites) {
  const std::string shortened = without_site_suffix(title, sites, {});
  return shortened.size() >= kMinCoreTitleBytes ? shortened : title;
}

std::string site_label(std::string_view host) {
  std::vector<std::string_view> labels;
  while (!host.empty()) {
    const std::size_t dot = std::min(host.find('.'), host.size());
    labels.push_back(host.substr(0, dot));
    host.remove_prefix(std::min(dot + 1, host.size()));
  }
  // The top-level domain, and a second level under a country's ("co" of co.uk, "com" of
  // com.au), name no site; the label before them does (edition.cnn.com is cnn's).
  if (labels.size() > 1) labels.pop_back();
  constexpr std::string_view kSecondLevels[] = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"};
  if (labels.size() > 1 && std::find(std::begin(kSecondLevels), std::end(kSecondLevels), labels.back()) != std::end(kSecondLevels)) {
    labels.pop_back();
  }
  return labels.empty() ? std::string() : std::string(labels.back());
}

std::string url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  url.remove_prefix(url.find('@') == std::string_view::npos ? 0 : url.find('@') + 1);  // user:password@
  // An IPv6 host is bracketed ("[2001:db8::1]:8080"); any other ends at its port.
  url = url.starts_with('[') ? url.substr(0, url.find(']') + 1) : url.substr(0, url.find(':'));
  std::string host = ascii_lower(url);
  if (host.starts_with("www.")) host.erase(0, 4);
  return host;
}

bool names_only_the_site(std::string_view title, const std::vector<std::string_view>& site_names) {
  const std::string key = name_key(title);
  return !key.empty() && std::any_of(site_names.begin(), site_names.end(), [&key](std::string_view site) {
           const std::string site_key = name_key(site);
           return !site_key.empty() && without_the(site_key) == without_the(key);
         });
}

std::string name_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80) != 0) key.push_back(c);
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  return key;
}

std::string collapsed_text(const xmlNode* element) { return collapsed_spaces(xml::text_of(element)); }

bool holds_only_inline_text(const xmlNode* node) {
  static constexpr std::array<std::string_view, 10> kInline = {"a", "span", "time", "b", "strong", "em", "i", "small", "abbr", "br"};
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type != XML_ELEMENT_NODE) continue;
    if (std::find(kInline.begin(), kInline.end(), xml::name_of(child)) == kInline.end()) return false;
  }
  return true;
}

std::string meta_value(const PageFacts& facts, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto it = facts.meta.find(key); it != facts.meta.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

}  // namespace cs::indexer
