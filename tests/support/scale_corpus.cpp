#include "support/scale_corpus.hpp"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <sstream>

namespace cs::test {

namespace fs = std::filesystem;

void write_scale_corpus(const fs::path& folder, int reports, int length) {
  std::mt19937 random(7);
  const std::vector<std::string> vocabulary = made_up_words(random, 2000, 6);
  std::vector<double> weights;
  for (int i = 1; i <= 2000; ++i) weights.push_back(1.0 / i);
  std::discrete_distribution<int> zipf(weights.begin(), weights.end());
  const char* sources[] = {"Wire", "Gazette", "Review"};
  for (int f = 0; f < reports; ++f) {
    std::ostringstream text;
    text << "---\ntitle: Report " << f << " on " << vocabulary[static_cast<std::size_t>(zipf(random))] << "\nsource: "
         << sources[f % 3] << "\ndate: 20" << 10 + f % 12 << "-0" << 1 + f % 9 << "-1" << f % 10
         << "\ntopics: [" << (f % 2 ? "trade" : "security") << "]\n---\n\n";
    const int paragraphs = 2 + f % 5;
    for (int p = 0; p < paragraphs; ++p) {
      for (int w = 0; w < (60 + f % 50) * length; ++w) text << vocabulary[static_cast<std::size_t>(zipf(random))] << ' ';
      text << "\n\n";
    }
    write_file(folder / ("report-" + std::to_string(f) + ".md"), text.str());
  }
  fs::copy(corpus_dir(), folder / "bundled", fs::copy_options::recursive);
}


const std::vector<std::vector<std::string>> kScaleQueries = {
    {"Taiwan"},
    {"China trade"},
    {"\"United States\""},
    {"report"},
    {"security OR trade", "--facets", "source,year,topic", "--histogram", "year"},
    {"report", "--source", "Gazette", "-n", "20"},
    {"report", "--sort", "-date", "-n", "15"},
    // Not "report" with many results: every title holds it, and passages tied exactly at the
    // cut are taken in database order, which differs between layouts.
    {"taiwan OR china OR trump", "-n", "30", "--facets", "source,lang"},
};

fs::path ScaleCorpus::make(const fs::path& scratch) {
  write_scale_corpus(scratch / "corpus", kScaleReports, 3);
  return scratch / "corpus";
}

std::vector<DatabaseSpec> ScaleCorpus::databases() {
  return {{"single", {"--quiet", "--jobs", "1"}},
          {"merged", {"--quiet", "--jobs", "2"}},
          {"sharded", {"--quiet", "--shards", "2"}}};
}

fs::path ScaleOut::bundled_only(const TempDir& copy) {
  const fs::path folder = copy.path() / "corpus";
  fs::create_directories(folder);
  fs::copy(corpus() / "bundled", folder / "bundled", fs::copy_options::recursive);
  return folder;
}

std::string ScaleOut::answer(const std::vector<std::string>& databases, const std::vector<std::string>& query) {
  std::vector<std::string> args;
  for (const std::string& database : databases) {
    args.push_back("--db");
    args.push_back(database);
  }
  args.insert(args.end(), {"--format", "jsonl"});
  args.insert(args.end(), query.begin(), query.end());
  const CliResult result = run_cli(cs_search_binary(), args);
  EXPECT_NE(result.exit_code, 2) << result.err;
  static const std::regex whole_answer(R"(,"shards":\{"failed":0,"failures":\[\],"successful":\d+,"total":\d+\})");
  return std::regex_replace(result.out, whole_answer, "");
}

}  // namespace cs::test
