// Runs the real cs-index over the hostile corpus (tests/fixtures/hostile, and the large files
// support/hostile_fixtures.cpp writes beside it at test time: awkward encodings, truncations,
// parser bombs, floods, deep nesting, binary files, odd text) and over files made here (odd
// names, symbolic link loops, links out of the root, a 10-million-character line): every file
// is indexed, salvaged or skipped with one warning naming it, the run succeeds, and nothing
// harmful gets through.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xapian.h>

#include <fstream>
#include <map>

#include "support/hostile_fixtures.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
namespace fs = std::filesystem;

enum class Outcome {
  kIndexed,   // its articles are indexed, no warning
  kSalvaged,  // indexed, with a warning for what was repaired or left out
  kSkipped,   // one warning ending "skipped", nothing indexed
  kIgnored,   // not an article format: no warning, not counted as bad
};

// What cs-index must do with each file of the hostile corpus. A new file must be added here.
const std::map<std::string, Outcome> kExpected = {
    {"atom-without-entries.atom", Outcome::kSkipped},
    {"bad-middle-line.jsonl", Outcome::kSalvaged},
    {"billion-laughs.rss", Outcome::kSkipped},
    {"code-fence-only.md", Outcome::kIndexed},
    {"cr-only-lines.txt", Outcome::kIndexed},
    {"crlf-lines.txt", Outcome::kIndexed},
    {"date-garbage.md", Outcome::kSalvaged},  // indexed undated, its date said unreadable
    {"duplicate-ids.jsonl", Outcome::kSalvaged},
    {"elf-no-extension", Outcome::kIgnored},
    {"emoji-only.txt", Outcome::kIndexed},
    {"empty.txt", Outcome::kSkipped},
    {"external-entity.rss", Outcome::kSkipped},
    {"front-matter-not-mapping.md", Outcome::kSalvaged},
    {"front-matter-only.md", Outcome::kIndexed},
    {"gb18030.txt", Outcome::kIndexed},
    {"gzipped.txt", Outcome::kSkipped},
    {"html-deep-nesting.html", Outcome::kSalvaged},  // one sentence: said to show no article text
    {"html-entity-flood.html", Outcome::kIndexed},
    {"html-no-body.html", Outcome::kSalvaged},  // its title alone, said
    {"html-script-only.html", Outcome::kSkipped},
    {"huge-title.md", Outcome::kIndexed},
    {"invalid-utf8-bytes.txt", Outcome::kIndexed},  // legacy charset detection reads it whole
    {"json-deep-nesting.json", Outcome::kSkipped},
    {"jsonl-deep-line.jsonl", Outcome::kSalvaged},
    {"koi8-r.txt", Outcome::kIndexed},
    {"latin1.txt", Outcome::kIndexed},
    {"many-tiny-records.jsonl", Outcome::kIndexed},
    {"mixed-array.json", Outcome::kSalvaged},
    {"name with spaces \xC3\xA9\xC3\xA8 \xE6\x97\xA5\xE6\x9C\xAC.md", Outcome::kIndexed},
    {"not-an-object.json", Outcome::kSkipped},
    {"nul-bytes.txt", Outcome::kSkipped},
    {"overlong-utf8.txt", Outcome::kIndexed},
    {"png-named.html", Outcome::kSkipped},
    {"rtl-arabic.txt", Outcome::kIndexed},
    {"shift-jis-meta.html", Outcome::kSalvaged},  // a line of text: indexed, with "no article text"
    {"terminal-escapes.txt", Outcome::kIndexed},
    {"truncated.html", Outcome::kSalvaged},  // cut after a line: indexed, with "no article text"
    {"truncated.json", Outcome::kSkipped},
    {"truncated.jsonl", Outcome::kSalvaged},
    {"unclosed-tags.rss", Outcome::kSkipped},
    {"utf16be-bom.md", Outcome::kIndexed},
    {"utf16le-bom.txt", Outcome::kIndexed},
    {"utf8-bom.md", Outcome::kIndexed},
    {"whitespace-only.txt", Outcome::kSkipped},
    {"windows-1252-quotes.txt", Outcome::kIndexed},
    {"wrong-types.json", Outcome::kSkipped},
    {"xml-declared-latin1.rss", Outcome::kIndexed},
    {"yaml-alias-bomb.md", Outcome::kSalvaged},
    {"yaml-unclosed.md", Outcome::kSalvaged},
    {"zero-width-and-combining.txt", Outcome::kIndexed},
};

