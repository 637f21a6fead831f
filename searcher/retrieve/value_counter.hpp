// Counts the values of one slot over a whole match, as Xapian's ValueCountMatchSpy does:
// the facet keys for --facets and --histogram, the story ids for exact story counts.
// Xapian's spy keeps its counts in a std::map of strings; on a faceted query over 27,000
// news articles its lookups (string compares down a red-black tree, for every match) cost
// about as much as the walk over the matches itself. Over local databases the counts go
// to a hash table instead, or, given the slot's table (value_table.hpp), to an array by
// value number, with no value read at all. A remote shard (xapian-tcpsrv) runs only
// Xapian's own spies, so with one among the shards the counter is Xapian's; the counts are
// the same.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>

#include "searcher/retrieve/value_table.hpp"

namespace cs::searcher {

class ValueCounter {
 public:
  // `remote`: a remote shard is among those searched. `table`, when not null, holds the
  // slot of the database searched; not used when remote.
  ValueCounter(Xapian::valueno slot, bool remote, std::shared_ptr<const ValueTable> table = nullptr);
  ~ValueCounter();
  ValueCounter(const ValueCounter&) = delete;
  ValueCounter& operator=(const ValueCounter&) = delete;

  // To add to the Enquire before the search.
  Xapian::MatchSpy& spy();
  // Calls `visit` with each distinct non-empty value seen and the matches that held it, in
  // no set order.
  void for_each(const std::function<void(const std::string& value, Xapian::doccount matches)>& visit) const;
  // Whether the values are numbered by a table (value_table.hpp), and then for_each with
  // each value's number in the table.
  bool tabled() const { return tabled_ != nullptr; }
  void for_each_numbered(const std::function<void(std::uint32_t id, const std::string& value, Xapian::doccount matches)>& visit) const;
  // The matches seen, with a value or not.
  Xapian::doccount total() const;
  // The distinct values seen, and the matches that held one.
  struct Valued {
    std::uint64_t distinct = 0;
    std::uint64_t matches = 0;
  };
  Valued valued() const;

 private:
  class HashCounts;
  class TableCounts;
  std::unique_ptr<HashCounts> local_;
  std::unique_ptr<TableCounts> tabled_;
  std::unique_ptr<Xapian::ValueCountMatchSpy> xapian_;
};

}  // namespace cs::searcher
