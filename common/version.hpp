// The version line both programs print for --version, and the release the man pages name.
#pragma once

#include <string>
#include <string_view>

namespace cs {

// "<program> 0.1.0 (Xapian 1.4.22, ICU 72.1)": ours and the libraries' in use at run time.
std::string version_line(std::string_view program);

// cs-search's version ("0.1.0") and its release date ("2026-11-30"), both set in the top
// CMakeLists.txt.
std::string_view version_number();
std::string_view release_date();

}  // namespace cs
