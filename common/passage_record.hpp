// What the searcher shows for a hit: a passage and its article's fields. The article's
// fields are stored as its document's data, so presenting a result never reads the source
// file again; the passage (its text, index and id) comes from the second stage's choice.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/compact_text.hpp"
#include "common/error.hpp"
#include "common/span.hpp"

namespace cs {

struct PassageRecord {
  std::string article_id;
  std::string passage_id;  // "<article id>#<index>"
  std::string title;
  std::string source;
  std::string author;
  std::string date;  // ISO 8601 or empty
  std::string url;
  std::string path;  // source file, relative to the indexed root
  std::string root;  // the indexed root, absolute, so the file can be opened
  std::string lang;  // BCP 47 code, or empty when unknown
  std::vector<std::string> topics;
  std::string text;  // the passage itself
  std::vector<Span> sentences;  // its sentences, covering it (cs-index cut them; snippets are cut from them)
  std::uint32_t index = 0;  // passage index within the article
  std::uint32_t count = 0;  // passages in the article
  bool preview = false;     // the article is a paywall preview
  bool no_article_text = false;  // the page showed no article text; its description stands in
};

// The article's fields of `record` (not its passage's) as JSON.
std::string article_record_json(const PassageRecord& record);

// The article's fields of `record`, as stored in the document's data: article_record_json,
// compressed (compact_text.hpp, with `dictionary` when given: the database's, see
// stored_dictionaries.hpp) when that shrinks it. Xapian would otherwise deflate it, and
// inflating records was 5% of a query (a hit's and its story members').
std::string encode_article_record(const PassageRecord& record, const compact_text::Dictionary* dictionary = nullptr);

// The path to show for a passage: the indexed root joined with the article's relative path.
std::string display_path(const PassageRecord& record);

// The article's fields back, the passage's left empty, decompressed with the dictionary
// `dictionaries` finds when the frame names one. Fails with a kDatabase error when the data
// was not written by a compatible cs-index.
Result<PassageRecord> decode_article_record(std::string_view data, const compact_text::DictionaryLookup& dictionaries);

// "<article id>#<passage index>": how results and relevance judgments name a passage.
std::string passage_id(std::string_view article_id, std::uint32_t passage_index);

}  // namespace cs
