// The constructors of each format's writer, for make_result_writer (internal to output/).
#pragma once

#include "searcher/output/result_writer.hpp"

namespace cs::searcher {

std::unique_ptr<ResultWriter> make_text_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_json_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_jsonl_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_tsv_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_trec_writer(std::ostream& out, const WriterOptions& options);

// For the formats that print a query's counts (facets, histogram) after its hits: the
// counts come with the first page of a long export and are written after the last page's
// hits, so they are kept in between (and only then: one page is both).
class CountsAfterHits {
 public:
  // The counts to write after `page`'s hits, or nullptr while more pages follow.
  const Facets* after(const QueryResult& page) {
    if (page.first_page && !page.last_page) kept_ = page.results.facets;
    if (!page.last_page) return nullptr;
    return page.first_page ? &page.results.facets : &kept_;
  }

 private:
  Facets kept_;
};

}  // namespace cs::searcher
