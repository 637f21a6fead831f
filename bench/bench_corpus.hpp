// The articles benchmarks run on: the bundled corpus, or the folder named by
// $CS_BENCH_CORPUS (for example SOTU addresses fetched by scripts/fetch-sotu.sh), read by
// the same readers as cs-index, so benchmarks measure the text users index.
#pragma once

#include <filesystem>
#include <vector>

#include "common/article.hpp"

namespace cs::bench {

struct BenchCorpus {
  std::filesystem::path folder;
  std::vector<Article> articles;
  std::size_t body_bytes = 0;  // sum of the articles' body sizes
};

// The articles of `folder`, read as cs-index reads them (its crawl and readers); exits with
// a message when the folder holds no article text.
BenchCorpus read_corpus(const std::filesystem::path& folder);

// The bundled corpus or $CS_BENCH_CORPUS, read once per process.
const BenchCorpus& bench_corpus();

}  // namespace cs::bench
