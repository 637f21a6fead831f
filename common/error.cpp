#include "common/error.hpp"

namespace cs {

std::string format_error(std::string_view program, std::string_view severity, const Error& error) {
  std::string line;
  line.append(program).append(": ").append(severity).append(": ");
  if (!error.path.empty()) line.append(error.path).append(": ");
  if (!error.location.empty()) line.append(error.location).append(": ");
  line.append(error.reason);
  if (!error.hint.empty()) line.append("; ").append(error.hint);
  return line;
}

}  // namespace cs
