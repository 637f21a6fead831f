#include "searcher/shard_warnings.hpp"

namespace cs::searcher {

std::vector<Error> ShardWarnings::take(const ShardCounts& counts) {
  std::vector<Error> warnings;
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const MissingShard& shard : counts.missing) {
    if (!warned_.insert(shard.name).second) continue;
    warnings.push_back(Error{ErrorKind::kDatabase, shard.listed_in, "",
                             "remote shard " + shard.name + " does not answer (" + shard.reason + "); results come from " +
                                 std::to_string(counts.answered) + " of " + std::to_string(counts.total) + " shards",
                             "pass --strict-shards to fail instead"});
  }
  return warnings;
}

}  // namespace cs::searcher
