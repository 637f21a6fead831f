#include "searcher/searcher.hpp"

#include "common/schema.hpp"
#include "searcher/query/filters.hpp"
#include "searcher/session.hpp"

namespace cs::searcher {

Searcher::Searcher(std::unique_ptr<SearchSession> session) : session_(std::move(session)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::vector<std::filesystem::path>& dbs, Synonyms synonyms,
                                                 const ShardPolicy& shard_policy) {
  SessionOptions options;
  options.synonyms = std::move(synonyms);
  options.shard_policy = shard_policy;
  auto session = SearchSession::open(dbs, std::move(options));
  if (!session) return session.error();
  return std::unique_ptr<Searcher>(new Searcher(std::move(*session)));
}

Result<ArticleView> Searcher::article(const std::string& given, std::string_view query) {
  return session_->article(given, query);
}

Suggestions Searcher::suggest(std::string_view query, std::size_t completions) {
  return session_->suggest(query, completions);
}

IndexStats Searcher::stats() const { return session_->stats(); }

Status Searcher::catch_up() { return session_->catch_up(); }

bool Searcher::holds_article(const std::string& article_id) const {
  try {
    return session_->vocabulary().term_exists(schema::boolean_term(schema::kArticleIdPrefix, article_id));
  } catch (const Xapian::Error&) {
    return false;
  }
}

Result<QueryResult> Searcher::search(const SearchRequest& request) {
  std::vector<std::string> notes;
  auto filter = filter_query(request.filters, session_->analyzer(), &session_->vocabulary(), &notes);
  if (!filter) return filter.error();
  const Retrieval retrieval{std::move(*filter), request.sort,    request.facets,        request.histogram,
                            request.ranking,    request.filters.langs, request.filters, request.offset,
                            request.story};
  auto result = request.like_article_id
                    ? session_->run_like(request.qid, *request.like_article_id, request.limit, request.highlight, retrieval)
                    : session_->run(request.qid, request.query, request.limit, request.highlight, retrieval);
  if (result) result->notes.insert(result->notes.begin(), notes.begin(), notes.end());
  return result;
}

}  // namespace cs::searcher
