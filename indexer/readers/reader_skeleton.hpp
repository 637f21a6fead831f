// The skeletons readers share, so that a reader holds only its format's logic: decode the
// file's bytes, let the format fill one article (read_single_article) or list its records
// (read_records), then complete every article with the defaults all formats get.
#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/reader.hpp"
#include "indexer/readers/record_fields.hpp"

namespace cs::indexer {

// A longer title is cut at a word: it is indexed and stored with every passage.
inline constexpr std::size_t kMaxTitleBytes = 300;

// Fills `article` from the decoded UTF-8 text; appends salvaged problems to `issues`.
using FillArticle = std::function<void(std::string_view text, Article& article, std::vector<Error>& issues)>;

// Decodes `file` (a binary file is an issue and gives no article), runs `fill`, then
// completes the article. Issues carry the file's path.
ReadResult read_single_article(const SourceFile& file, const FillArticle& fill);

// One record of a file that holds several articles (a JSON array, JSON Lines).
struct Record {
  nlohmann::json fields;
  std::string location;  // for messages: "line 3", "item 2"
  std::string id_suffix;  // "#3": the article's default id is the relative path plus this
  // What was repaired to read it (json_parse's bad \u escapes): warned about, "record
  // indexed", only when the record does become an article.
  std::optional<Error> repaired;
  RecordMarkup markup = RecordMarkup::kGuess;  // how its text fields are written
};

// Appends the records in the decoded text to `records`; a bad record is an issue carrying
// its location, and is skipped.
using ListRecords = std::function<void(std::string_view text, std::vector<Record>& records, std::vector<Error>& issues)>;

// Decodes `file`, lists its records, and makes one article of each (fill_article_from_record),
// completed like any other. A record with no text at all is an issue and is skipped.
ReadResult read_records(const SourceFile& file, const ListRecords& list);

// Defaults every article gets: a headline with no text has its title as text; path; id =
// the relative path (plus `id_suffix`) unless the file gave one; source = the first folder
// of the relative path (users save articles in per-site folders: cfr.org/xi-trump.txt) when
// the file gave none; title = the file's name without extension, '_' and '-' read as
// spaces, when the file gave none; a title over kMaxTitleBytes is cut.
void complete_article(const SourceFile& file, Article& article, std::string_view id_suffix = {});

}  // namespace cs::indexer