// The committed hostile files and the generated ones, in one folder named hostile.
struct HostileCorpusFiles {
  static fs::path make(const fs::path& scratch) { return write_hostile_corpus(scratch / "hostile"); }
  static std::vector<DatabaseSpec> databases() { return {{"db", {"--verbose"}}}; }
};

class HostileCorpus : public IndexedOnce<HostileCorpusFiles> {
 protected:
  // The run's warnings and "added" lines about `name`.
  static std::vector<std::string> lines_about(const std::string& text, const std::string& name) {
    std::vector<std::string> found;
    for (const std::string& line : lines(text)) {
      if (line.find("/hostile/" + name + ":") != std::string::npos ||
          line.find("/hostile/" + name + " (") != std::string::npos) {
        found.push_back(line);
      }
    }
    return found;
  }
};

TEST_F(HostileCorpus, EveryFileIsClassifiedAndTheCorpusIsBigEnough) {
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(corpus())) {
    const std::string name = entry.path().filename().string();
    if (name == "README.md" || name == ".csignore") continue;
    ++files;
    EXPECT_EQ(kExpected.count(name), 1u) << name << " has no expected outcome in this test";
  }
  EXPECT_EQ(files, kExpected.size());
  EXPECT_GE(files, 40u);
}

TEST_F(HostileCorpus, EachFileIsIndexedSalvagedOrSkippedWithOneWarning) {
  ASSERT_EQ(index_run().exit_code, 0) << index_run().err;
  for (const auto& [name, outcome] : kExpected) {
    const std::vector<std::string> warnings = lines_about(index_run().err, name);
    const bool added = !lines_about(index_run().out, name).empty();
    switch (outcome) {
      case Outcome::kIndexed:
        EXPECT_TRUE(added) << name;
        EXPECT_THAT(warnings, IsEmpty()) << name;
        break;
      case Outcome::kSalvaged:
        EXPECT_TRUE(added) << name;
        EXPECT_THAT(warnings, Not(IsEmpty())) << name;
        break;
      case Outcome::kSkipped:
        EXPECT_FALSE(added) << name;
        ASSERT_EQ(warnings.size(), 1u) << name << ":\n" << index_run().err;
        EXPECT_THAT(warnings[0], ::testing::EndsWith("skipped")) << name;
        break;
      case Outcome::kIgnored:
        EXPECT_FALSE(added) << name;
        EXPECT_THAT(warnings, IsEmpty()) << name;
        break;
    }
  }
  for (const std::string& line : lines(index_run().err)) {
    EXPECT_THAT(line, ::testing::StartsWith("cs-index: warning: " + corpus().string() + "/"));
  }
}

// The large files are written at test time (support/hostile_fixtures.cpp): each still reaches
// the limit it was made for, not only the outcome.
TEST_F(HostileCorpus, TheGeneratedFilesReachTheLimitsTheyWereMadeFor) {
  EXPECT_THAT(lines_about(index_run().err, "json-deep-nesting.json"),
              ElementsAre(EndsWith(": JSON nested deeper than 500 levels; file skipped")));
  EXPECT_THAT(lines_about(index_run().err, "jsonl-deep-line.jsonl"),
              ElementsAre(EndsWith(": line 1: JSON nested deeper than 500 levels; line skipped")));
  EXPECT_THAT(lines_about(index_run().out, "many-tiny-records.jsonl"), ElementsAre(EndsWith(" (2000 articles)")));
}

TEST_F(HostileCorpus, TheSummaryCountsWhatWasSkipped) {
  std::map<Outcome, std::size_t> count;
  for (const auto& [name, outcome] : kExpected) ++count[outcome];
  EXPECT_THAT(index_run().out, HasSubstr(std::to_string(kExpected.size()) + " files: " +
                                        std::to_string(count[Outcome::kIndexed] + count[Outcome::kSalvaged]) +
                                        " read, 0 unchanged, " + std::to_string(count[Outcome::kSkipped]) +
                                        " skipped (bad input), " + std::to_string(count[Outcome::kIgnored]) + " ignored"));
}

