// cs-search's manual: what --help prints and what its man page, bash completion and the
// README's reference are generated from (common/manual.hpp).
#pragma once

#include "common/manual.hpp"

namespace cs::searcher {

const Manual& cs_search_manual();

}  // namespace cs::searcher
