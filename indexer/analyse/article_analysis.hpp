// The two halves of writing a batch, so that they overlap: analysing its articles into
// article documents, on as many threads as the run has (each with its own Analyzer), and
// writing them with the one DbWriter, on a thread of its own while the next batch is read
// and analysed. Xapian takes most of the time of a run (it is the writer's half); the rest
// runs beside it.
#pragma once

#include <xapian.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "common/analyzer.hpp"
#include "common/article.hpp"
#include "common/error.hpp"
#include "indexer/analyse/article_document.hpp"

namespace cs::indexer {

// One article ready for the writer.
struct BuiltArticle {
  std::optional<Xapian::Document> document;  // none when the article has no passage to index
  std::size_t passages = 0;
  std::vector<std::string> vocabulary;      // for the spelling table
  std::string stem_language;                // the stemmer its words were stemmed with
};

class ArticleAnalysis {
 public:
  explicit ArticleAnalysis(unsigned threads);
  ArticleAnalysis(const ArticleAnalysis&) = delete;
  ArticleAnalysis& operator=(const ArticleAnalysis&) = delete;

  // Detects each article's language when it declares none, stems it in that language, signs
  // it (story_signature), asks `assign_story` for its story in article order (so stories come
  // out as one thread makes them), splits it into passages and builds its document.
  // `roots[i]` is the indexed folder of articles[i].
  std::vector<BuiltArticle> build(std::vector<Article>& articles, const std::vector<std::string>& roots,
                                  const std::function<std::string(const Article&)>& assign_story);

 private:
  struct Worker {
    Analyzer analyzer;
    ArticleDocumentBuilder builder{analyzer};
  };
  // Calls work(worker, i) for every i below n, on all workers at once.
  void parallel_for(std::size_t n, const std::function<void(Worker&, std::size_t)>& work);

  std::vector<std::unique_ptr<Worker>> workers_;
};

// Runs write jobs one at a time, in order, on a thread of its own (or at once, in the
// caller's thread, when not `threaded`).
class BackgroundWriter {
 public:
  explicit BackgroundWriter(bool threaded);
  ~BackgroundWriter();
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;

  // Waits until the job before is done, then starts `job`. Fails, without starting it, when
  // a job before failed: the run then stops with that error.
  Status submit(std::function<Status()> job);
  // Waits for the last job; its failure, or an earlier one's.
  Status finish();

 private:
  void loop();

  bool threaded_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::function<Status()> job_;  // the job waiting to run, if any
  bool busy_ = false;            // a job is waiting or running
  bool stopping_ = false;
  std::optional<Error> failure_;
  std::thread thread_;
};

}  // namespace cs::indexer