TEST_F(HostileCorpus, NoEntityIsExpandedAndNoLocalFileRead) {
  for (const char* query : {"lollollol", "lol", "root", "bin bash", "nologin"}) {
    EXPECT_THAT(search_article_ids(db(), query), IsEmpty()) << query;
  }
}

TEST_F(HostileCorpus, LegacyEncodingsAreReadAsText) {
  EXPECT_THAT(search_article_ids(db(), "n\xC3\xA9gociateurs"), ::testing::Contains("latin1.txt"));
  EXPECT_THAT(search_article_ids(db(), "\xD0\xB0\xD0\xBB\xD1\x8E\xD0\xBC\xD0\xB8\xD0\xBD\xD0\xB8\xD0\xB9"),
              ::testing::Contains("koi8-r.txt"));  // алюминий
  EXPECT_THAT(search_article_ids(db(), "\xE8\xB4\xB8\xE6\x98\x93"), ::testing::Contains("gb18030.txt"));  // 贸易
  EXPECT_THAT(search_article_ids(db(), "\xE9\x96\xA2\xE7\xA8\x8E"), ::testing::Contains("shift-jis-meta.html"));  // 関税
}

TEST_F(HostileCorpus, NoControlCharacterOrBidiOverrideReachesAnyOutput) {
  for (const std::string format : {"text", "jsonl", "json", "tsv", "trec"}) {
    const CliResult r = search({"clear-screen", "--format", format, "--color", "never"});
    ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
    EXPECT_THAT(r.out, HasSubstr("terminal-escapes")) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("\x1B"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("\x07"))) << format;
    EXPECT_THAT(r.out, Not(HasSubstr("\xE2\x80\xAE"))) << format;  // U+202E right-to-left override
    EXPECT_THAT(r.out, Not(HasSubstr("pwned"))) << format << ": an OSC title sequence is dropped whole";
  }
}

TEST_F(HostileCorpus, OldMacLineEndsSeparateParagraphs) {
  const CliResult r = search({"Old Mac line endings", "--format", "jsonl"});
  EXPECT_THAT(r.out, Not(HasSubstr("endingsNegotiators")));
}

TEST(HostileFiles, OddNamesLinkLoopsAndLinksOutOfTheRootAreHandled) {
  TempDir dir;
  const fs::path in = dir / "in";
  write_file(in / "plain.txt", "Plain\n\nA plain article about tariffs.\n");
  write_file(in / "new\nline.txt", "Newline\n\nA file whose name holds a newline, about quotas.\n");
  write_file(in / "esc\x1B]0;pwned\x07name.txt", "Escape\n\nA file whose name holds an escape sequence, about quotas.\n");
  write_file(in / "bad\xFF\xFEname.txt", "Bad bytes\n\nA file whose name is not UTF-8, about quotas.\n");
  write_file(dir / "outside/secret.txt", "Secret\n\nThis file lies outside the indexed folder: confidential.\n");
  fs::create_directory_symlink(in, in / "loop");
  fs::create_directory_symlink("..", in / "up");
  fs::create_symlink(dir / "outside/secret.txt", in / "secret-link.txt");
  fs::create_symlink(in / "plain.txt", in / "inside-link.txt");
  fs::create_symlink(in / "missing.txt", in / "dangling.txt");
  ASSERT_EQ(::mkfifo((in / "fifo.txt").c_str(), 0600), 0);  // would block a reader forever
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), in.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("5 files: 5 read"));  // plain, three odd names, the inside link
  EXPECT_THAT(search_article_ids((dir / "db").string(), "confidential"), IsEmpty());
  EXPECT_EQ(search_article_ids((dir / "db").string(), "quotas").size(), 3u);
  const CliResult listed = run_cli(cs_search_binary(), {"--db", (dir / "db").string(), "quotas"});
  EXPECT_THAT(listed.out, Not(HasSubstr("\x1B]"))) << "file names are sanitised too";
  EXPECT_THAT(listed.out, Not(HasSubstr("\x07")));
}

