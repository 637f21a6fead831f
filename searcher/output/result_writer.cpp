#include "searcher/output/result_writer.hpp"

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

Span snippet_span(const QueryResult& result, std::size_t i) {
  if (i < result.snippets.size()) return result.snippets[i];
  return Span{0, static_cast<std::uint32_t>(result.results.hits[i].record.text.size())};
}

std::vector<ScoreComponent> score_components(const Hit& hit, const SearchResults& results) {
  std::vector<ScoreComponent> components;
  if (!hit.second_stage) return components;
  for (const Signal& signal : kSignals) {
    if (signal_active(signal, results.weights)) {
      components.push_back({signal.name.data(), hit.parts.*(signal.part), results.weights.*(signal.weight)});
    }
  }
  return components;
}

}  // namespace cs::searcher
