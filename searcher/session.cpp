#include "searcher/session.hpp"

#include <map>

#include "common/language.hpp"
#include "searcher/query/filters.hpp"
#include "searcher/present/snippet.hpp"

namespace cs::searcher {

namespace {

// A query that matches fewer articles than this is checked for typos ...
constexpr std::uint64_t kFewMatches = 3;
// ... and its correction suggested when that finds this many times as many.
constexpr std::uint64_t kFarMore = 10;

}  // namespace

Result<std::unique_ptr<SearchSession>> SearchSession::open(const std::vector<std::filesystem::path>& dbs,
                                                         SessionOptions options) {
  auto searcher = PassageSearcher::open(dbs, options.shard_policy);
  if (!searcher) return searcher.error();
  return std::unique_ptr<SearchSession>(new SearchSession(std::move(*searcher), std::move(options)));
}

Result<QueryResult> SearchSession::run(std::string qid, std::string_view query, std::size_t limit, bool highlight) {
  return run(std::move(qid), query, limit, highlight, options_);
}

Result<QueryResult> SearchSession::run(std::string qid, std::string_view query, std::size_t limit, bool highlight,
                                       const Retrieval& retrieval) {
  const QueryContext context = query_context(retrieval.langs);
  auto parsed = parse_query(query, analyzer_, context);
  if (!parsed) return parsed.error();
  auto result = answer(std::move(qid), query, *parsed, limit, highlight, retrieval);
  if (!result) return result;
  if (!parsed->notes.empty()) {  // one line, however many things it says
    std::string how = "read as text: ";
    for (std::size_t i = 0; i < parsed->notes.size(); ++i) how += (i > 0 ? "; " : "") + parsed->notes[i];
    result->notes.push_back(std::move(how));
  }
  result->notes.insert(result->notes.end(), parsed->field_notes.begin(), parsed->field_notes.end());
  if (retrieval.offset > 0) return result;  // a later page: the first had the rest
  if (result->results.hits.empty()) {
    // Built only now: each names its sources by the index's words (field_values.hpp).
    for (const LoosenedFilter& loosened : loosened_filters(retrieval.filters)) {
      auto filter = filter_query(loosened.filters, analyzer_, &searcher_->vocabulary());
      if (filter) result->without_filter.push_back({loosened.label, searcher_->count_matches(parsed->query, *filter)});
    }
  }
  // "Did you mean" when nothing matched, or when little did and the corrected query finds
  // far more ("goverment budjet" finding one article through a stem collision).
  if (result->results.matching_articles < kFewMatches) {
    const std::uint64_t matching = result->results.matching_articles;
    result->suggestion = correction(query, matching > 0 ? kFarMore * matching - 1 : 0, retrieval.filter, retrieval.langs);
  }
  return result;
}

QueryContext SearchSession::query_context(const std::vector<std::string>& langs) const {
  const PassageSearcher* searcher = searcher_.get();
  return QueryContext{options_.synonyms.empty() ? nullptr : &options_.synonyms, &searcher_->vocabulary(),
                      &searcher_->stem_languages(),
                      [searcher](std::string_view prefix, std::size_t count) { return searcher->complete(prefix, count); },
                      langs};
}

std::string SearchSession::correction(std::string_view query, std::uint64_t at_least, const Xapian::Query& filter,
                                      const std::vector<std::string>& langs) {
  std::string corrected = searcher_->suggest(query, analyzer_);
  if (corrected.empty()) return corrected;
  // Checked even when the query found nothing: the spelling table keeps the words of
  // articles deleted since they were indexed (Xapian's counts are only ever added to), and
  // a correction that finds nothing either leads nowhere (a new user's trial: "Caputto"
  // offered "caputo", whose only article was gone).
  const QueryContext context = query_context(langs);
  auto reparsed = parse_query(corrected, analyzer_, context);
  return reparsed && searcher_->matches_more_than(reparsed->query, filter, at_least) ? corrected : std::string();
}

Result<ArticleView> SearchSession::article(const std::string& given, std::string_view query) {
  auto article = searcher_->article(given);
  if (!article || query.empty()) return article;
  const QueryContext context = query_context({});
  auto parsed = parse_query(query, analyzer_, context);
  if (!parsed) return parsed.error();
  const std::string query_language = analyzer_.language();
  analyzer_.set_language(stemmer_for(article->record.lang));  // as the indexer stemmed it
  for (const std::string& passage : article->passages) article->highlights.push_back(highlight_spans(passage, *parsed, analyzer_));
  analyzer_.set_language(query_language);
  return article;
}

Suggestions SearchSession::suggest(std::string_view query, std::size_t completions) {
  Suggestions out;
  // The last word, when the query does not end between words.
  const std::size_t start = query.find_last_of(" \t\"(") + 1;  // npos + 1 == 0
  const std::string_view last = query.substr(start);
  if (!last.empty() && last.find(':') == std::string_view::npos) {
    for (auto& [word, articles] : searcher_->complete(analyzer_.fold(last), completions)) {
      out.completions.push_back({std::string(query.substr(0, start)) + word, articles});
    }
  }
  // A last word being typed is no typo while the index holds words it begins.
  if (out.completions.empty()) out.spelling = correction(query, 0, options_.filter, options_.langs);
  return out;
}

Result<QueryResult> SearchSession::run_like(std::string qid, const std::string& article_id, std::size_t limit,
                                            bool highlight) {
  return run_like(std::move(qid), article_id, limit, highlight, options_);
}

Result<QueryResult> SearchSession::run_like(std::string qid, const std::string& article_id, std::size_t limit,
                                            bool highlight, const Retrieval& retrieval) {
  auto parsed = searcher_->like_query(article_id);
  if (!parsed) return parsed.error();
  return answer(std::move(qid), "like:" + article_id, *parsed, limit, highlight, retrieval);
}

Result<QueryResult> SearchSession::answer(std::string qid, std::string_view query, const ParsedQuery& parsed,
                                          std::size_t limit, bool highlight, const Retrieval& retrieval) {
  std::unique_ptr<FacetCounter> spy;
  if ((!retrieval.facets.empty() || retrieval.histogram != Period::kNone) && retrieval.offset == 0) {
    spy = std::make_unique<FacetCounter>(retrieval.facets, retrieval.histogram);
  }
  auto results =
      searcher_->search(parsed, limit, retrieval.filter, retrieval.sort, spy.get(), retrieval.ranking, retrieval.offset,
                        retrieval.story);
  if (!results) return results.error();
  QueryResult result{std::move(qid), std::string(query), std::move(*results), {}, {}, {}, {}, {}};
  result.highlights.reserve(result.results.hits.size());
  result.snippets.reserve(result.results.hits.size());
  const std::string query_language = analyzer_.language();
  // A term's weight costs a database lookup: once per query, whatever the hits share.
  std::map<std::string, double, std::less<>> weights;
  const auto weight_of = [&](const std::string& term) {
    auto found = weights.find(term);
    if (found == weights.end()) found = weights.emplace(term, searcher_->term_weight(term)).first;
    return found->second;
  };
  std::vector<std::string> terms;
  for (const Hit& hit : result.results.hits) {
    const std::string& text = hit.record.text;
    if (!highlight) {
      result.highlights.emplace_back();
      result.snippets.push_back(Span{0, static_cast<std::uint32_t>(text.size())});
      continue;
    }
    analyzer_.set_language(stemmer_for(hit.record.lang));  // as the indexer stemmed this article
    terms.clear();
    result.highlights.push_back(highlight_spans(text, parsed, analyzer_, &terms));
    result.snippets.push_back(choose_snippet(text, hit.record.sentences, result.highlights.back(), terms, weight_of));
  }
  analyzer_.set_language(query_language);
  return result;
}

}  // namespace cs::searcher
