#include "indexer/readers/record_fields.hpp"

#include <algorithm>
#include <span>
#include <string_view>

#include "common/ascii.hpp"
#include "common/schema.hpp"
#include "common/utf8.hpp"
#include "indexer/clean/article_text.hpp"
#include "indexer/clean/dates.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/html_text.hpp"
#include "indexer/readers/source_text.hpp"

namespace cs::indexer {

namespace {

using Aliases = std::span<const std::string_view>;

// Each field's names, most specific first.
// JSON Feed 1.1 (content_html, content_text, date_published), the Guardian's content API
// (webTitle, webPublicationDate, fields.bodyText), schema.org exports (articleBody) and
// Hacker News items (by, time) among them: a new user's trial lost bodies and dates there.
// Also the New York Times' article search (_id, web_url, headline.main, lead_paragraph,
// pub_date, byline.original), Event Registry (uri, dateTime, body, source.title), GDELT's
// article lists (seendate, domain), WordPress's REST API (title.rendered,
// content.rendered) and the Google Reader API's exports, Feedly's and Inoreader's
// (summary.content, content.content, origin.title, alternate[0].href, canonical[0].href,
// categories' labels): as_text reads the objects.
constexpr std::string_view kIdFields[] = {"id", "guid", "uuid", "uri", "_id"};
constexpr std::string_view kTitleFields[] = {"title", "headline", "webTitle", "name"};  // Bing News: name
constexpr std::string_view kBodyFields[] = {"text",         "body",     "content",     "content_html",
                                            "content_text", "bodyText", "articleBody", "lead_paragraph",
                                            "maintext"};
constexpr std::string_view kExcerptFields[] = {"excerpt", "summary", "description", "abstract", "dek", "trailText"};
// Dates: a publication time in UTC before a local one or a day (WordPress's date_gmt before
// its zone-less date, Event Registry's dateTimePub before its date).
// newspaper3k's publish_date and news-please's date_publish (with its maintext and
// source_domain below) are the scrapers' own names.
constexpr std::string_view kDateFields[] = {"date_gmt",       "dateTimePub",        "pub_date",  "publish_date",
                                            "date_publish",   "date",
                                            "publishedDateTime", "published",       "published_at",
                                            "publishedAt",    "datePublished",      "date_published",
                                            "webPublicationDate", "dateTime",       "pubDate",   "created",
                                            "seendate",       "time"};
constexpr std::string_view kUrlFields[] = {"url",         "webUrl",    "web_url",  "link",
                                           "canonical_url", "originalUrl", "canonical", "alternate"};
// newsdata.io names the source in source_name (its source_id is a key, "economictimes_indiatimes").
constexpr std::string_view kSourceFields[] = {"source", "source_name", "provider", "publisher", "site_name", "site",
                                              "domain", "source_domain", "origin"};
constexpr std::string_view kAuthorFields[] = {"author", "authors", "byline", "creator", "by"};
constexpr std::string_view kLangFields[] = {"lang", "language"};
constexpr std::string_view kTopicFields[] = {"topics", "tags", "keywords", "categories", "category"};

// Whether `value` is a news API's stand-in for what its plan withholds: newsdata.io's free
// plan gives "ONLY AVAILABLE IN PAID PLANS" as an article's content, "ONLY AVAILABLE IN
// PROFESSIONAL AND CORPORATE PLANS" as its AI tags and sentiment (a new user's trial found
// five unrelated articles indexed as one story of that text). No value: the field is read
// as absent. Only the whole value in capitals, as the API writes it; a sentence about plans
// is text.
bool is_withheld(const nlohmann::json& value) {
  if (!value.is_string()) return false;
  const std::string_view text = value.get_ref<const std::string&>();
  constexpr std::size_t kLongest = 80;
  return text.size() <= kLongest && text.starts_with("ONLY AVAILABLE IN ") &&
         (text.ends_with(" PLANS") || text.ends_with(" PLAN"));
}

// A string value as stored text: cleaned like a file's text (its escapes may have decoded
// to line ends, control characters or terminal escapes; see clean_text), then trimmed.
std::string trimmed(std::string_view value) {
  const std::string cleaned = clean_text(std::string(value));
  std::string_view s = cleaned;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// A value as written: strings trimmed, numbers printed, objects by the field that names or
// renders them ({name}, {title}, {domain}, WordPress's {rendered}, the New York Times'
// {main} headline and {original} byline, MongoDB's {$date} and {$oid}, the Google Reader
// API's {content}, {href} and {label}), a list of such objects by its first (the Reader
// API's links: [{"href": ...}]), anything else empty.
std::string as_text(const nlohmann::json& value) {
  if (value.is_string()) return trimmed(value.get_ref<const std::string&>());
  if (value.is_number()) return value.dump();
  if (value.is_object()) {
    for (const char* key : {"name", "title", "webTitle", "text", "domain", "rendered", "main", "original", "$date", "$oid",
                            "content", "href", "label"}) {
      if (auto it = value.find(key); it != value.end() && it->is_string()) return trimmed(it->get_ref<const std::string&>());
    }
  }
  if (value.is_array() && !value.empty() && value.front().is_object()) return as_text(value.front());
  return {};
}

// Whether `text` holds a tag of inline formatting ("<em>", "</b>", "<a href=...>"), as CMSs
// put in titles; "How the <canvas> element draws" and "Vec<T>" name things, and stay.
bool holds_formatting_tag(std::string_view text) {
  static constexpr std::string_view kInline[] = {"em", "i", "b", "strong", "span", "a", "br", "sup", "sub",
                                                 "small", "mark", "u", "s", "q", "cite", "abbr", "code"};
  for (std::size_t at = text.find('<'); at != std::string_view::npos; at = text.find('<', at + 1)) {
    std::size_t name = at + 1;
    if (name < text.size() && text[name] == '/') ++name;
    std::size_t end = name;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    if (end == name || end >= text.size() || (text[end] != '>' && text[end] != ' ' && text[end] != '/')) continue;
    const std::string tag = ascii_lower(text.substr(name, end - name));
    if (std::find(std::begin(kInline), std::end(kInline), tag) != std::end(kInline)) return true;
  }
  return false;
}

// A title's, source's, author's or topic's text as shown (RecordMarkup): a WordPress title
// "Review: <em>Dune</em> is Villeneuve&#8217;s" was shown with its tag and reference. A
// feed's and a page's are text already (libxml2 read them), and front matter is as written.
std::string shown_text(std::string_view written, RecordMarkup markup) {
  if (markup != RecordMarkup::kGuess || written.find_first_of("<&") == std::string_view::npos) {
    return std::string(written);
  }
  if (holds_formatting_tag(written)) {
    std::string joined;
    for (const TextBlock& block : html_fragment_blocks(written)) joined.append(joined.empty() ? "" : " ").append(block.text);
    return trimmed(joined);
  }
  return trimmed(decode_character_references(written));  // cleaned after decoding: "&#27;" is no character to keep
}

// A value as a list of names: array items as text, or a comma-separated string split.
// Numbers are ids in the exporting system, no names (WordPress's "author": 17 and "tags":
// [311, 527] were shown as an author and topics).
std::vector<std::string> as_list(const nlohmann::json& value, RecordMarkup markup) {
  std::vector<std::string> items;
  if (is_withheld(value)) return items;
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_number() || is_withheld(item)) continue;
      // The New York Times' keywords name their kind and give the keyword as the value.
      const auto keyword = item.is_object() ? item.find("value") : item.end();
      const nlohmann::json& named = item.is_object() && keyword != item.end() && keyword->is_string() ? *keyword : item;
      std::string text = shown_text(as_text(named), markup);
      // The Reader API's tags are streams: "user/1005123456/label/AI policy" is the label,
      // "user/.../state/com.google/starred" the reader's own state, no topic.
      if (text.starts_with("user/")) {
        const std::size_t label = text.find("/label/");
        text = label == std::string::npos ? std::string() : text.substr(label + 7);
      }
      if (!text.empty()) items.push_back(std::move(text));
    }
  } else if (value.is_string()) {
    std::string_view rest = value.get_ref<const std::string&>();
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      if (std::string item = shown_text(trimmed(rest.substr(0, comma)), markup); !item.empty()) items.push_back(std::move(item));
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
    }
  } else if (std::string text = shown_text(as_text(value), markup); !text.empty() && !value.is_number()) {
    items.push_back(std::move(text));
  }
  return items;
}

