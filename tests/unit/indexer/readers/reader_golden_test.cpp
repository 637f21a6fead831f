// Golden tests for the readers: every file under tests/fixtures/readers/<format>/ and every
// article of the bundled corpus is read as cs-index reads it (reader choice, article fields,
// passages, issues) and compared with its .expected.json. A new case is a new pair of files.
// CS_UPDATE_GOLDEN=1 rewrites the expected files: review the diff before committing it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "common/analyzer.hpp"
#include "indexer/analyse/passages.hpp"
#include "indexer/readers/reader_registry.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

namespace fs = std::filesystem;

struct GoldenCase {
  fs::path input;
  std::string relative_path;  // as cs-index would compute it
  fs::path expected;
  std::string name;           // for the test's name
};

// Shown by gtest (and ctest) for each case, instead of the struct's bytes.
void PrintTo(const GoldenCase& c, std::ostream* out) { *out << c.relative_path; }

std::string test_name(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return text;
}

std::vector<GoldenCase> golden_cases() {
  std::vector<GoldenCase> cases;
  const fs::path readers = test::fixtures_dir() / "readers";
  for (const auto& entry : fs::recursive_directory_iterator(readers)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.ends_with(".expected.json")) continue;
    fs::path expected = entry.path();
    expected.replace_extension(".expected.json");
    cases.push_back({entry.path(), name, expected, test_name(entry.path().lexically_relative(readers).string())});
  }
  const fs::path corpus = test::corpus_dir();
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name.starts_with(".") || name == "README.md") continue;
    const std::string relative = entry.path().lexically_relative(corpus).generic_string();
    fs::path expected = test::fixtures_dir() / "corpus" / relative;
    expected.replace_extension(".expected.json");
    cases.push_back({entry.path(), relative, expected, test_name("corpus/" + relative)});
  }
  std::sort(cases.begin(), cases.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return cases;
}

nlohmann::json read_as_cs_index_does(const GoldenCase& c) {
  SourceFile file{c.input, c.relative_path, test::read_file(c.input)};
  const Reader* reader = pick_reader(file);
  nlohmann::json out;
  out["reader"] = reader == nullptr ? nlohmann::json(nullptr) : nlohmann::json(std::string(reader->name()));
  if (reader == nullptr) return out;
  ReadResult result = reader->read(file);
  Analyzer analyzer;
  out["articles"] = nlohmann::json::array();
  for (const Article& a : result.articles) {
    nlohmann::json passages = nlohmann::json::array();
    for (const Passage& p : cut_text(a.body, analyzer).passages) passages.push_back(a.body.substr(p.begin, p.end - p.begin));
    nlohmann::json article = {{"id", a.id}, {"title", a.title}, {"source", a.source}, {"author", a.author},
                              {"date", a.date}, {"url", a.url}, {"lang", a.lang}, {"topics", a.topics},
                              {"preview", a.preview}, {"passages", passages}};
    if (!a.other_titles.empty()) article["other_titles"] = a.other_titles;  // only HTML pages give them
    if (!a.standfirst.empty()) article["standfirst"] = a.standfirst;
    out["articles"].push_back(std::move(article));
  }
  out["issues"] = nlohmann::json::array();
  for (const Error& e : result.issues) out["issues"].push_back(e.location.empty() ? e.reason : e.location + ": " + e.reason);
  return out;
}

class ReaderGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(ReaderGolden, MatchesExpected) {
  const GoldenCase& c = GetParam();
  const nlohmann::json actual = read_as_cs_index_does(c);
  if (std::getenv("CS_UPDATE_GOLDEN") != nullptr) {
    test::write_file(c.expected, actual.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  ASSERT_TRUE(fs::exists(c.expected)) << "no expected file " << c.expected << "; run with CS_UPDATE_GOLDEN=1 and review it";
  const nlohmann::json expected = nlohmann::json::parse(test::read_file(c.expected));
  EXPECT_EQ(actual, expected) << "reading " << c.input << "\nactual:\n" << actual.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

INSTANTIATE_TEST_SUITE_P(Files, ReaderGolden, ::testing::ValuesIn(golden_cases()),
                         [](const ::testing::TestParamInfo<GoldenCase>& test) { return test.param.name; });

}  // namespace
}  // namespace cs::indexer
