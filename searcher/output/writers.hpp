// The constructors of each format's writer, for make_result_writer (internal to output/).
#pragma once

#include "searcher/output/result_writer.hpp"

namespace cs::searcher {

std::unique_ptr<ResultWriter> make_text_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_json_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_jsonl_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_tsv_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<ResultWriter> make_trec_writer(std::ostream& out, const WriterOptions& options);

}  // namespace cs::searcher
