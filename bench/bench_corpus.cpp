#include "bench/bench_corpus.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "indexer/crawl.hpp"
#include "indexer/readers/reader_registry.hpp"

namespace cs::bench {

BenchCorpus read_corpus(const std::filesystem::path& folder) {
  BenchCorpus corpus;
  corpus.folder = folder;
  const auto report = [](const Error& error) {
    std::fprintf(stderr, "%s\n", format_error("bench", "warning", error).c_str());
  };
  for (const auto& entry : indexer::crawl({corpus.folder}, report)) {
    std::ifstream in(entry.path(), std::ios::binary);
    SourceFile file{entry.path(), entry.relative_path,
                    std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())};
    const indexer::Reader* reader = indexer::pick_reader(file);
    if (reader == nullptr) continue;
    for (Article& article : reader->read(file).articles) {
      corpus.body_bytes += article.body.size();
      corpus.articles.push_back(std::move(article));
    }
  }
  if (corpus.body_bytes == 0) {
    std::fprintf(stderr, "bench: no article text in %s; name a folder of articles (CS_BENCH_CORPUS for the benchmarks)\n",
                 corpus.folder.c_str());
    std::exit(2);
  }
  return corpus;
}

const BenchCorpus& bench_corpus() {
  static const BenchCorpus corpus = [] {
    const char* chosen = std::getenv("CS_BENCH_CORPUS");
    return read_corpus(chosen != nullptr && *chosen != '\0' ? std::filesystem::path(chosen)
                                                              : std::filesystem::path(CS_SOURCE_CORPUS_DIR));
  }();
  return corpus;
}

}  // namespace cs::bench
