// The version line both programs print for --version.
#pragma once

#include <string>
#include <string_view>

namespace cs {

// "<program> 0.1.0 (Xapian 1.4.22, ICU 72.1)": ours and the libraries' in use at run time.
std::string version_line(std::string_view program);

}  // namespace cs