TEST(HostileFiles, ATenMillionCharacterLineIsCutNotFatal) {
  TempDir dir;
  std::string line;
  line.reserve(10'000'000);
  while (line.size() < 10'000'000) line += "tariff ";
  write_file(dir / "in/one-line.txt", line);
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("one-line.txt: article 'one-line.txt' has 10 MB of text, cut at the 2 MB limit"));
  EXPECT_EQ(search_article_ids((dir / "db").string(), "tariff").size(), 1u);
}

// See issue #18: nlohmann refuses a lone surrogate escape, and the whole record was lost.
TEST(HostileFiles, RecordsWithBadUnicodeEscapesAreIndexedWithOneWarningEach) {
  TempDir dir;
  write_file(dir / "in/feed.jsonl",
             "{\"title\": \"Fine\", \"text\": \"Ordinary quotas.\"}\n"
             "{\"title\": \"Cut pair\", \"text\": \"Narwhal quotas \\ud800 rose.\"}\n"
             "{\"title\": \"Low half\", \"text\": \"Walrus \\udc00\\udc00 quotas.\"}\n"
             "{\"title\": \"Terminator\", \"text\": \"Okapi quotas\\u0000 fell.\"}\n"
             "{\"title\": \"Escaped\", \"text\": \"Beluga path C:\\\\ud800 quotas.\"}\n");
  write_file(dir / "in/one.json", "{\"title\": \"Single\",\n \"text\": \"Axolotl \\ud83d quotas.\"}\n");
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string feed = (dir / "in/feed.jsonl").string();
  // One warning a record; files may be read on parallel threads, so in either file order.
  EXPECT_THAT(lines(r.err),
              ::testing::UnorderedElementsAre(
                  "cs-index: warning: " + feed +
                      ": line 2: invalid \\u escape (lone surrogate U+D800) replaced with U+FFFD; record indexed",
                  "cs-index: warning: " + feed +
                      ": line 3: invalid \\u escapes (2 lone surrogates, the first U+DC00) replaced with U+FFFD; "
                      "record indexed",
                  "cs-index: warning: " + feed + ": line 4: invalid \\u escape (U+0000) dropped; record indexed",
                  "cs-index: warning: " + (dir / "in/one.json").string() +
                      ": line 2: invalid \\u escape (lone surrogate U+D83D) replaced with U+FFFD; record indexed"));
  EXPECT_THAT(r.out, HasSubstr("2 files: 2 read"));
  const std::string db = (dir / "db").string();
  EXPECT_EQ(search_article_ids(db, "quotas").size(), 6u);
  EXPECT_THAT(search_article_ids(db, "narwhal"), ::testing::ElementsAre("feed.jsonl#2"));
  EXPECT_THAT(search_article_ids(db, "walrus"), ::testing::ElementsAre("feed.jsonl#3"));
  EXPECT_THAT(search_article_ids(db, "okapi"), ::testing::ElementsAre("feed.jsonl#4"));
  EXPECT_THAT(search_article_ids(db, "axolotl"), ::testing::ElementsAre("one.json"));
  const CliResult shown = run_cli(cs_search_binary(), {"--db", db, "narwhal", "--format", "jsonl"});
  EXPECT_THAT(shown.out, HasSubstr("Narwhal quotas \xEF\xBF\xBD rose.")) << "U+FFFD where the surrogate was";
  const CliResult escaped = run_cli(cs_search_binary(), {"--db", db, "beluga", "--format", "jsonl"});
  EXPECT_THAT(escaped.out, HasSubstr(R"(C:\\ud800 quotas.)")) << "an escaped backslash is text, left alone";
}

TEST(HostileFiles, AFileOverTheSizeLimitIsSkippedUnread) {
  TempDir dir;
  // Sparse: 200 MB on disk costs no space and no time to write.
  const fs::path big = dir / "in/huge.jsonl";
  fs::create_directories(big.parent_path());
  { std::ofstream(big) << "{}"; }
  fs::resize_file(big, 200u << 20);
  write_file(dir / "in/small.txt", "Small\n\nA small article about quotas.\n");
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("huge.jsonl: file is 200 MB, over the 64 MB limit; skipped; raise --max-file-size"));
  EXPECT_THAT(r.out, HasSubstr("1 read, 0 unchanged, 1 skipped"));
}

}  // namespace
}  // namespace cs::test
