// One value slot of every article, held in memory by document id, for the passes that
// count a whole match (value_counter.hpp) and the first stage's collapse of stories
// (first_stage.hpp): story keys for exact story counts and collapsing, facet keys for
// --facets and --histogram. Xapian reads a match's value through its value stream,
// which loads and decodes the chunk holding it (callgrind, faceted queries at news 10x:
// about 1,200 instructions a value and 18,000 a chunk, over 20 M a query, most of the
// query's cost). From the table a match's value is an array index.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs::searcher {

class FacetTally;  // facet_tally.hpp

class ValueTable {
 public:
  // Reads the whole slot, in one pass over its value stream; with `part`, each value's part
  // it gives stands for the value (a facet key's source).
  using ValuePart = std::string_view (*)(std::string_view value);
  static std::shared_ptr<const ValueTable> read(const Xapian::Database& db, Xapian::valueno slot,
                                                ValuePart part = nullptr);

  // The number of the document's value, from 1; 0 when it has none.
  std::uint32_t id_of(Xapian::docid document) const { return document < ids_.size() ? ids_[document] : 0; }
  // The value numbered `id` (1 to distinct()).
  const std::string& value(std::uint32_t id) const { return values_[id - 1]; }
  std::size_t distinct() const { return values_.size(); }
  // The documents that hold the value numbered `id`, in document id order (a story's
  // articles, without reading the story's term). The index is made at the first call: only
  // the story keys' table lists its documents.
  std::span<const Xapian::docid> documents_of(std::uint32_t id) const;

 private:
  void index_documents() const;

  std::vector<std::uint32_t> ids_;   // by document id
  std::vector<std::string> values_;  // each distinct value once
  mutable std::once_flag indexed_;
  mutable std::vector<Xapian::docid> documents_;       // by value number, then document id
  mutable std::vector<std::uint32_t> first_document_;  // where each value number's begin in documents_, and the end
};

// The tables a session's searches share, until the databases move (Databases::moved);
// a counter holds on to the table it counts with, so forgetting one never pulls it from
// under a count. A table is read at the second search that asks for its slot, never at
// the first: one command searches once, and reading a whole slot costs more than reading
// the values of one query's matches; a batch or the server searches again and again.
class ValueTables {
 public:
  // The slot's table, or null when the caller is to read the values itself (always when
  // `db` combines shards, or holds more documents than kMaxTableDocuments).
  std::shared_ptr<const ValueTable> shared_table(const Xapian::Database& db, Xapian::valueno slot);
  // The articles' sources, from their facet keys, by which text names a story's other
  // articles (story_members.hpp); null as shared_table's are (until its second ask, for
  // combined databases and past kMaxTableDocuments).
  std::shared_ptr<const ValueTable> source_table(const Xapian::Database& db);
  // The tally of the facet keys numbered by `slot`'s table (once shared_table gave it),
  // kept as long as the table.
  std::shared_ptr<FacetTally> facet_tally(Xapian::valueno slot);
  // How many articles the session's last ranking read for each story it kept
  // (first_stage.cpp): how often copies of a story rank side by side in these databases;
  // 0 before any. Forgotten with the tables.
  double articles_per_story() const { return articles_per_story_; }
  void note_articles_per_story(double ratio) { articles_per_story_ = ratio; }
  void forget() {
    tables_.clear();
    sources_ = {};
    articles_per_story_ = 0;
  }

 private:
  struct Slot {
    unsigned asked = 0;
    std::shared_ptr<const ValueTable> table;
    std::shared_ptr<FacetTally> tally;  // of facet keys, numbered by `table`
  };
  // The table of `slot` (its values, or the parts `part` gives), read at the second ask.
  static std::shared_ptr<const ValueTable> table_at_second_ask(Slot& entry, const Xapian::Database& db, Xapian::valueno slot,
                                                           ValueTable::ValuePart part);
  std::map<Xapian::valueno, Slot> tables_;
  Slot sources_;
  double articles_per_story_ = 0;
};

// Past this many document ids a table would hold too much for a person's folders (an id,
// a distinct value's string, and the map that numbers them while it is read: about 100 MB
// at a million for the story keys; the table of sources, few and short, about 10 MB); such
// a database is counted and read as before.
inline constexpr Xapian::docid kMaxTableDocuments = 1'000'000;

}  // namespace cs::searcher
