// Maps a record's fields (YAML front matter; JSON records share it) onto an article,
// accepting the names news exports and feeds use for each: one table of aliases.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "common/error.hpp"
#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

// Fields that are text rather than article metadata; the reader decides how to use them.
struct RecordText {
  std::string body;     // text | body | content
  std::string excerpt;  // excerpt | summary | description | abstract | dek
  std::string unread_date;  // the first date field's value when none was read as a date
  // The body is a news API's placeholder for a text its plan withholds ("ONLY AVAILABLE IN
  // PAID PLANS", newsdata.io's): read as no body. Such a value is no value in any field.
  bool body_withheld = false;
};

// How a record's text fields are written:
//   kGuess  JSON: HTML when they hold tags, else plain text that may carry HTML's character
//           references ("Q&#038;A", WordPress's rendered titles);
//   kHtml   feeds: descriptions and contents are HTML even with no tag ("Tom &amp; Jerry");
//   kText   a web page's metadata, which libxml2 has read already, and front matter (YAML
//           a person or an app wrote): text as it is, a body HTML when it holds tags.
enum class RecordMarkup { kGuess, kHtml, kText };

// Whether `record` has a title or a body under any of their names: an article's own, not a
// wrapper of a list of them (json_reader's "data" or "results" objects).
bool holds_record_text(const nlohmann::json& record);

// Sets id, title, date (the first alias that parses as a date), url, source (a string or
// {name, domain}), author (string, list, or {name}), lang and topics (list or
// comma-separated) on `article` from `record` where present. Unknown fields, and lists of
// other articles such as `related`, are ignored. Titles, sources, authors and topics are
// shown text: unless `markup` is kText, their tags are dropped and their character
// references decoded. The body and excerpt are given as written.
RecordText apply_record_fields(const nlohmann::json& record, Article& article,
                               RecordMarkup markup = RecordMarkup::kGuess);

// A whole article from a record: metadata by apply_record_fields, then the title, dateline,
// byline and body from the record's own text followed by `blocks` (a Markdown body after
// front matter), as fill_article_from_blocks finds them; only the Markdown body may give the
// title. With no text, the excerpt is the body (feed items and API results often carry only
// a summary). A text that ends "[+1234 chars]" (a news API's cut), or a placeholder for a
// text withheld (RecordText::body_withheld), marks the article preview.
// Returns the issue to report when the record gave a date that is none cs-index reads and
// its text gave none either ("date: December 2024"): the article is undated, and says so.
std::optional<Error> fill_article_from_record(const nlohmann::json& record, std::vector<TextBlock> blocks,
                                              Article& article, RecordMarkup markup = RecordMarkup::kGuess);
// The issue that says `date`, a record's date none reads, leaves its article undated, or
// the dates of `records` records, `date` the first: what follows, and how to give a date
// where the file can be edited (the file is seldom the user's own: a feed, a saved page).
Error unread_date_issue(std::string_view date, std::size_t records = 1);

// The same, the issue added to `issues`: a file of one article.
void fill_article_from_record(const nlohmann::json& record, std::vector<TextBlock> blocks, Article& article,
                              RecordMarkup markup, std::vector<Error>& issues);

// Sets article.other_titles to those of `titles`, cleaned like any field, that differ from
// article.title and from each other, case aside (a page's <title> when its <h1> is shown).
void add_other_titles(const std::vector<std::string>& titles, Article& article);

}  // namespace cs::indexer
