// Runs the real cs-index in temporary folders: where it writes, how it treats bad input,
// re-indexing, locking and its exit codes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

constexpr const char* kGoodArticle =
    "Tariff Talks Stall\n\nMarch 3, 2024\n\nNegotiators from both countries met in Geneva to discuss tariffs on "
    "steel, aluminium and semiconductors, but left without agreement on a schedule.\n";

TEST(CsIndexCli, BothProgramsAgreeOnTheDefaultDatabase) {
  TempDir home;
  const std::map<std::string, std::string> env = {{"XDG_DATA_HOME", home.path().string()}, {"CS_DB", ""}};
  const CliResult indexed = run_cli(cs_index_binary(), {}, env);
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  EXPECT_THAT(indexed.out, HasSubstr("4 files: 4 read, 0 unchanged, 0 skipped"));
  EXPECT_TRUE(std::filesystem::exists(home / "cs-search/db/iamglass"));
  EXPECT_EQ(run_cli(cs_search_binary(), {"Taiwan"}, env).exit_code, 0);
}

TEST(CsIndexCli, CsDbNamesTheDatabase) {
  TempDir dir;
  const std::map<std::string, std::string> env = {{"CS_DB", (dir / "env-db").string()}};
  ASSERT_EQ(run_cli(cs_index_binary(), {corpus_dir().string()}, env).exit_code, 0);
  EXPECT_TRUE(std::filesystem::exists(dir / "env-db/iamglass"));
  EXPECT_EQ(run_cli(cs_search_binary(), {"Taiwan"}, env).exit_code, 0);
}

TEST(CsIndexCli, BadFilesAreWarnedCountedAndTheRestIndexes) {
  TempDir dir;
  write_file(dir / "in/good.txt", kGoodArticle);
  write_file(dir / "in/binary.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  write_file(dir / "in/empty.txt", "");
  write_file(dir / "in/broken.md", "---\ntitle: [unclosed\n---\nThe body of a note about semiconductors.\n");
  write_file(dir / "in/huge.txt", std::string(3u << 20, 'a'));
  write_file(dir / "in/picture.png", "not an article");
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), "--max-file-size", "1", (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("6 files: 2 read, 0 unchanged, 3 skipped (bad input), 1 ignored (not articles)"));
  const auto warnings = lines(r.err);
  ASSERT_EQ(warnings.size(), 4u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("in/binary.txt: binary file (NUL bytes); skipped"));
  EXPECT_THAT(r.err, HasSubstr("in/empty.txt: the file is empty; skipped"));
  EXPECT_THAT(r.err, HasSubstr("in/broken.md: line 3: invalid YAML front matter"));
  EXPECT_THAT(r.err, HasSubstr("in/huge.txt: file is 3 MB, over the 1 MB limit; skipped"));
  for (const auto& line : warnings) EXPECT_THAT(line, StartsWith("cs-index: warning: "));
  const std::string db = (dir / "db").string();
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db, "tariffs"}).exit_code, 0);
  EXPECT_THAT(run_cli(cs_search_binary(), {"--db", db, "semiconductors", "--format", "trec"}).out, HasSubstr("broken.md"));
}

// Issue #21: counts read as people write them, and the site lines left out can be seen.
TEST(CsIndexCli, TheSummarySaysOneAsOneAndVerboseListsTheSiteLinesLeftOut) {
  TempDir dir;
  std::string feed;
  for (int i = 0; i < 4; ++i) {
    feed += R"({"id": "s)" + std::to_string(i) + R"(", "source": "Harbour Times", "title": "Dock story )" +
            std::to_string(i) + R"(", "text": "Dock workers met on day )" + std::to_string(i) +
            R"( to discuss the pay offer.\n\nThe port desk covers shipping every weekday"})" + "\n";
  }
  write_file(dir / "in/feed.jsonl", feed);
  const std::string db = (dir / "db").string();
  const CliResult r = run_cli(cs_index_binary(), {"--db", db, "--verbose", (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cs-index: 1 file: 1 read,"));
  EXPECT_THAT(r.out, HasSubstr("; 0 warnings\n"));
  EXPECT_THAT(r.out, HasSubstr("cs-index: site line of Harbour Times left out of 4 articles: The port desk covers shipping every weekday\n"));
  EXPECT_THAT(r.out, HasSubstr("cs-index: 4 site lines left out (repeated across articles of one source; --verbose lists them)"));
  EXPECT_THAT(r.out, HasSubstr("holds 4 articles"));
  write_file(dir / "one/note.txt", "Harbour pay talks\n\nDock workers accepted the offer.\n");
  const CliResult one = run_cli(cs_index_binary(), {"--db", (dir / "db1").string(), (dir / "one").string()});
  EXPECT_THAT(one.out, HasSubstr("holds 1 article\n"));
  EXPECT_THAT(one.out, HasSubstr("; 1 passage written"));
}

TEST(CsIndexCli, ReindexingReplacesArticlesInsteadOfAddingThem) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()}).exit_code, 0);
  const Xapian::doccount after_first = Xapian::Database(db).get_doccount();
  ASSERT_EQ(after_first, 4u) << "one document per article";
  const CliResult second = run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_EQ(Xapian::Database(db).get_doccount(), after_first);
  EXPECT_THAT(second.out, HasSubstr("holds " + std::to_string(after_first) + " articles"));
}

