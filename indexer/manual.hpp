// cs-index's manual: what --help prints and what its man page, bash completion and the
// README's reference are generated from (common/manual.hpp).
#pragma once

#include "common/manual.hpp"

namespace cs::indexer {

const Manual& cs_index_manual();

}  // namespace cs::indexer
