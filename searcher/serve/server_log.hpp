// The server's log on standard error: what a client is not told (a database error names
// the server's folders), one sanitised line each; a line repeated request after request
// (no database yet) is written once until another comes.
#pragma once

#include "common/error.hpp"

namespace cs::searcher {

void log_server_error(const Error& error);

}  // namespace cs::searcher