TEST(CsIndexCli, ASecondWriterGetsALockedError) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()}).exit_code, 0);
  Xapian::WritableDatabase holder(db, Xapian::DB_OPEN);
  const CliResult r = run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines(r.err).size(), 1u);
  EXPECT_THAT(r.err, HasSubstr("database is locked by another Xapian writer; wait for it to finish"));
  // Searching still works while the writer holds the lock.
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db, "Taiwan"}).exit_code, 0);
}

TEST(CsIndexCli, ADatabasePathThatIsAFileIsAnError) {
  TempDir dir;
  write_file(dir / "file", "x");
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "file").string(), corpus_dir().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("is a file, not a database folder"));
}

TEST(CsIndexCli, MissingPathIsReportedAndFailsTheRun) {
  TempDir dir;
  write_file(dir / "in/good.txt", kGoodArticle);
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "nope").string(), (dir / "in").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("nope: no such file or folder"));
  EXPECT_THAT(r.out, HasSubstr("1 read"));
}

TEST(CsIndexCli, UnsupportedNamedFileIsSkippedWithAWarning) {
  TempDir dir;
  write_file(dir / "report.pdf", "%PDF-1.7");
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "report.pdf").string()});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, HasSubstr("report.pdf: not a supported article format"));
  EXPECT_THAT(r.out, HasSubstr("1 skipped"));
}

TEST(CsIndexCli, FileNamesInWarningsAreSanitised) {
  TempDir dir;
  write_file(dir / "in/evil\x1B[2Jname.txt", std::string("\0\0\0", 3));
  const CliResult r = run_cli(cs_index_binary(), {"--db", (dir / "db").string(), (dir / "in").string()});
  EXPECT_THAT(r.err, HasSubstr("binary file"));
  EXPECT_THAT(r.err, Not(HasSubstr("\x1B")));
}