// The record's own field first, then one of its "fields" object, where the Guardian's API
// puts the body, byline and standfirst. A null or withheld value is no field.
const nlohmann::json* find_field(const nlohmann::json& record, Aliases aliases) {
  const auto present = [](const nlohmann::json& value) { return !value.is_null() && !is_withheld(value); };
  for (const auto name : aliases) {
    if (auto it = record.find(name); it != record.end() && present(*it)) return &*it;
  }
  if (auto nested = record.find("fields"); nested != record.end() && nested->is_object()) {
    for (const auto name : aliases) {
      if (auto it = nested->find(name); it != nested->end() && present(*it)) return &*it;
    }
  }
  return nullptr;
}

// Whether one of the record's `aliases` holds a withheld value (is_withheld).
bool withholds(const nlohmann::json& record, Aliases aliases) {
  return std::any_of(aliases.begin(), aliases.end(), [&record](std::string_view name) {
    const auto it = record.find(name);
    return it != record.end() && is_withheld(*it);
  });
}

std::string text_field(const nlohmann::json& record, Aliases aliases) {
  const nlohmann::json* value = find_field(record, aliases);
  return value == nullptr ? std::string() : as_text(*value);
}

void set_if_found(std::string& field, const nlohmann::json& record, Aliases aliases) {
  if (std::string value = text_field(record, aliases); !value.empty()) field = std::move(value);
}

