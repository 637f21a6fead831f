// libFuzzer target for parse_date: any text in; what comes out is empty or an ISO 8601 date
// (YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS and Z or an offset, +HH:MM) with a real month and day.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "indexer/clean/dates.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto date = cs::indexer::parse_date(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!date) return 0;
  const bool utc = date->size() == 20 && date->back() == 'Z';
  const bool offset = date->size() == 25 && ((*date)[19] == '+' || (*date)[19] == '-') && (*date)[22] == ':';
  if (date->size() != 10 && !utc && !offset) std::abort();
  const int month = std::atoi(date->substr(5, 2).c_str());
  const int day = std::atoi(date->substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1 || day > 31 || (*date)[4] != '-' || (*date)[7] != '-') std::abort();
  return 0;
}
