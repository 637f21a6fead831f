// Runs the real cs-index against folders it did not make (someone's files with a damaged or
// foreign Xapian version file, another program's Xapian database, a folder beside the
// database with the name a rebuild uses): whatever the options, nothing there changes, byte
// for byte. And under the permissions a service gets, as an unprivileged user: a database
// folder whose parent it cannot write, unreadable files among readable ones, a read-only
// database that is searched.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

// Someone's folder with a damaged or foreign Xapian version file among their files.
void write_precious_folder(const fs::path& folder) {
  std::string random_bytes;
  for (int i = 0; i < 64; ++i) random_bytes.push_back(static_cast<char>((i * 151 + 7) % 256));
  write_file(folder / "iamglass", random_bytes);
  write_file(folder / "README.txt", "my notes, not a database\n");
  write_file(folder / "data.db", std::string("SQLite format 3\0\x10\x00", 18));
}

// A database another Xapian program wrote (as Omega's omindex does: Q terms, a data record).
void write_omega_database(const fs::path& folder) {
  Xapian::WritableDatabase db(folder.string(), Xapian::DB_CREATE_OR_OPEN);
  for (int i = 0; i < 3; ++i) {
    Xapian::Document document;
    document.add_boolean_term("Q/page-" + std::to_string(i));
    document.add_term("omega");
    document.set_data("url=/page-" + std::to_string(i) + "\nsample=An Omega page");
    db.add_document(document);
  }
  db.commit();
}

// Every way cs-index can be asked to write to, rebuild or replace `db`.
std::vector<std::vector<std::string>> every_write(const std::string& db) {
  const std::string corpus = corpus_dir().string();
  return {{"--db", db, corpus},
          {"--db", db, "--jobs", "1", corpus},
          {"--db", db, "--jobs", "2", corpus},
          {"--db", db, "--shards", "2", corpus},
          {"--db", db, "--rebuild", corpus},
          {"--db", db, "--rebuild", "--jobs", "2", corpus},
          {"--db", db, "--rebuild", "--shards", "2", corpus}};
}

std::string joined(const std::vector<std::string>& args) {
  std::string line;
  for (const std::string& arg : args) line += arg + " ";
  return line;
}

// Runs every write against `folder` and checks each is refused in one line saying `found`,
// with the folder, and the folders a rebuild would use beside it, untouched.
void expect_every_write_refused(const fs::path& folder, const std::string& found) {
  const auto before = folder_contents(folder.parent_path());
  for (const auto& args : every_write(folder.string())) {
    const CliResult result = run_cli(cs_index_binary(), args);
    EXPECT_EQ(result.exit_code, 2) << joined(args);
    EXPECT_EQ(lines(result.err).size(), 1u) << joined(args) << result.err;
    EXPECT_THAT(result.err, HasSubstr(folder.string() + ": " + found)) << joined(args);
    EXPECT_THAT(result.err, HasSubstr("never writes to, rebuilds or deletes a folder it did not create"));
    EXPECT_EQ(folder_contents(folder.parent_path()), before) << joined(args) << " changed something";
  }
}

TEST(CsIndexOwnership, AFolderWithADamagedXapianFileAmongOtherFilesIsNeverTouched) {
  TempDir dir;
  write_precious_folder(dir / "F");
  expect_every_write_refused(dir / "F", "holds a Xapian database not written by cs-index");
}

TEST(CsIndexOwnership, AnotherProgramsXapianDatabaseIsRefusedAndRebuildRefusesToo) {
  TempDir dir;
  write_omega_database(dir / "omega-db");
  expect_every_write_refused(dir / "omega-db", "holds a Xapian database not written by cs-index");
  EXPECT_EQ(Xapian::Database((dir / "omega-db").string()).get_doccount(), 3u);
}

TEST(CsIndexOwnership, AFolderOfOtherFilesIsRefused) {
  TempDir dir;
  write_file(dir / "photos/cat.jpg", "\xff\xd8\xff");
  write_file(dir / "photos/2024/dog.jpg", "\xff\xd8\xff");
  expect_every_write_refused(dir / "photos", "folder is not a cs-search database");
}

