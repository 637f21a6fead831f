// libFuzzer target for the query parser: any text in, a query or a kQuery error out, never a
// crash, a throw or a hang.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/analyzer.hpp"
#include "searcher/query/query.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static cs::Analyzer analyzer;
  const auto parsed = cs::searcher::parse_query(std::string_view(reinterpret_cast<const char*>(data), size), analyzer);
  (void)parsed;
  return 0;
}