void set_shown_if_found(std::string& field, const nlohmann::json& record, Aliases aliases, RecordMarkup markup) {
  if (std::string value = shown_text(text_field(record, aliases), markup); !value.empty()) field = std::move(value);
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.append(separator);
    out.append(item);
  }
  return out;
}

// WordPress gives a post's time twice: date_gmt in UTC and date on the site's clock, without
// a zone (both read as "Z"). Their difference is the site's offset: the time is written as
// that clock with it ("2024-04-30T07:05:13+09:00"), so its day is the one the site printed,
// where date_gmt alone gave UTC's (a review: a Tokyo post came out on the 29th). `utc` as it
// is when the two are no such pair.
std::string with_offset_of(const std::string& utc, const std::string& clock) {
  constexpr std::int64_t kMostSeconds = 14 * 3600;  // UTC+14, Kiribati
  constexpr std::int64_t kQuarterHour = 15 * 60;
  if (utc.size() != 20 || clock.size() != 20) return utc;  // both "...Z": a moment and a clock
  const auto at_utc = schema::epoch_seconds(utc);
  const auto on_clock = schema::epoch_seconds(clock);
  if (!at_utc || !on_clock) return utc;
  const std::int64_t offset = *on_clock - *at_utc;
  if (offset == 0 || offset % kQuarterHour != 0 || offset > kMostSeconds || offset < -kMostSeconds) return utc;
  return clock.substr(0, 19) + schema::offset_suffix(static_cast<int>(offset / 60));
}

// The person an author field names: RSS's "jdoe@example.com (Jane Doe)" is Jane Doe; a
// profile's URL ("https://www.facebook.com/washingtonpost", NewsAPI) names no one.
std::string person_named(const std::string& author) {
  if (author.find("://") != std::string::npos) return {};
  const std::size_t open = author.find(" (");
  const std::string_view address = std::string_view(author).substr(0, open);
  const bool email = address.find('@') != std::string_view::npos && address.find(' ') == std::string_view::npos;
  if (open != std::string::npos && email && author.ends_with(')')) {
    std::string name = author.substr(open + 2, author.size() - open - 3);
    return ascii_lower(name) == "unknown" ? std::string() : name;  // Blogger's "noreply@blogger.com (Unknown)"
  }
  return author;
}

