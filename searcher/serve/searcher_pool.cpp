#include "searcher/serve/searcher_pool.hpp"

namespace cs::searcher {

Result<std::unique_ptr<SearcherPool::Lease>> SearcherPool::lend() {
  std::unique_ptr<Searcher> searcher;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      searcher = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (searcher == nullptr) {
    // Opened outside the lock: a slow open (a remote shard) holds up no other request.
    auto opened = Searcher::open(dbs_, synonyms_, shard_policy_);
    if (!opened) return opened.error();
    searcher = std::move(*opened);
  } else if (Status caught = searcher->catch_up(); !caught) {
    return caught.error();  // the searcher is dropped; the next request opens anew
  }
  return std::make_unique<Lease>(*this, std::move(searcher));
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
  if (searcher == nullptr) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace cs::searcher