TEST(CsIndexOwnership, ARebuildNeverDeletesAFolderItDidNotMakeBesideTheDatabase) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, "--quiet", corpus_dir().string()}).exit_code, 0);
  const std::vector<std::string> found = search_article_ids(db, "Taiwan");
  ASSERT_FALSE(found.empty());
  for (const std::string& beside : {db + ".rebuild", db + ".rebuild/.parts"}) {
    write_file(fs::path(beside) / "keep-me.txt", "precious\n");
    const auto before = folder_contents(dir.path());
    for (const char* jobs : {"1", "2"}) {
      const CliResult rebuilt = run_cli(cs_index_binary(), {"--db", db, "--rebuild", "--jobs", jobs, corpus_dir().string()});
      EXPECT_EQ(rebuilt.exit_code, 2) << beside;
      EXPECT_THAT(rebuilt.err, HasSubstr(db + ".rebuild: folder is not a cs-search database"));
      EXPECT_EQ(folder_contents(dir.path()), before) << beside;
    }
    EXPECT_EQ(search_article_ids(db, "Taiwan"), found) << "the database is still the one before";
    fs::remove_all(db + ".rebuild");
  }
  const CliResult rebuilt = run_cli(cs_index_binary(), {"--db", db, "--rebuild", "--quiet", corpus_dir().string()});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_EQ(search_article_ids(db, "Taiwan"), found);
  EXPECT_FALSE(fs::exists(db + ".rebuild"));
}

TEST(CsIndexOwnership, ADatabaseAnEarlierCsIndexWroteWithoutTheMarkerIsStillIndexedAndRebuilt) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, "--quiet", corpus_dir().string()}).exit_code, 0);
  const fs::path marker = dir / "db" / "cs-search-database";
  ASSERT_TRUE(fs::exists(marker));
  fs::remove(marker);
  const CliResult again = run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("added 0, updated 0, removed 0"));
  EXPECT_TRUE(fs::exists(marker));
  fs::remove(marker);
  const CliResult rebuilt = run_cli(cs_index_binary(), {"--db", db, "--rebuild", "--quiet", corpus_dir().string()});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
  EXPECT_TRUE(fs::exists(marker));
  EXPECT_FALSE(search_article_ids(db, "Taiwan").empty());
}

TEST(CsIndexOwnership, ATrailingSlashOrASymbolicLinkRebuildsTheFolderItNames) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, "--quiet", corpus_dir().string()}).exit_code, 0);
  const CliResult slash = run_cli(cs_index_binary(), {"--db", db + "/", "--rebuild", "--quiet", corpus_dir().string()});
  ASSERT_EQ(slash.exit_code, 0) << slash.err;
  EXPECT_FALSE(fs::exists(dir / "db" / ".rebuild")) << "the new database is built beside, never inside";
  EXPECT_FALSE(fs::exists(dir / "db.rebuild"));
  fs::create_directory_symlink(dir / "db", dir / "link");
  const CliResult linked =
      run_cli(cs_index_binary(), {"--db", (dir / "link").string(), "--rebuild", "--quiet", corpus_dir().string()});
  ASSERT_EQ(linked.exit_code, 0) << linked.err;
  EXPECT_TRUE(fs::is_symlink(dir / "link")) << "the link stays a link";
  EXPECT_FALSE(fs::exists(dir / "link.rebuild"));
  EXPECT_FALSE(search_article_ids((dir / "link").string(), "Taiwan").empty());
}

TEST(CsIndexOwnership, PartsCsIndexDidNotMakeAreRefusedBeforeTheDatabaseIsTouched) {
  TempDir dir;
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, "--quiet", corpus_dir().string()}).exit_code, 0);
  write_file(dir / "db/.parts/XAPIANDB", "auto shard-1\n");  // no marker: not cs-index's
  write_file(dir / "db/.parts/shard-1/notes.txt", "mine\n");
  const auto before = folder_contents(dir / "db");
  const CliResult run = run_cli(cs_index_binary(), {"--db", db, corpus_dir().string()});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr(db + "/.parts: "));
  EXPECT_THAT(run.err, HasSubstr("move or delete it"));
  EXPECT_EQ(folder_contents(dir / "db"), before);
  EXPECT_FALSE(search_article_ids(db, "Taiwan").empty());
}

// A service's layout: /var/lib/cs-search (root's) holding db (the service user's), and a
// copy of the bundled corpus that user can read.
class ServicePermissions : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::permissions(dir_.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                     fs::perms::others_read | fs::perms::others_exec);
    fs::copy(corpus_dir(), corpus(), fs::copy_options::recursive);
    fs::create_directories(db());
    ASSERT_EQ(::chown(db().c_str(), unprivileged_uid(), unprivileged_gid()), 0);
    fs::permissions(parent(), fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  }
  void TearDown() override {
    fs::permissions(parent(), fs::perms::owner_all);
    fs::permissions(db(), fs::perms::owner_all, fs::perm_options::add);
  }
  fs::path parent() const { return dir_ / "var-lib-cs-search"; }
  fs::path db() const { return parent() / "db"; }
  std::string corpus() const { return (dir_ / "corpus").string(); }

  TempDir dir_;
};

