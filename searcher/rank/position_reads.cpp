#include "searcher/rank/position_reads.hpp"

#include <algorithm>

namespace cs::searcher {

namespace {

// A term list costs a block read or two; a term the first few documents lack is left
// unaimed rather than searched for further.
constexpr std::size_t kDocumentsTried = 3;

}  // namespace

PositionReads::PositionReads(const Xapian::Database& db, std::span<const Xapian::docid> documents)
    : db_(db) {
  const std::span<const Xapian::docid> tried = documents.first(std::min(documents.size(), kDocumentsTried));
  documents_.assign(tried.begin(), tried.end());
}

void PositionReads::aim(const std::string& term) {
  for (std::size_t i = 0; i < documents_.size(); ++i) {
    if (i == open_.size()) open_.push_back({documents_[i], db_.termlist_begin(documents_[i])});
    Open& open = open_[i];
    const Xapian::TermIterator end = db_.termlist_end(open.document);
    if (open.at == end) continue;
    open.at.skip_to(term);
    if (open.at != end && *open.at == term) {
      (void)open.at.positionlist_count();  // moves the position table's own cursor to the term
      return;
    }
  }
}

}  // namespace cs::searcher