TEST(CsIndexCli, AFolderMixingFormatsIndexesInOneRun) {
  TempDir dir;
  write_file(dir / "in/reuters.com/call.txt", kGoodArticle);
  write_file(dir / "in/notes/call.md", "---\ntitle: Notes on the call\ntags: [trade]\n---\nThe call touched on export controls.\n");
  write_file(dir / "in/api/newsapi.json",
             R"({"articles": [{"title": "Export controls widen", "source": {"name": "Reuters"},
                 "content": "The rules cover advanced chips."}]})");
  write_file(dir / "in/feeds/dump.jsonl",
             "{\"id\": \"w1\", \"title\": \"Chip curbs\", \"text\": \"Beijing criticised the chip curbs.\"}\n"
             "{\"id\": \"w2\", \"title\": \"broken\"\n"
             "{\"id\": \"w3\", \"title\": \"Chip stocks fall\", \"text\": \"Shares of chip makers fell.\"}\n");
  write_file(dir / "in/scmp.com/page.html",
             "<html><head><meta property='og:site_name' content='SCMP'><script>var chip = 1;</script></head>"
             "<body><nav>Chip news menu</nav><article><h1>Chip war widens</h1>"
             "<p>Beijing answered the chip controls with export curbs of its own on Tuesday, limiting "
             "shipments of gallium and germanium.</p><p>Officials said the measures would take effect next month "
             "and that licences would be granted case by case.</p></article></body></html>");
  write_file(dir / "in/feeds/wire.rss",
             "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><item><title>Chip talks</title>"
             "<guid>wire-9</guid><description>&lt;p&gt;Chip talks resumed in Geneva.&lt;/p&gt;</description></item>"
             "</channel></rss>");
  const std::string db = (dir / "db").string();
  const CliResult r = run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("6 files: 6 read, 0 unchanged, 0 skipped (bad input), 0 ignored (not articles)"));
  EXPECT_THAT(r.out, HasSubstr("articles added 7,"));
  ASSERT_EQ(lines(r.err).size(), 1u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("feeds/dump.jsonl: line 2, column "));
  EXPECT_THAT(r.err, HasSubstr("JSON cut short"));
  EXPECT_THAT(r.err, HasSubstr("; line skipped"));

  const CliResult chips = run_cli(cs_search_binary(), {"--db", db, "chip", "--format", "trec"});
  EXPECT_THAT(chips.out, HasSubstr(" w1 "));
  EXPECT_THAT(chips.out, HasSubstr(" w3 "));
  EXPECT_THAT(chips.out, HasSubstr("api/newsapi.json#1"));
  EXPECT_THAT(chips.out, HasSubstr("scmp.com/page.html"));
  EXPECT_THAT(chips.out, HasSubstr(" wire-9 "));
  EXPECT_THAT(run_cli(cs_search_binary(), {"--db", db, "menu"}).exit_code, 1) << "navigation is not text";
  EXPECT_THAT(run_cli(cs_search_binary(), {"--db", db, "var"}).exit_code, 1) << "scripts are not text";
  const CliResult json = run_cli(cs_search_binary(), {"--db", db, "export controls", "--format", "jsonl"});
  EXPECT_THAT(json.out, HasSubstr("\"source\":\"Reuters\""));
  EXPECT_THAT(json.out, HasSubstr("\"topics\":[\"trade\"]"));
}

// One wire story, as outlets that ran it save it with their own headline and credit line.
const std::string kWireStory =
    "Chinese and American negotiators agreed on Thursday to resume talks on tariffs and export controls next month "
    "in Geneva, officials from both governments said, after a phone call between the two leaders that both sides "
    "described as candid. The agreement ends a pause of almost a year in which each side added new restrictions on "
    "the other's technology companies, and it sets a deadline of the end of the year for a first package of measures.";

