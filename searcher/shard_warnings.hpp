// The warning a partial answer gives: one line per remote shard left out, the first time
// it is, so that a batch or a server says once that a shard is gone, not at every query.
// Shared by the command line and the server's log.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "searcher/results.hpp"

namespace cs::searcher {

class ShardWarnings {
 public:
  // The warnings for the shards `counts` misses that were not warned of before (kDatabase
  // errors naming the stub file, the shard, why, and how many shards answered). Thread-safe.
  std::vector<Error> take(const ShardCounts& counts);

 private:
  std::mutex mutex_;
  std::set<std::string> warned_;  // shard names
};

}  // namespace cs::searcher