// News APIs cut the text they give without a subscription and say so at its end:
// "... the two leaders spoke [+3456 chars]". Removes the marker; true when there was one.
bool strip_truncation_marker(std::string& body) {
  if (!body.ends_with(" chars]")) return false;
  const std::size_t open = body.rfind("[+");
  if (open == std::string::npos) return false;
  const std::string_view count = std::string_view(body).substr(open + 2, body.size() - open - 2 - 7);
  if (!all_ascii_digits(count)) return false;
  body.resize(open);
  // And the ellipsis before it: U+2026 or three dots.
  const auto trim_spaces = [&body] {
    while (!body.empty() && (body.back() == ' ' || body.back() == '\n')) body.pop_back();
  };
  trim_spaces();
  bool cut_in_a_word = false;
  for (const std::string_view ellipsis : {"\xE2\x80\xA6", "..."}) {
    if (body.ends_with(ellipsis)) {
      body.resize(body.size() - ellipsis.size());
      cut_in_a_word = !body.empty() && body.back() != ' ';
    }
  }
  // NewsAPI cuts at a count of characters, most often inside a word ("raised its key int…"):
  // the word's piece is no word to find. Only a piece of Latin letters: Chinese and Japanese
  // run a sentence's words together, and the last space may be a sentence back.
  constexpr std::size_t kLongestPiece = 20;
  if (cut_in_a_word && !ends_sentence(body)) {
    const std::size_t space = body.find_last_of(" \n");
    const std::string_view piece = space == std::string::npos ? std::string_view() : std::string_view(body).substr(space + 1);
    const bool latin = !piece.empty() && piece.size() <= kLongestPiece &&
                       std::all_of(piece.begin(), piece.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (latin) body.resize(space);
  }
  trim_spaces();
  return true;
}

}  // namespace

bool holds_record_text(const nlohmann::json& record) {
  return record.is_object() && (find_field(record, kTitleFields) != nullptr || find_field(record, kBodyFields) != nullptr);
}

