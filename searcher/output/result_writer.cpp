#include "searcher/output/result_writer.hpp"

#include <filesystem>

#include "searcher/output/writers.hpp"

namespace cs::searcher {

std::unique_ptr<ResultWriter> make_result_writer(std::string_view format, std::ostream& out,
                                                 const WriterOptions& options) {
  if (format == "text") return make_text_writer(out, options);
  if (format == "json") return make_json_writer(out, options);
  if (format == "jsonl") return make_jsonl_writer(out, options);
  if (format == "tsv") return make_tsv_writer(out, options);
  if (format == "trec") return make_trec_writer(out, options);
  return nullptr;
}


}  // namespace cs::searcher
