// The one entry point of every front end (the command line's single query, --like, batch
// mode with --jobs, a future HTTP server): a SearchRequest of plain values in, a
// QueryResult of plain data out. Xapian stays behind it.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "searcher/query/synonyms.hpp"
#include "searcher/results.hpp"
#include "searcher/retrieve/shards.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

class SearchSession;  // session.hpp

// Not thread-safe: give each thread its own Searcher (each holds its own database handle).
class Searcher {
 public:
  ~Searcher();
  // Opens the databases read-only, searched as one (a folder, a sharded folder or a Xapian
  // stub file each). `synonyms` (--synonyms) apply to every query. A missing database or
  // one that is not cs-search's is a kDatabase error with a hint to run cs-index.
  // Remote shards that do not answer are left out of searches as `shard_policy` says
  // (SearchResults::shards tells which).
  static Result<std::unique_ptr<Searcher>> open(const std::vector<std::filesystem::path>& dbs, Synonyms synonyms = {},
                                                const ShardPolicy& shard_policy = {});

  // Answers `request`: its query (or the articles like its article), filtered, sorted,
  // counted and ranked as it asks, with highlights and snippets when it asks. Query errors
  // are kQuery, malformed filter dates kUsage, database errors kDatabase.
  Result<QueryResult> search(const SearchRequest& request);

  // The article `given` names (its id, a passage's id, or its file as cs-search prints it),
  // whole: its fields, every passage in order and its story's other articles. An unknown
  // name is a kQuery error, a failed read a kDatabase error.
  // With a `query`, each passage's words of it are highlighted (ArticleView::highlights).
  Result<ArticleView> article(const std::string& given, std::string_view query = {});

  // A search box's suggestions: the query's last word completed from the index's words (at
  // most `completions`, the most frequent first), or, when nothing completes it, the query
  // corrected from the spelling table. Never an error: what the database cannot say is left out.
  Suggestions suggest(std::string_view query, std::size_t completions);
  // The articles held and the time of the newest commit.
  IndexStats stats() const;

  // Moves to what cs-index committed, or --rebuild swapped in, since the databases were
  // opened: a long batch calls it before each query, so a query typed after a commit sees
  // it. A database that cannot be opened now is a kDatabase error.
  Status catch_up();
  // Whether an article has this id (false also when the database cannot say).
  bool holds_article(const std::string& article_id) const;

 private:
  explicit Searcher(std::unique_ptr<SearchSession> session);
  std::unique_ptr<SearchSession> session_;
};

}  // namespace cs::searcher