TEST(CsIndexCli, TheSameWireStoryFromSeveralOutletsIsOneHit) {
  TempDir dir;
  const std::string& wire = kWireStory;
  write_file(dir / "in/reuters.com/talks.txt", "Talks to resume in Geneva\n\n" + wire + "\n\nReporting by Jane Doe.\n");
  write_file(dir / "in/apnews.com/talks.txt", "US, China agree to resume talks\n\nGENEVA (AP) - " + wire + "\n");
  write_file(dir / "in/other.com/different.txt", "Markets\n\nShares in Asia rose on Friday as investors welcomed news that "
             "the talks would resume, with technology companies leading the gains in Tokyo, Seoul and Hong Kong while "
             "bond yields held steady ahead of central bank meetings next week.\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()}).exit_code, 0);
  // A later run puts a new copy into the story the database already holds.
  write_file(dir / "later/cnn.com/talks.txt", "Talks resume\n\n" + wire + "\n\nCNN's Kevin Liptak contributed.\n");
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, (dir / "later").string()}).exit_code, 0);

  const CliResult r = run_cli(cs_search_binary(), {"--db", db, "talks resume", "--format", "jsonl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = lines(r.out);
  ASSERT_EQ(hits.size(), 2u) << r.out;  // the wire story once, the markets story
  std::size_t stories_with_copies = 0;
  for (const auto& line : hits) {
    const auto hit = nlohmann::json::parse(line);
    if (hit["also_in"].size() == 2) ++stories_with_copies;
    if (hit["article_id"] == "other.com/different.txt") {
      EXPECT_TRUE(hit["also_in"].empty());
    }
  }
  EXPECT_EQ(stories_with_copies, 1u) << r.out;
  EXPECT_THAT(run_cli(cs_search_binary(), {"--db", db, "Geneva"}).out, HasSubstr("also in: "));

  // A session's later searches collapse stories and list their other articles from the story
  // keys it holds in memory (value_table.hpp), its first from the documents and the story's
  // term: a batch asking the same thing three times gets one answer three times.
  const CliResult batch = run_cli(cs_search_binary(), {"--db", db, "--batch", "-", "--format", "jsonl"}, {},
                                  "1\ttalks resume\n2\ttalks resume\n3\ttalks resume\n");
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  std::map<std::string, std::vector<nlohmann::json>> answers;
  for (const auto& line : lines(batch.out)) {
    nlohmann::json hit = nlohmann::json::parse(line);
    const std::string qid = hit["qid"];
    hit.erase("qid");
    answers[qid].push_back(std::move(hit));
  }
  ASSERT_EQ(answers["1"].size(), 2u) << batch.out;
  EXPECT_EQ(answers["1"][0]["also_in"].size() + answers["1"][1]["also_in"].size(), 2u) << batch.out;
  EXPECT_EQ(answers["2"], answers["1"]);
  EXPECT_EQ(answers["3"], answers["1"]);
}

// Text names a hit's story by its other articles' sources, read from their facet keys in one
// command and from the sources a session holds in memory in its later searches (it reads
// no record of theirs); an article without a source is named by its id.
TEST(CsIndexCli, TextNamesAStorysOtherArticlesBySourceTheSameInOneCommandAndInASession) {
  TempDir dir;
  const std::string& wire = kWireStory;
  write_file(dir / "in/reuters.com/talks.txt", "Talks to resume in Geneva\n\n" + wire + "\n\nReporting by Jane Doe.\n");
  write_file(dir / "in/apnews.com/talks.txt", "US, China agree to resume talks\n\nGENEVA (AP) - " + wire + "\n");
  write_file(dir / "in/notes.txt", "Talks resume\n\n" + wire + "\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()}).exit_code, 0);

  const CliResult one = run_cli(cs_search_binary(), {"--db", db, "talks", "--source", "reuters.com"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_THAT(one.out, HasSubstr("also in: apnews.com, notes.txt\n")) << one.out;
  const CliResult json = run_cli(cs_search_binary(), {"--db", db, "talks", "--source", "reuters.com", "--format", "jsonl"});
  const auto hit = nlohmann::json::parse(json.out);
  ASSERT_EQ(hit["also_in"].size(), 2u) << json.out;
  EXPECT_EQ(hit["also_in"][0]["title"], "US, China agree to resume talks") << "JSON reads the members' records";
  EXPECT_EQ(hit["also_in"][1]["article_id"], "notes.txt");

  const CliResult batch = run_cli(cs_search_binary(), {"--db", db, "--batch", "-", "--source", "reuters.com"}, {},
                                  "1\ttalks\n2\ttalks\n3\ttalks\n4\ttalks\n");
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  std::size_t named = 0;
  for (const std::string& line : lines(batch.out)) {
    if (line.find("also in: ") == std::string::npos) continue;
    EXPECT_EQ(line, "    also in: apnews.com, notes.txt") << batch.out;
    ++named;
  }
  EXPECT_EQ(named, 4u) << batch.out;
}

TEST(CsIndexCli, ChineseQueriesFindChineseArticles) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const CliResult indexed = run_cli(cs_index_binary(), {"--db", db, (fixtures_dir() / "readers/html/legacy-gb2312.html").string(),
                                                        (fixtures_dir() / "readers/text/undeclared-big5.txt").string()});
  ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  const CliResult simplified = run_cli(cs_search_binary(), {"--db", db, "习近平", "--format", "trec"});
  EXPECT_EQ(simplified.exit_code, 0) << simplified.err;
  EXPECT_THAT(simplified.out, HasSubstr("legacy-gb2312.html"));
  EXPECT_THAT(simplified.out, Not(HasSubstr("undeclared-big5.txt")));
  const CliResult phrase = run_cli(cs_search_binary(), {"--db", db, "\"美國國務院\"", "--format", "trec"});
  EXPECT_THAT(phrase.out, HasSubstr("undeclared-big5.txt"));
  const CliResult simplified_phrase = run_cli(cs_search_binary(), {"--db", db, "\"美国国务院\"", "--format", "trec"});
  EXPECT_THAT(simplified_phrase.out, HasSubstr("undeclared-big5.txt")) << "simplified finds traditional";
  const CliResult traditional = run_cli(cs_search_binary(), {"--db", db, "習近平", "--format", "trec"});
  EXPECT_THAT(traditional.out, HasSubstr("legacy-gb2312.html")) << "traditional finds simplified";
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db, "拜登 NEAR/5 通电话", "--format", "trec"}).exit_code, 0);
}