RecordText apply_record_fields(const nlohmann::json& record, Article& article, RecordMarkup markup) {
  RecordText text;
  if (!record.is_object()) return text;
  set_if_found(article.id, record, kIdFields);
  set_shown_if_found(article.title, record, kTitleFields, markup);
  set_shown_if_found(article.url, record, kUrlFields, markup);  // "?a=1&amp;b=2"
  // A source may be a list of them (Bing News: "provider": [{"name": ...}]): the first names it.
  if (const nlohmann::json* source = find_field(record, kSourceFields)) {
    const nlohmann::json& first = source->is_array() && !source->empty() ? source->front() : *source;
    if (std::string name = shown_text(as_text(first), markup); !name.empty()) article.source = std::move(name);
    // A host ("www.reuters.com", news-please's source_domain) names the site as url_host does.
    if (article.source.starts_with("www.") && article.source.find(' ') == std::string::npos) article.source.erase(0, 4);
  }
  // Google News relays other papers' stories, naming the paper at the end of the title:
  // "Havenstaking Rotterdam: schepen wachten - NOS" is NOS's. NewsAPI gives Google News as
  // their source; Google News' own feeds link each through news.google.com and give the
  // paper's <source> in a form of its own ("ekathimerini.com" for "... - Kathimerini").
  const bool source_is_google = ascii_lower(article.source) == "google news";
  if (source_is_google || url_host(article.url) == "news.google.com") {
    if (const std::size_t dash = article.title.rfind(" - "); dash != std::string::npos && dash > 0) {
      if (source_is_google || article.source.empty()) article.source = article.title.substr(dash + 3);
      article.title.resize(dash);
    }
  }
  set_if_found(article.lang, record, kLangFields);
  for (const auto name : kDateFields) {
    auto it = record.find(name);
    if (it == record.end() || is_withheld(*it)) continue;
    // A field may hold a dateline as pages print it, label and all ("Published: 5th May 2024"),
    // or epoch seconds or milliseconds, as a number or in a string ("1716300000").
    const std::string written = it->is_number() ? std::string() : as_text(*it);
    const bool epoch_text = (written.size() == 10 || written.size() == 13) && all_ascii_digits(written);
    if (auto date = it->is_number() ? parse_epoch_date(it->get<double>())
                    : epoch_text    ? parse_epoch_date(std::stod(written))
                                    : parse_dateline(written)) {
      article.date = *date;
      break;
    }
    // "time" and "created" name other things too (a reading time, "3 min read"; a length),
    // and a number that is no epoch time says nothing a reader could mend: not said.
    const bool named_date = std::string_view(name) != "time" && std::string_view(name) != "created";
    if (text.unread_date.empty() && named_date && !written.empty()) text.unread_date = written;
  }
  if (!article.date.empty()) text.unread_date.clear();
  if (auto local = record.find("date"); local != record.end() && record.contains("date_gmt") && local->is_string()) {
    if (const auto clock = parse_dateline(local->get<std::string>())) article.date = with_offset_of(article.date, *clock);
  }
  if (const nlohmann::json* authors = find_field(record, kAuthorFields)) {
    std::vector<std::string> listed = as_list(*authors, markup);
    std::vector<std::string> names_only;
    for (std::string& name : listed) {
      if (std::string person = person_named(name); !person.empty()) names_only.push_back(std::move(person));
    }
    std::string names = join(names_only, ", ");
    if (names.starts_with("By ") || names.starts_with("by ")) names.erase(0, 3);  // "byl" meta tags
    if (!names.empty()) article.author = std::move(names);
  }
  // The first alias that lists any: WordPress's "tags" of ids leave its "categories" to name them.
  for (const auto name : kTopicFields) {
    if (const nlohmann::json* topics = find_field(record, Aliases(&name, 1)); topics != nullptr) {
      if (std::vector<std::string> listed = as_list(*topics, markup); !listed.empty()) {
        // A hashtag is its word: a note's tag written "#strike", a post's "#MeToo".
        for (std::string& topic : listed) {
          if (topic.size() > 1 && topic.front() == '#') topic.erase(0, 1);
        }
        article.topics = std::move(listed);
        break;
      }
    }
  }
  text.body = text_field(record, kBodyFields);
  text.excerpt = text_field(record, kExcerptFields);
  text.body_withheld = text.body.empty() && withholds(record, kBodyFields);
  return text;
}

