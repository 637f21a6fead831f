// Maps a record's fields (YAML front matter; JSON records share it) onto an article,
// accepting the names news exports and feeds use for each: one table of aliases.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "common/article.hpp"
#include "indexer/clean/text_blocks.hpp"

namespace cs::indexer {

// Fields that are text rather than article metadata; the reader decides how to use them.
struct RecordText {
  std::string body;     // text | body | content
  std::string excerpt;  // excerpt | summary | description | abstract | dek
};

// Sets id, title, date (the first alias that parses as a date), url, source (a string or
// {name, domain}), author (string, list, or {name}), lang and topics (list or
// comma-separated) on `article` from `record` where present. Unknown fields, and lists of
// other articles such as `related`, are ignored.
RecordText apply_record_fields(const nlohmann::json& record, Article& article);

// How a record's text fields are written: HTML when they hold tags (JSON, front matter), or
// HTML always (feeds: an RSS description is HTML even with no tag, "Tom &amp; Jerry").
enum class RecordMarkup { kGuess, kHtml };

// A whole article from a record: metadata by apply_record_fields, then the title, dateline,
// byline and body from the record's own text followed by `blocks` (a Markdown body after
// front matter), as fill_article_from_blocks finds them; only the Markdown body may give the
// title. With no text, the excerpt is the body (feed items and API results often carry only
// a summary). A text that ends "[+1234 chars]" (a news API's cut) marks the article preview.
void fill_article_from_record(const nlohmann::json& record, std::vector<TextBlock> blocks, Article& article,
                              RecordMarkup markup = RecordMarkup::kGuess);

// Sets article.other_titles to those of `titles`, cleaned like any field, that differ from
// article.title and from each other, case aside (a page's <title> when its <h1> is shown).
void add_other_titles(const std::vector<std::string>& titles, Article& article);

}  // namespace cs::indexer
