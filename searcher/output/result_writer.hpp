// Prints query results in the format the user chose (--format): one writer per format.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/results.hpp"

namespace cs::searcher {

struct WriterOptions {
  bool color = false;                // ANSI colour and highlighting (text format only)
  bool batch = false;                // several queries will be written
  std::string run_tag = "cs-search";  // the last column of TREC lines
  bool explain = false;              // show each hit's score components (text, json, jsonl)
};

// One score component as --explain shows it: its value in [0, 1] and its weight.
struct ScoreComponent {
  const char* name;
  float value;
  float weight;
};
// The components of `hit`'s score, in the order they are shown; empty without a second stage.
std::vector<ScoreComponent> score_components(const Hit& hit, const SearchResults& results);

// The part of hit `i`'s passage to show: the session's snippet, or the whole passage when
// the result carries none.
Span snippet_span(const QueryResult& result, std::size_t i);

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Writes one query's results, in rank order, or one page of them (QueryResult's
  // first_page, last_page): a page is written as it comes, so an export of every match
  // holds one page at a time.
  virtual void write(const QueryResult& result) = 0;
  // Writes one article whole (--show): its fields, every passage, its story's other
  // articles. Only the formats of kArticleFormats show articles; the others write nothing.
  virtual void write_article(const ArticleView& article) { static_cast<void>(article); }
  // Writes whatever closes the output (the JSON array of a batch).
  virtual void finish() {}
  // Whether write() shows QueryResult::highlights or snippets; finding them costs a pass of
  // the analyzer over each passage, which formats without them skip.
  virtual bool shows_highlights() const = 0;
  // What write() shows of each hit's story's other articles: their records cost a read
  // each, their sources little, and showing none of them nothing.
  virtual StoryDetail shows_story() const = 0;
};

// One query's answer as --format json prints it for a single query (indent 2), or on one
// line (indent -1); and one article as --show --format json prints it.
std::string json_document(const QueryResult& result, bool explain, int indent);
std::string json_article(const ArticleView& article, int indent);

// The formats --format accepts, for help and error messages.
inline constexpr std::string_view kFormats = "text, json, jsonl, tsv, trec";

// The formats that show a whole article (--show).
inline constexpr std::string_view kArticleFormats = "text, json, jsonl";

// nullptr when `format` is not one of kFormats.
std::unique_ptr<ResultWriter> make_result_writer(std::string_view format, std::ostream& out,
                                                 const WriterOptions& options);

}  // namespace cs::searcher
