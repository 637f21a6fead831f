#include "searcher/session.hpp"

#include <algorithm>

#include "common/language.hpp"
#include "searcher/snippet.hpp"

namespace cs::searcher {

Result<std::unique_ptr<SearchSession>> SearchSession::open(const std::filesystem::path& db, SessionOptions options) {
  auto searcher = PassageSearcher::open(db);
  if (!searcher) return searcher.error();
  return std::unique_ptr<SearchSession>(new SearchSession(std::move(*searcher), std::move(options)));
}

Result<QueryResult> SearchSession::run(std::string qid, std::string_view query, std::size_t limit,
                                       bool highlight) {
  const QueryContext context{options_.synonyms.empty() ? nullptr : &options_.synonyms, &searcher_->vocabulary(),
                             searcher_->stem_languages()};
  auto parsed = parse_query(query, analyzer_, context);
  if (!parsed) return parsed.error();
  auto result = answer(std::move(qid), query, *parsed, limit, highlight);
  if (result && result->results.hits.empty()) result->suggestion = searcher_->suggest(query, analyzer_);
  return result;
}

Result<QueryResult> SearchSession::run_like(std::string qid, const std::string& article_id, std::size_t limit,
                                            bool highlight) {
  auto parsed = searcher_->like_query(article_id);
  if (!parsed) return parsed.error();
  return answer(std::move(qid), "like:" + article_id, *parsed, limit, highlight);
}

Result<QueryResult> SearchSession::answer(std::string qid, std::string_view query, const ParsedQuery& parsed,
                                          std::size_t limit, bool highlight) {
  std::unique_ptr<FacetSpy> spy;
  if (!options_.facets.empty() || options_.histogram != Period::kNone) {
    spy = std::make_unique<FacetSpy>(options_.facets, options_.histogram);
  }
  auto results = searcher_->search(parsed, limit, options_.filter, options_.sort, spy.get(), options_.ranking);
  if (!results) return results.error();
  QueryResult result{std::move(qid), std::string(query), std::move(*results), {}, {}, {}};
  result.highlights.reserve(result.results.hits.size());
  result.snippets.reserve(result.results.hits.size());
  const std::string query_language = analyzer_.language();
  std::vector<std::string> terms;
  std::vector<std::string> distinct;  // the query terms met so far, in order of meeting
  std::vector<double> weights;        // their weights, by rarity in the database
  std::vector<std::size_t> term_ids;
  std::vector<Span> sentences;
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
    if (text.size() <= kSnippetBytes) {  // shown whole: no sentences or weights needed
      result.snippets.push_back(Span{0, static_cast<std::uint32_t>(text.size())});
      continue;
    }
    term_ids.clear();
    for (const std::string& term : terms) {
      const auto known = std::find(distinct.begin(), distinct.end(), term);
      term_ids.push_back(static_cast<std::size_t>(known - distinct.begin()));
      if (known == distinct.end()) {
        distinct.push_back(term);
        weights.push_back(searcher_->term_weight(term));
      }
    }
    sentences.clear();
    analyzer_.sentences(text, sentences);
    Span snippet = snippet_window(sentences, result.highlights.back(), term_ids, weights);
    while (snippet.end > snippet.begin && (text[snippet.end - 1] == ' ' || text[snippet.end - 1] == '\n')) --snippet.end;
    result.snippets.push_back(snippet);
  }
  analyzer_.set_language(query_language);
  return result;
}

}  // namespace cs::searcher