TEST(CsIndexCli, UsageErrorsAndHelp) {
  EXPECT_EQ(run_cli(cs_index_binary(), {"--bogus"}).exit_code, 2);
  EXPECT_EQ(run_cli(cs_index_binary(), {"--batch-mb", "0"}).exit_code, 2);
  const CliResult help = run_cli(cs_index_binary(), {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("Exit status"));
  EXPECT_THAT(run_cli(cs_index_binary(), {"--version"}).out, HasSubstr("cs-index 0.1.0 (Xapian"));
}

TEST(CsIndexCli, AFullDiskIsOneClearErrorAndTheNextRunResumes) {
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/prlimit")) << "needs prlimit (util-linux, an essential Debian package)";
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()}).exit_code, 0);
  for (int i = 0; i < 300; ++i) {
    write_file(dir / ("in/a" + std::to_string(i) + ".txt"),
               "Article " + std::to_string(i) + "\n\nQuota number " + std::to_string(i * 7919) + " for cod and haddock.\n");
  }
  // A file size limit makes the database's writes fail as on a full disk.
  const CliResult full = run_cli("/usr/bin/prlimit", {"--fsize=200000", cs_index_binary().string(), "--db", db, (dir / "in").string()});
  EXPECT_EQ(full.exit_code, 2);
  ASSERT_EQ(lines(full.err).size(), 1u) << full.err;
  EXPECT_THAT(full.err, HasSubstr("write failed"));
  EXPECT_THAT(full.err, HasSubstr("check free disk space; the last commit is intact"));
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db, "Taiwan"}).exit_code, 0) << "what was indexed before is kept";
  const CliResult resumed = run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()});
  ASSERT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(search_article_ids(db, "haddock", {"--limit", "1000"}).size(), 300u);
}

TEST(CsIndexCli, ProgressIsShownOnATerminalOnlyAndQuietSilencesIt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  const CliResult piped = run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()});
  EXPECT_EQ(piped.err, "") << "no progress when standard error is not a terminal";
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/script")) << "needs script (bsdutils, an essential Debian package) for a terminal";
  const std::string command = cs_index_binary().string() + " --rebuild --db " + db + " " + corpus_dir().string();
  const CliResult on_terminal = run_cli("/usr/bin/script", {"-qec", command, "/dev/null"});
  ASSERT_EQ(on_terminal.exit_code, 0) << on_terminal.out;
  EXPECT_THAT(on_terminal.out, HasSubstr("\r\x1B[Kcs-index: 4/4 files, "));
  EXPECT_THAT(on_terminal.out, HasSubstr(" MB/s"));
  EXPECT_THAT(on_terminal.out, HasSubstr("articles added 4"));
  const CliResult quiet = run_cli("/usr/bin/script", {"-qec", command + " --quiet", "/dev/null"});
  EXPECT_EQ(quiet.out, "");
}

TEST(CsIndexCli, TheConfigFileSetsTheDatabaseAndLimitsAndTheCommandLineWins) {
  TempDir dir;
  write_file(dir / "in/long.txt", "Long\n\n" + std::string(3000, 'x') + " tariffs\n");
  write_file(dir / "config/cs-search/cs-index.conf",
             "# cs-index defaults\ndb = " + (dir / "configured-db").string() + "\nmax-file-size = 0.001\n");
  const std::map<std::string, std::string> env = {{"XDG_CONFIG_HOME", (dir / "config").string()}, {"CS_DB", ""}};
  const CliResult configured = run_cli(cs_index_binary(), {(dir / "in").string()}, env);
  EXPECT_EQ(configured.exit_code, 0);
  EXPECT_THAT(configured.err, HasSubstr("long.txt: file is 3 KB, over the 1 KB limit"));
  EXPECT_TRUE(std::filesystem::exists(dir / "configured-db/iamglass"));
  const CliResult overridden =
      run_cli(cs_index_binary(), {"--max-file-size", "1", "--db", (dir / "other-db").string(), (dir / "in").string()}, env);
  EXPECT_EQ(overridden.err, "");
  EXPECT_THAT(overridden.out, HasSubstr("articles added 1"));
  EXPECT_TRUE(std::filesystem::exists(dir / "other-db/iamglass"));
}

}  // namespace
}  // namespace cs::test