std::optional<Error> fill_article_from_record(const nlohmann::json& record, std::vector<TextBlock> blocks,
                                              Article& article, RecordMarkup markup) {
  RecordText text = apply_record_fields(record, article, markup);
  // The API kept the text back, or cut it: what is indexed is a part of the article.
  if (strip_truncation_marker(text.body) || text.body_withheld) article.preview = true;
  // Plain text is decided on as written, then decoded: "a &lt;div&gt; element" is text.
  // A text without "&" holds no reference, and was cleaned already (as_text): a speech's
  // 45 KB are not copied and cleaned again.
  const auto has_references = [markup](const std::string& field) {
    return markup != RecordMarkup::kText && field.find('&') != std::string::npos;
  };
  const auto plain_text = [&](const std::string& field) {
    return has_references(field) ? clean_text(decode_character_references(field)) : field;
  };
  const auto blocks_of = [&](const std::string& field) {
    if (markup == RecordMarkup::kHtml || looks_like_html(field)) return html_text_blocks(field);
    return has_references(field) ? plain_text_blocks(plain_text(field)) : plain_text_blocks(field);
  };
  // A record's own text is its body; only a Markdown body may hold the title.
  const bool title_from_text = blocks.size() > 0;
  if (!text.body.empty()) {
    std::vector<TextBlock> record_blocks = blocks_of(text.body);
    // A text cut short (NewsAPI's first 200 characters) goes with the record's description,
    // which is another text (a new user's trial found its words in neither the index nor the
    // passages), unless the text begins with it.
    if (article.preview && !text.excerpt.empty()) {
      std::vector<TextBlock> excerpt_blocks = blocks_of(text.excerpt);
      const std::string_view excerpt_start =
          excerpt_blocks.empty() ? std::string_view() : std::string_view(excerpt_blocks.front().text).substr(0, 60);
      const bool repeated = !record_blocks.empty() && record_blocks.front().text.starts_with(excerpt_start);
      if (!repeated) record_blocks.insert(record_blocks.begin(), excerpt_blocks.begin(), excerpt_blocks.end());
    }
    blocks.insert(blocks.begin(), record_blocks.begin(), record_blocks.end());
  }
  fill_article_from_blocks(blocks, article, title_from_text);
  if (markup != RecordMarkup::kText) {
    // A source given as a host (news-please's "source_domain": "japantimes.co.jp") names the
    // site as "The Japan Times"; a URL's host alone does not ("Episode IV - A New Hope" on
    // anewhope.com is a title).
    const bool host = article.source.find('.') != std::string::npos && article.source.find(' ') == std::string::npos;
    const std::string host_name = host ? site_label(article.source) : std::string();
    article.title = title_without_site(article.title, {article.source, host_name});
  }
  if (article.body.empty() && !text.excerpt.empty()) {
    // Feed summaries are often HTML too.
    if (markup == RecordMarkup::kHtml || looks_like_html(text.excerpt)) {
      fill_article_from_blocks(html_text_blocks(text.excerpt), article, false);
    } else {
      article.body = plain_text(text.excerpt);
    }
  }
  if (!article.date.empty() || text.unread_date.empty()) return std::nullopt;
  return unread_date_issue(text.unread_date);
}

Error unread_date_issue(std::string_view date, std::size_t records) {
  // The file is seldom the user's own (a feed, a saved page, an API's answer): the hint says
  // what follows and how to give the article a date where the file can be edited, not
  // "write it as" (a new user's trial). A zone that names several is said to be the reason.
  const std::string shown(date.substr(0, utf8::boundary_at_or_before(date, 60)));
  const std::optional<AmbiguousZone> zone = ambiguous_zone_in(date);
  const std::string why = zone ? ": " + std::string(zone->name) + " is the time of " + std::string(zone->places) : "";
  const std::string mend = zone ? "write the zone as its offset from UTC (" + std::string(zone->example) + ")"
                         : records > 1 ? "write the dates as 2024-12-01 or 2024-12-01T09:30:00+01:00"
                                       : "write the date as 2024-12-01 or 2024-12-01T09:30:00+01:00";
  if (records > 1) {
    return Error{ErrorKind::kInput, "", "",
                 std::to_string(records) + " records give dates cs-index cannot read, the first date '" + shown + "'" + why,
                 "they are indexed undated; if you can edit the file, " + mend};
  }
  return Error{ErrorKind::kInput, "", "", "date '" + shown + "' is not a date cs-index reads" + why,
               "the article is indexed undated; if you can edit the file, " + mend};
}

void fill_article_from_record(const nlohmann::json& record, std::vector<TextBlock> blocks, Article& article,
                              RecordMarkup markup, std::vector<Error>& issues) {
  if (auto undated = fill_article_from_record(record, std::move(blocks), article, markup)) issues.push_back(std::move(*undated));
}

void add_other_titles(const std::vector<std::string>& titles, Article& article) {
  article.other_titles.clear();
  std::vector<std::string> seen = {ascii_lower(article.title)};
  for (const std::string& title : titles) {
    std::string cleaned = trimmed(title);
    std::string folded = ascii_lower(cleaned);
    if (cleaned.empty() || std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
    seen.push_back(std::move(folded));
    article.other_titles.push_back(std::move(cleaned));
  }
}

}  // namespace cs::indexer
