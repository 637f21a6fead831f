// Counts over the whole match set, one per article: --facets
// (how many matching articles each source, year, author, topic or language has) and
// --histogram (how many fall in each year, month, ISO week or day: attention over time).
#pragma once

#include <xapian.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/schema.hpp"
#include "searcher/results.hpp"
#include "searcher/retrieve/facet_tally.hpp"
#include "searcher/retrieve/value_counter.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

// FacetField, Period and Facets are in results.hpp; parse_facet_fields and parse_period in
// search_request.hpp.

// The year facet's and the histogram's bucket of the articles without a date, so that the
// counts add up to the matching articles.
inline constexpr std::string_view kUndated = "undated";

// "2021-02-11T02:39:57Z" -> "2021", "2021-02", "2021-W06" or "2021-02-11"; empty when the
// date is not one.
std::string period_of(std::string_view iso_date, Period period);

// Counts the articles of a whole match set. A ValueCounter watches every matching article
// and counts the articles of each distinct facet key (schema::kFacetKeySlot), so the same
// search counts the same on one database, on shards and on remote servers; result() then
// tallies the keys' fields.
class FacetCounter {
 public:
  FacetCounter(std::vector<FacetField> fields, Period period) : fields_(std::move(fields)), period_(period) {}
  // To add to the Enquire before the search; restart() first.
  Xapian::MatchSpy& spy() { return counter_->spy(); }
  // Forgets what was counted: a search tried again (a commit, a shard left out) counts anew.
  // `remote`: a remote shard is among those searched (value_counter.hpp); `keys`, when not
  // null, the facet keys' table of the database searched (value_table.hpp), and `tally`
  // the session's tally of its keys.
  void restart(bool remote, std::shared_ptr<const ValueTable> keys = nullptr, std::shared_ptr<FacetTally> tally = nullptr) {
    counter_ = std::make_unique<ValueCounter>(schema::kFacetKeySlot, remote, std::move(keys));
    tally_ = std::move(tally);
  }
  // At most `per_field` values for each field, most articles first, ties by value.
  Facets result(std::size_t per_field) const;

 private:
  std::vector<FacetField> fields_;
  Period period_;
  std::unique_ptr<ValueCounter> counter_ = std::make_unique<ValueCounter>(schema::kFacetKeySlot, false);
  std::shared_ptr<FacetTally> tally_;  // numbered as counter_'s table, when it has one
};

}  // namespace cs::searcher
