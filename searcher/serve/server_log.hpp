// The server's log on standard error: what a client is not told (a database error names
// the server's folders), one sanitised line each; a line repeated request after request
// (no database yet) is written once until another comes.
#pragma once

#include "common/error.hpp"
#include "searcher/results.hpp"

namespace cs::searcher {

void log_server_error(const Error& error);
// A warning for each remote shard a search left out, the first time it is (shard_warnings.hpp).
void log_shard_warnings(const ShardCounts& counts);

}  // namespace cs::searcher
