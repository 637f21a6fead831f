// libFuzzer target for the YAML front matter splitter and the date parser it feeds: any
// bytes in, no crash, no throw, no unbounded expansion (alias bombs are cut off).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "indexer/clean/dates.hpp"
#include "indexer/readers/front_matter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const cs::indexer::FrontMatter front = cs::indexer::split_front_matter(text);
  (void)front;
  (void)cs::indexer::parse_date(text.substr(0, 200));
  return 0;
}
