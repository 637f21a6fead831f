// The server's database handles: a Searcher per request being answered (Searcher is not
// thread-safe), kept between requests and lent one at a time. A database that does not
// exist yet is looked for again at each request, so the server can start before cs-index.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "common/error.hpp"
#include "searcher/searcher.hpp"

namespace cs::searcher {

class SearcherPool {
 public:
  SearcherPool(std::vector<std::filesystem::path> dbs, Synonyms synonyms, ShardPolicy shard_policy = {})
      : dbs_(std::move(dbs)), synonyms_(std::move(synonyms)), shard_policy_(shard_policy) {}

  // A Searcher lent until the lease ends, moved to the newest commit (or to the folder a
  // --rebuild swapped in) first.
  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(pool), searcher_(std::move(searcher)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(searcher_)); }
    Searcher& operator*() const { return *searcher_; }
    Searcher* operator->() const { return searcher_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // A kDatabase error while the database cannot be opened (none yet, or not cs-search's).
  Result<std::unique_ptr<Lease>> lend();

 private:
  void give_back(std::unique_ptr<Searcher> searcher);

  std::vector<std::filesystem::path> dbs_;
  Synonyms synonyms_;
  ShardPolicy shard_policy_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Searcher>> idle_;
};

}  // namespace cs::searcher
