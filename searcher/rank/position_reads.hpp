// Reading many documents' positions of a few terms from a local database with fewer block
// reads. Xapian 1.4's glass opens a B-tree cursor for every Database::positionlist_begin,
// copied from the position table's own cursor, and only a position count (through a term
// list) moves that one. So each list read costs the term's branch block and its leaf, two
// system calls, however close the previous list was. Aiming the table's own cursor at a
// term's stretch of the table first, by counting one document's positions of it, lets the
// lists read after it start from the term's branch block: one read a list instead of two
// (at news 10x, a two-word query's 60 lists took 120 block reads, 67 aimed).
//
// Speed only: every list read is the same with or without aiming.
#pragma once

#include <xapian.h>

#include <span>
#include <string>
#include <vector>

namespace cs::searcher {

class PositionReads {
 public:
  // `documents`: those whose positions will be read, in the order to try them (the
  // shortest first: aiming walks a document's term list); only the first few are tried.
  PositionReads(const Xapian::Database& db, std::span<const Xapian::docid> documents);

  // Aims the position table's cursor at `term`'s lists. Call it before reading them, terms
  // in ascending order (term lists are walked forward).
  void aim(const std::string& term);

 private:
  struct Open {
    Xapian::docid document;
    Xapian::TermIterator at;
  };
  const Xapian::Database& db_;
  std::vector<Xapian::docid> documents_;
  std::vector<Open> open_;  // the term lists read so far, each at the last term aimed at
};

}  // namespace cs::searcher