TEST_F(ServicePermissions, AParallelFirstBuildNeedsOnlyTheDatabaseFolder) {
  const CliResult built = run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), "--jobs", "2", corpus()});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(built.err, "");
  const CliResult found = run_cli_unprivileged(cs_search_binary(), {"--db", db().string(), "Taiwan", "--format", "jsonl"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(lines(found.out).size(), 1u) << "the bundled corpus's one article on Taiwan";
  EXPECT_FALSE(fs::exists(db() / ".parts")) << "the parts are merged and gone";
  EXPECT_EQ(std::distance(fs::directory_iterator(parent()), fs::directory_iterator()), 1) << "nothing beside it";
}

TEST_F(ServicePermissions, ARebuildSaysItNeedsAWritableParentAndLeavesTheDatabaseAsItWas) {
  ASSERT_EQ(run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), "--quiet", corpus()}).exit_code, 0);
  const auto before = folder_contents(db());
  const CliResult rebuilt = run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), "--rebuild", corpus()});
  EXPECT_EQ(rebuilt.exit_code, 2);
  EXPECT_EQ(lines(rebuilt.err).size(), 1u) << rebuilt.err;
  EXPECT_THAT(rebuilt.err, HasSubstr("--rebuild writes the new database beside this one, in " + parent().string()));
  EXPECT_THAT(rebuilt.err, HasSubstr("make that folder writable"));
  EXPECT_EQ(folder_contents(db()), before);
}

TEST_F(ServicePermissions, AnUnreadableFileOrFolderIsOneWarningEachAndTheRestIndexes) {
  const fs::path articles = corpus();
  const fs::path secret_file = articles / "cfr.org" / fs::directory_iterator(articles / "cfr.org")->path().filename();
  const fs::path secret_folder = articles / "nytimes.com";
  fs::permissions(secret_file, fs::perms::none);
  fs::permissions(secret_folder, fs::perms::none);
  const CliResult run = run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), articles.string()});
  fs::permissions(secret_folder, fs::perms::owner_all);
  EXPECT_EQ(lines(run.err).size(), 2u) << run.err;
  EXPECT_THAT(run.err, HasSubstr(secret_file.string() + ": "));
  EXPECT_THAT(run.err, HasSubstr(secret_folder.string() + ": "));
  EXPECT_THAT(run.out, HasSubstr("1 skipped"));
  EXPECT_THAT(run.out, HasSubstr("articles added 2,")) << "the bundled four less the unreadable file and folder";
  const CliResult found = run_cli_unprivileged(cs_search_binary(), {"--db", db().string(), "Biden", "--format", "jsonl"});
  EXPECT_EQ(found.exit_code, 0) << found.err;
}

TEST_F(ServicePermissions, AFolderThatCannotBeListedKeepsTheArticlesItGaveBefore) {
  ASSERT_EQ(run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), "--quiet", corpus()}).exit_code, 0);
  const fs::path folder = fs::path(corpus()) / "cnn.com";
  // Its files can still be read by name, but the folder cannot be listed.
  fs::permissions(folder, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);
  const CliResult again = run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), corpus()});
  fs::permissions(folder, fs::perms::owner_all);
  EXPECT_THAT(again.err, HasSubstr(folder.string() + ": cannot read folder"));
  EXPECT_THAT(again.out, HasSubstr("removed 0"));
  const CliResult found = run_cli_unprivileged(cs_search_binary(), {"--db", db().string(), "Biden", "--format", "jsonl"});
  EXPECT_EQ(found.exit_code, 0) << "the article of the folder not looked at is still there";
}

TEST_F(ServicePermissions, AReadOnlyDatabaseIsSearched) {
  ASSERT_EQ(run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), "--quiet", corpus()}).exit_code, 0);
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(db())) {
    if (entry.is_regular_file()) fs::permissions(entry.path(), fs::perms::owner_write | fs::perms::group_write |
                                                                   fs::perms::others_write, fs::perm_options::remove);
  }
  fs::permissions(db(), fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);  // the service may read it, no longer write it
  const CliResult found = run_cli_unprivileged(cs_search_binary(), {"--db", db().string(), "Taiwan", "--format", "jsonl"});
  ASSERT_EQ(found.exit_code, 0) << found.err;
  EXPECT_EQ(lines(found.out).size(), 1u) << "the bundled corpus's one article on Taiwan";
  const CliResult index = run_cli_unprivileged(cs_index_binary(), {"--db", db().string(), corpus()});
  EXPECT_EQ(index.exit_code, 2);
  EXPECT_THAT(index.err, HasSubstr("database folder is read-only"));
}

}  // namespace
}  // namespace cs::test
