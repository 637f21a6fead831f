// Runs the real cs-search and checks how it is called: usage errors as one line and exit
// status 2, the config file and the command line over it, --help and --version, and a --db that
// is missing or is not a database.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "common/schema.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class CsSearchUsage : public IndexedOnce<BundledCorpus> {};

TEST_F(CsSearchUsage, UsageErrorsExitTwo) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"--format", "xml", "x"}, {"--limit", "ten", "x"}, {"--limit", "-3", "x"}, {"--color", "sometimes", "x"}, {"--bogus", "x"},
           {"--batch", "-", "also", "a", "query"}}) {
    const CliResult r = search(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_THAT(r.err, StartsWith("cs-search: error: "));
  }
}

TEST_F(CsSearchUsage, TheConfigFileFillsInWhatTheCommandLineLeavesOut) {
  TempDir config;
  write_file(config / "synonyms.txt", "potus => biden\n");
  write_file(config / "cs-search/cs-search.conf",
             "# defaults\nlimit = 1\nformat = trec\nsynonyms = " + (config / "synonyms.txt").string() + "\n");
  const std::map<std::string, std::string> env = {{"XDG_CONFIG_HOME", config.path().string()}};
  const CliResult r = run_cli(cs_search_binary(), {"--db", db(), "phone"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out).size(), 1u) << r.out;
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db(), "potus"}, env).exit_code, 0) << "synonyms from config";
  const CliResult overridden = run_cli(cs_search_binary(), {"--db", db(), "phone calls", "-n", "3"}, env);
  EXPECT_EQ(lines(overridden.out).size(), 3u) << "the command line wins";

  write_file(config / "bad.conf", "colour = red\n");
  const CliResult bad = search({"--config", (config / "bad.conf").string(), "x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.conf: unrecognised option 'colour'"));
  EXPECT_EQ(search({"--config", "/no/such.conf", "x"}).exit_code, 2);
}

TEST_F(CsSearchUsage, HelpAndVersion) {
  const CliResult help = run_cli(cs_search_binary(), {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--batch"));
  EXPECT_THAT(help.out, HasSubstr("Exit status"));
  const CliResult version = run_cli(cs_search_binary(), {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("Xapian 1."));
  EXPECT_THAT(version.out, HasSubstr("ICU "));
}

TEST_F(CsSearchUsage, MissingDatabaseSaysToRunCsIndex) {
  TempDir dir;
  const CliResult r = run_cli(cs_search_binary(), {"--db", (dir / "nothing").string(), "Taiwan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("run cs-index first"));
  EXPECT_EQ(lines(r.err).size(), 1u);
}

// An error before any answer writes nothing to the standard output: --format tsv wrote its
// header first (a new user's trial), which a script then read as an empty answer.
TEST_F(CsSearchUsage, AnErrorBeforeAnyAnswerWritesNoOutput) {
  TempDir dir;
  for (const char* format : {"text", "json", "jsonl", "tsv", "trec"}) {
    const CliResult r = run_cli(cs_search_binary(), {"--db", (dir / "nothing").string(), "--format", format, "Taiwan"});
    EXPECT_EQ(r.exit_code, 2) << format;
    EXPECT_EQ(r.out, "") << format;
  }
}

TEST_F(CsSearchUsage, AFolderThatIsNotADatabaseIsAnError) {
  TempDir dir;
  write_file(dir / "notes.txt", "x");
  const CliResult r = run_cli(cs_search_binary(), {"--db", dir.path().string(), "Taiwan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not a cs-search database"));
}

// A database an older cs-index wrote (another schema) names both schemas and the rebuild.
TEST_F(CsSearchUsage, ADatabaseOfAnotherSchemaSaysToRebuildIt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  {
    Xapian::WritableDatabase old(db, Xapian::DB_CREATE);
    old.set_metadata(std::string(schema::kSchemaVersionKey), "7");
    old.commit();
  }
  const CliResult r = run_cli(cs_search_binary(), {"--db", db, "Taiwan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("database schema 7, this cs-search reads " + std::string(schema::kSchemaVersion)));
  EXPECT_THAT(r.err, HasSubstr("cs-index --rebuild --db " + db));
  EXPECT_EQ(lines(r.err).size(), 1u);
}

}  // namespace
}  // namespace cs::test
