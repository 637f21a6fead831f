#include "indexer/analyse/article_analysis.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "common/exception_error.hpp"
#include "common/language.hpp"
#include "common/threads.hpp"
#include "indexer/analyse/passages.hpp"
#include "indexer/analyse/stories.hpp"
#include "indexer/clean/language_detection.hpp"

namespace cs::indexer {

ArticleAnalysis::ArticleAnalysis(unsigned threads) {
  for (unsigned i = 0; i < std::max(1u, threads); ++i) workers_.push_back(std::make_unique<Worker>());
}

Status ArticleAnalysis::parallel_for(std::size_t n, const std::function<void(Worker&, std::size_t)>& work) {
  std::atomic<std::size_t> next{0};
  const auto run = [&](unsigned w) {
    for (std::size_t i = next++; i < n; i = next++) work(*workers_[w], i);
  };
  return run_on_threads(static_cast<unsigned>(std::max<std::size_t>(1, std::min(workers_.size(), n))), run);
}

Result<BuiltBatch> ArticleAnalysis::build(std::vector<Article>& articles, const std::vector<std::string>& roots,
                                          const DocumentDictionaries& dictionaries,
                                          const std::function<std::string(const Article&)>& assign_story) {
  std::vector<CutText> analysed(articles.size());
  std::vector<BuiltArticle> built(articles.size());
  Status first = parallel_for(articles.size(), [&](Worker& worker, std::size_t i) {
    Article& article = articles[i];
    // Stemmed in its own language: declared, unless the text is confidently in another;
    // else detected; unknown ones word for word.
    LanguageChoice choice = choose_language(article.lang, article.body);
    if (choice.overridden) built[i].declared_language = std::move(article.lang);
    article.lang = std::move(choice.lang);
    worker.analyzer.set_language(stemmer_for(article.lang));
    built[i].stem_language = worker.analyzer.language();
    analysed[i] = cut_text(article.body, worker.analyzer);
    article.signature = story_signature(analysed[i].words);
  });
  if (!first) return first.error();
  for (Article& article : articles) article.story_key = assign_story(article);
  Status second = parallel_for(articles.size(), [&](Worker& worker, std::size_t i) {
    worker.analyzer.set_language(built[i].stem_language);
    built[i].passages = analysed[i].passages.size();
    // An article with no passage is not indexed, and offers no words.
    if (!analysed[i].passages.empty()) {
      built[i].document = worker.builder.build(articles[i], analysed[i], roots[i], dictionaries);
      worker.spelling.add_article(worker.builder.spelling_words());
    }
    analysed[i] = CutText{};  // its memory is not needed any more
  });
  if (!second) return second.error();
  SpellingCounter& spelling = workers_.front()->spelling;
  for (std::size_t w = 1; w < workers_.size(); ++w) spelling.absorb(workers_[w]->spelling);
  return BuiltBatch{std::move(built), spelling.take()};
}

}  // namespace cs::indexer
