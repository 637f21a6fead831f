// Searches an open cs-search database for articles, each shown by its best passage: the
// first stage ranks articles with Xapian (first_stage.hpp), the second stage scores each
// article's passages, shows the best and re-ranks the articles by it (second_stage.hpp).
// Hits come with their records and the story's other articles (story_members.hpp).
#pragma once

#include <xapian.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "searcher/query/query.hpp"
#include "searcher/rank/second_stage.hpp"
#include "searcher/results.hpp"
#include "searcher/retrieve/facets.hpp"
#include "searcher/retrieve/open_database.hpp"
#include "searcher/search_request.hpp"

namespace cs::searcher {

// Values listed per facet field: enough to see the spread, few enough to read.
inline constexpr std::size_t kFacetValuesShown = 10;

class PassageSearcher {
 public:
  // Opens the databases read-only and searches them as one collection (open_database.hpp);
  // remote shards that do not answer are left out as `shard_policy` says.
  static Result<std::unique_ptr<PassageSearcher>> open(const std::vector<std::filesystem::path>& paths,
                                                       const ShardPolicy& shard_policy = {});

  // The best `limit` articles for `query`, each by its best passage. Ties keep index order.
  // `filter`, when not empty, restricts the matches without changing their scores. With a
  // `spy`, every match is visited (not just the best) so that its counts are exact.
  // Ranked by relevance, the first stage's best `ranking.depth` stories are re-scored by the
  // second stage; ties go to the newer article, then the smaller article id. With an
  // `offset`, the `limit` stories after the first `offset` in the first stage's order, not
  // re-ranked (a later page of a long export). Of each hit's story, what `story` asks.
  Result<SearchResults> search(const ParsedQuery& query, std::size_t limit, const Xapian::Query& filter = {},
                               SortOrder sort = SortOrder::kRelevance, FacetCounter* spy = nullptr,
                               const Ranking& ranking = {}, std::size_t offset = 0,
                               StoryDetail story = StoryDetail::kWhole);

  // Moves to what cs-index committed or swapped in since (Databases::catch_up).
  Status catch_up() { return databases_.catch_up(); }

  // How many stories (articles after collapsing copies, as matching_articles counts them)
  // match `query` within `filter`, exactly; 0 when the database cannot say. For explaining
  // an empty result, so never an error.
  std::uint64_t count_matches(const Xapian::Query& query, const Xapian::Query& filter);
  // Whether more than `stories` stories match: the best `stories` + 1 looked for, not every
  // match counted (a spelling correction is checked at each keystroke of the search box).
  // False when the database cannot say.
  bool matches_more_than(const Xapian::Query& query, const Xapian::Query& filter, std::uint64_t stories);

  // The article `given` names, whole (article_lookup.hpp).
  Result<ArticleView> article(const std::string& given);

  // A query for articles like `article_id` (more_like_this.hpp).
  Result<ParsedQuery> like_query(const std::string& article_id);

  // `query_text` corrected from the spelling table (spelling.hpp); empty when unchanged.
  std::string suggest(std::string_view query_text, Analyzer& analyzer);
  // The words that complete `prefix` (spelling.hpp's complete_word), for the search box and
  // the query parser's wildcards (see QueryContext); none when the database cannot say.
  std::vector<std::pair<std::string, std::uint64_t>> complete(std::string_view prefix, std::size_t count) const;
  // The articles held and when the newest commit was made (the newest of the databases'
  // glass version files; 0 for remote ones alone).
  IndexStats stats() const;

  // How telling a query stem is in this database: log(1 + articles / articles holding it),
  // high for rare terms. For choosing snippets; 0 when the database cannot say.
  double term_weight(const std::string& term) const;

  // The database's terms, for the query parser's acronym check and wildcards (see
  // QueryContext).
  const Xapian::Database& vocabulary() const { return databases_.all; }
  // The stemmers the articles were indexed with, and their articles (see QueryContext).
  const StemLanguages& stem_languages() const { return databases_.stem_languages; }

 private:
  explicit PassageSearcher(Databases databases) : databases_(std::move(databases)) {}
  // The hit of the article at `it` (of the story `story`), shown by its chosen passage; its
  // story's other articles listed with what `detail` asks, found in the session's tables
  // when it holds them (`stories`: story keys; `sources`), else in the database.
  struct StoryTables {
    const ValueTable* stories = nullptr;
    const ValueTable* sources = nullptr;
  };
  Result<Hit> make_hit(const Xapian::MSetIterator& it, const std::string& story, StoryDetail detail,
                       const StoryTables& tables, const PassageChoice& choice, bool second_stage);
  // Each shard's own database (a remote one that does not answer left out): Xapian gives a
  // combined database's metadata from its first shard only.
  std::vector<Xapian::Database> shard_databases() const;

  Databases databases_;
  SecondStage second_stage_;
};

}  // namespace cs::searcher
