// cs-index's own floor, measured apart in the same run (bench/scale.sh): a folder's
// articles, read by cs-index's crawl and readers and built into cs-index's documents by its
// own analysis (indexer/analyse: language, tokens, stories, passages, terms, values,
// records, spelling counts), all in memory first; then, timed on its own, only Xapian writing them the way a
// first `cs-index --jobs N` run does: N writers side by side, each adding its share of the
// articles and committing once a MB of text, the spelling counts added at the end, then
// the parts merged into one compact database (one writer: compacted). Everything cs-index
// does besides (reading and cleaning files, the analysis) comes on top of this time, so no
// cs-index writing this layout with Xapian on N cores can beat it.
//
//   build/bench/writer_floor [--jobs N] [--batch-mb MB] DIR [SCRATCH]   # DIR: bench/build-corpus.sh OUT/txt
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "bench/bench_corpus.hpp"
#include "common/spelling_table.hpp"
#include "common/threads.hpp"
#include "indexer/analyse/article_analysis.hpp"
#include "indexer/analyse/dictionary_trainer.hpp"
#include "indexer/write/shards.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::size_t batch_bytes = 1u << 20;  // cs-index's default --batch-mb

double seconds_since(Clock::time_point started) { return std::chrono::duration<double>(Clock::now() - started).count(); }

// One writer's share, built: its documents in order with the text size of each, and the
// spelling counts of them all.
struct Share {
  std::vector<Xapian::Document> documents;
  std::vector<std::size_t> text_bytes;
  std::vector<std::pair<std::string, std::uint32_t>> spelling;
};

void write_share(const Share& share, const fs::path& db, bool part) {
  // A part unsynced, as cs-index writes a parallel build's (Durability::kScratch); one
  // writer synced, as cs-index --jobs 1 writes.
  Xapian::WritableDatabase writer(db.string(), Xapian::DB_CREATE | (part ? Xapian::DB_NO_SYNC : 0));
  std::size_t pending = 0;
  for (std::size_t i = 0; i < share.documents.size(); ++i) {
    writer.add_document(share.documents[i]);
    pending += share.text_bytes[i];
    if (pending >= batch_bytes) {
      writer.commit();
      pending = 0;
    }
  }
  cs::spelling_table::add(writer, {share.spelling.begin(), share.spelling.end()});  // as cs-index's last commit
  writer.commit();
}

}  // namespace

int main(int argc, char** argv) try {
  unsigned jobs = 2;
  std::vector<std::string_view> args(argv + 1, argv + argc);
  while (args.size() >= 2 && (args[0] == "--jobs" || args[0] == "--batch-mb")) {
    if (args[0] == "--jobs") {
      jobs = static_cast<unsigned>(std::max(1, std::stoi(std::string(args[1]))));
    } else {
      batch_bytes = static_cast<std::size_t>(std::stod(std::string(args[1])) * 1048576.0);
    }
    args.erase(args.begin(), args.begin() + 2);
  }
  if (args.empty()) {
    std::fprintf(stderr, "usage: writer_floor [--jobs N] [--batch-mb MB] DIR [SCRATCH]\n");
    return 2;
  }
  const fs::path root(args[0]);
  // Only its own folders inside SCRATCH are ever deleted.
  const fs::path scratch = args.size() > 1 ? fs::path(args[1]) : fs::temp_directory_path() / "cs-writer-floor";
  const cs::bench::BenchCorpus corpus = cs::bench::read_corpus(root);  // as cs-index reads it

  std::vector<Share> shares(jobs);
  std::uintmax_t text_bytes = 0;
  cs::indexer::ArticleAnalysis analysis(jobs);
  const auto analysed = Clock::now();
  for (unsigned part = 0; part < jobs; ++part) {
    std::vector<cs::Article> articles;
    for (std::size_t i = part; i < corpus.articles.size(); i += jobs) articles.push_back(corpus.articles[i]);
    const std::vector<std::string> roots(articles.size(), fs::absolute(root).string());
    // Each part trains its dictionaries on its first articles, as cs-index's parts do.
    const auto dictionaries = cs::indexer::DictionaryTrainer().offer(articles, roots, {});
    auto built = analysis.build(articles, roots, dictionaries, [](const cs::Article& article) { return article.id; });
    if (!built) throw std::runtime_error(built.error().reason);
    for (std::size_t i = 0; i < articles.size(); ++i) {
      if (!built->articles[i].document) continue;
      const std::size_t bytes = articles[i].body.size() + articles[i].title.size();
      shares[part].documents.push_back(std::move(*built->articles[i].document));
      shares[part].text_bytes.push_back(bytes);
      text_bytes += bytes;
    }
    shares[part].spelling = std::move(built->spelling);
  }
  const double analysis_seconds = seconds_since(analysed);

  std::vector<fs::path> parts;
  for (unsigned part = 0; part < jobs; ++part) parts.push_back(scratch / ("part" + std::to_string(part)));
  const fs::path merged = scratch / "merged";
  for (const fs::path& folder : parts) fs::remove_all(folder);
  fs::remove_all(merged);
  fs::create_directories(scratch);
  const auto written = Clock::now();
  cs::Status wrote = cs::run_on_threads(jobs, [&](unsigned part) { write_share(shares[part], parts[part], jobs > 1); });
  if (!wrote) throw std::runtime_error(wrote.error().reason);
  const double writing_seconds = seconds_since(written);
  if (cs::Status done = cs::indexer::merge_databases(parts, merged); !done) throw std::runtime_error(done.error().reason);
  const double total_seconds = seconds_since(written);

  const double mb = static_cast<double>(text_bytes) / 1048576.0;
  std::printf("cs-index's writing floor: %zu articles, %.1f MB of text, cs-index's documents built beforehand "
              "(%.2f s on %u threads), then Xapian alone with %u writer(s):\n",
              corpus.articles.size(), mb, analysis_seconds, jobs, jobs);
  std::printf("  writers %.2f s, + merge %.2f s = %.2f s (%.1f MB/s)\n", writing_seconds, total_seconds - writing_seconds,
              total_seconds, mb / total_seconds);
  for (const fs::path& folder : parts) fs::remove_all(folder);
  fs::remove_all(merged);
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "writer_floor: %s\n", e.what());
  return 1;
} catch (const Xapian::Error& e) {
  std::fprintf(stderr, "writer_floor: %s\n", e.get_description().c_str());
  return 1;
}
