// The analysing half of writing a batch: its articles into article documents, on as many
// threads as the run has (each with its own Analyzer), while the batch before is written
// (write/background_writer.hpp). Xapian takes most of the time of a run (it is the writer's
// half); this half runs beside it.
#pragma once

#include <xapian.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "indexer/analyse/article_document.hpp"
#include "indexer/analyse/spelling_counts.hpp"

namespace cs::indexer {

// One article ready for the writer.
struct BuiltArticle {
  std::optional<Xapian::Document> document;  // none when the article has no passage to index
  std::size_t passages = 0;
  std::string stem_language;                // the stemmer its words were stemmed with
  std::string declared_language;            // what the article declared, when its text overrode it
};

// A batch ready for the writer: its articles in the order given, and the words they offer
// the spelling table with the number of articles holding each.
struct BuiltBatch {
  std::vector<BuiltArticle> articles;
  std::vector<std::pair<std::string, std::uint32_t>> spelling;
};

class ArticleAnalysis {
 public:
  explicit ArticleAnalysis(unsigned threads);
  ArticleAnalysis(const ArticleAnalysis&) = delete;
  ArticleAnalysis& operator=(const ArticleAnalysis&) = delete;

  // Picks each article's language (choose_language: declared, or detected when it declares
  // none or its text confidently contradicts it), stems it in that language, signs
  // it (story_signature), asks `assign_story` for its story in article order (so stories come
  // out as one thread makes them), splits it into passages and builds its document.
  // `roots[i]` is the indexed folder of articles[i]; passages and records are compressed
  // with `dictionaries`. Fails with what a thread threw.
  Result<BuiltBatch> build(std::vector<Article>& articles, const std::vector<std::string>& roots,
                           const DocumentDictionaries& dictionaries,
                           const std::function<std::string(const Article&)>& assign_story);

 private:
  struct Worker {
    Analyzer analyzer;
    ArticleDocumentBuilder builder{analyzer};
    SpellingCounter spelling;
  };
  // Calls work(worker, i) for every i below n, on all workers at once; fails with what one threw.
  Status parallel_for(std::size_t n, const std::function<void(Worker&, std::size_t)>& work);

  std::vector<std::unique_ptr<Worker>> workers_;
};

}  // namespace cs::indexer
