// A test suite's corpus indexed once by the real cs-index: IndexedOnce<Corpus> writes the
// corpus and builds its databases in SetUpTestSuite and removes them in TearDownTestSuite, so
// every test of the suite searches the same databases and none of them repeats the setup.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cs::test {

// One database of a suite: the name of its folder and the options it is built with, as in
// `cs-index --db FOLDER OPTIONS... CORPUS`.
struct DatabaseSpec {
  std::string name = "db";
  std::vector<std::string> options;
};

// A corpus and the databases cs-index built from it, in a temp folder removed with this.
class IndexedCorpus {
 public:
  // Calls `make` on a fresh temp folder (it writes the corpus there and returns the folder
  // to index, or returns a committed folder to index where it is), then runs cs-index once
  // for each of `databases`, in order, each into a folder of the temp folder.
  IndexedCorpus(const std::function<std::filesystem::path(const std::filesystem::path&)>& make,
                const std::vector<DatabaseSpec>& databases);
  const std::filesystem::path& corpus() const { return corpus_; }
  std::string db(const std::string& name) const;
  // What cs-index printed and returned when it built database `name`.
  const CliResult& index_run(const std::string& name) const;

 private:
  TempDir dir_;
  std::filesystem::path corpus_;
  std::map<std::string, CliResult> runs_;
};

// The suite fixture. `Corpus` has
//   static std::filesystem::path make(const std::filesystem::path& scratch);  // as above
// and may have
//   static std::vector<DatabaseSpec> databases();  // without it: one "db", no options
// A cs-index run that does not exit 0 fails every test of the suite.
template <typename Corpus>
class IndexedOnce : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    indexed_ = std::make_unique<IndexedCorpus>(Corpus::make, databases());
    for (const DatabaseSpec& database : databases()) {
      const CliResult& run = index_run(database.name);
      ASSERT_EQ(run.exit_code, 0) << database.name << ": " << run.err;
    }
  }
  static void TearDownTestSuite() { indexed_.reset(); }

  static const std::filesystem::path& corpus() { return indexed_->corpus(); }
  static std::string db(const std::string& name = "db") { return indexed_->db(name); }
  static const CliResult& index_run(const std::string& name = "db") { return indexed_->index_run(name); }
  // cs-search --db db() ARGS, with `input` on its standard input.
  static CliResult search(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", db()});
    return run_cli(cs_search_binary(), args, {}, input);
  }

 private:
  static std::vector<DatabaseSpec> databases() {
    if constexpr (requires { Corpus::databases(); }) {
      return Corpus::databases();
    } else {
      return {DatabaseSpec{}};
    }
  }
  static inline std::unique_ptr<IndexedCorpus> indexed_;
};

// The bundled corpus (corpus/), indexed where it is with cs-index's defaults.
struct BundledCorpus {
  static std::filesystem::path make(const std::filesystem::path&) { return corpus_dir(); }
};

}  // namespace cs::test
