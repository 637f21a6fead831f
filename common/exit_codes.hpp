// Every exit status of cs-index and cs-search, as documented in the README and --help.
#pragma once

namespace cs::exit_code {

// cs-search: at least one result. cs-index: the run completed (bad input files are
// warned about and counted, and do not change the status).
inline constexpr int kSuccess = 0;
// cs-search: the query was valid but matched nothing.
inline constexpr int kNoResults = 1;
// Either program: bad usage, a malformed query, a missing, locked or unreadable database,
// or any other error that stopped the run (or, in a batch, any query that failed).
inline constexpr int kError = 2;

}  // namespace cs::exit_code
