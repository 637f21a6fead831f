// "Did you mean": a query whose words the database does not hold, corrected from Xapian's
// spelling table.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "common/analyzer.hpp"

namespace cs::searcher {

// `query_text` with each word `db` does not hold replaced by the closest one it does
// (edit distance up to 2); operators and field names are left alone. Empty when nothing
// was replaced, or when the database could not say.
std::string suggest_spelling(const Xapian::Database& db, std::string_view query_text, Analyzer& analyzer);

}  // namespace cs::searcher
