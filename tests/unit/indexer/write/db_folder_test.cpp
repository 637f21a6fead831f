#include "indexer/write/db_folder.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

namespace fs = std::filesystem;

// A folder of someone's files, and a damaged or foreign Xapian version file among them.
void write_precious_folder(const fs::path& folder) {
  std::string random_bytes;
  for (int i = 0; i < 64; ++i) random_bytes.push_back(static_cast<char>((i * 73 + 19) % 256));
  test::write_file(folder / "iamglass", random_bytes);
  test::write_file(folder / "README.txt", "my notes\n");
  test::write_file(folder / "data.db", std::string("SQLite format 3\0", 16));
}

// A Xapian database another program wrote (Omega, recoll, notmuch): no cs-index schema key.
void write_foreign_database(const fs::path& folder) {
  Xapian::WritableDatabase db(folder.string(), Xapian::DB_CREATE_OR_OPEN);
  Xapian::Document document;
  document.add_term("Qomega-1");
  document.set_data("url=http://example.org/");
  db.add_document(document);
  db.set_metadata("omega:version", "1.4");
  db.commit();
}

// A database as cs-index wrote it before the marker existed.
void write_unmarked_cs_database(const fs::path& folder) {
  Xapian::WritableDatabase db(folder.string(), Xapian::DB_CREATE_OR_OPEN);
  db.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
  db.add_document(Xapian::Document());
  db.commit();
}

TEST(DbFolder, TellsEachKindOfPathApart) {
  test::TempDir dir;
  fs::create_directories(dir / "empty");
  test::write_file(dir / "file", "x");
  test::write_file(dir / "photos/cat.jpg", "x");
  write_precious_folder(dir / "precious");
  write_foreign_database(dir / "omega");
  write_unmarked_cs_database(dir / "old-cs");
  test::write_file(dir / "old-sharded/XAPIANDB", "auto shard-1\n");
  write_unmarked_cs_database(dir / "old-sharded/shard-1");
  test::write_file(dir / "foreign-stub/XAPIANDB", "auto shard-1\n");
  write_foreign_database(dir / "foreign-stub/shard-1");
  EXPECT_EQ(inspect_folder(dir / "nothing"), FolderKind::kMissing);
  EXPECT_EQ(inspect_folder(dir / "empty"), FolderKind::kEmpty);
  EXPECT_EQ(inspect_folder(dir / "file"), FolderKind::kNotAFolder);
  EXPECT_EQ(inspect_folder(dir / "photos"), FolderKind::kForeign);
  EXPECT_EQ(inspect_folder(dir / "precious"), FolderKind::kForeignDatabase);
  EXPECT_EQ(inspect_folder(dir / "omega"), FolderKind::kForeignDatabase);
  EXPECT_EQ(inspect_folder(dir / "old-cs"), FolderKind::kOursBeforeMarker);
  EXPECT_EQ(inspect_folder(dir / "old-sharded"), FolderKind::kOursBeforeMarker);
  EXPECT_EQ(inspect_folder(dir / "foreign-stub"), FolderKind::kForeignDatabase);
  test::write_file(dir / "old-cs/notes.txt", "mine");
  EXPECT_EQ(inspect_folder(dir / "old-cs"), FolderKind::kForeignDatabase)
      << "a cs-index database someone added files to is no longer cs-index's alone";
}

TEST(DbFolder, ClaimRefusesWhatCsIndexDidNotMakeAndChangesNothingThere) {
  test::TempDir dir;
  write_precious_folder(dir / "precious");
  write_foreign_database(dir / "omega");
  test::write_file(dir / "photos/cat.jpg", "x");
  for (const char* name : {"precious", "omega", "photos"}) {
    const auto before = test::folder_contents(dir / name);
    auto claimed = DbFolder::claim(dir / name);
    ASSERT_FALSE(claimed.ok()) << name;
    EXPECT_EQ(claimed.error().kind, ErrorKind::kDatabase);
    EXPECT_EQ(test::folder_contents(dir / name), before) << name;
    EXPECT_FALSE(remove_own_folder(dir / name).ok()) << name;
    EXPECT_EQ(test::folder_contents(dir / name), before) << name;
  }
  EXPECT_EQ(DbFolder::claim(dir / "precious").error().reason,
            "holds a Xapian database not written by cs-index (or a damaged one)");
  EXPECT_EQ(DbFolder::claim(dir / "photos").error().reason,
            "folder is not a cs-search database: it holds files cs-index did not make");
}

TEST(DbFolder, ClaimMarksANewAnEmptyOrAnEarlierCsIndexFolder) {
  test::TempDir dir;
  fs::create_directories(dir / "empty");
  write_unmarked_cs_database(dir / "old-cs");
  for (const char* name : {"new/db", "empty", "old-cs"}) {
    auto claimed = DbFolder::claim(dir / name);
    ASSERT_TRUE(claimed.ok()) << name << ": " << claimed.error().reason;
    EXPECT_TRUE(fs::is_regular_file(dir / name / kDatabaseMarker)) << name;
    EXPECT_EQ(inspect_folder(dir / name), FolderKind::kOurs) << name;
  }
}

TEST(DbFolder, ASecondClaimIsToldWhichCsIndexHoldsTheLock) {
  test::TempDir dir;
  {
    auto first = DbFolder::claim(dir / "db");
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(test::read_file(dir / "db" / kWriterPidFile), std::to_string(::getpid()) + "\n");
    auto second = DbFolder::claim(dir / "db");
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().kind, ErrorKind::kLocked);
    EXPECT_EQ(second.error().reason, "database is being indexed by another cs-index, pid " + std::to_string(::getpid()));
  }
  EXPECT_FALSE(fs::exists(dir / "db" / kWriterPidFile)) << "releasing removes the pid file";
  EXPECT_TRUE(DbFolder::claim(dir / "db").ok()) << "and the lock";
}

TEST(DbFolder, ClearingTablesKeepsTheMarkerAndEverythingElse) {
  test::TempDir dir;
  auto folder = DbFolder::claim(dir / "db");
  ASSERT_TRUE(folder.ok());
  write_unmarked_cs_database(dir / "db");
  test::write_file(dir / "db/.parts/shard-1/kept", "x");
  ASSERT_TRUE((*folder)->clear_tables().ok());
  EXPECT_FALSE(fs::exists(dir / "db/iamglass"));
  EXPECT_FALSE(fs::exists(dir / "db/postlist.glass"));
  EXPECT_TRUE(fs::exists(dir / "db" / kDatabaseMarker));
  EXPECT_TRUE(fs::exists(dir / "db" / kWriterPidFile));
  EXPECT_TRUE(fs::exists(dir / "db/.parts/shard-1/kept"));
}

TEST(DbFolder, AdoptingTablesMovesABuiltDatabaseIn) {
  test::TempDir dir;
  auto folder = DbFolder::claim(dir / "db");
  ASSERT_TRUE(folder.ok());
  write_unmarked_cs_database(dir / "db");
  {
    Xapian::WritableDatabase built((dir / "built").string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document document;
    document.add_term("adopted");
    built.add_document(document);
    built.add_document(document);
    built.commit();
  }
  ASSERT_TRUE((*folder)->adopt_tables(dir / "built").ok());
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_doccount(), 2u);
  EXPECT_EQ(db.get_termfreq("adopted"), 2u);
  EXPECT_FALSE(fs::exists(dir / "built/iamglass"));
}

TEST(DbFolder, RemovesOnlyAFolderWithTheMarker) {
  test::TempDir dir;
  { ASSERT_TRUE(DbFolder::claim(dir / "db").ok()); }
  test::write_file(dir / "db/shard-1/x", "x");
  EXPECT_TRUE(remove_own_folder(dir / "db").ok());
  EXPECT_FALSE(fs::exists(dir / "db"));
  EXPECT_TRUE(remove_own_folder(dir / "nothing").ok());
  // What a claim killed before its marker leaves (a .compact, .parts or .rebuild): removable,
  // or every later run would stop at it.
  fs::create_directories(dir / "empty");
  EXPECT_TRUE(remove_own_folder(dir / "empty").ok());
  EXPECT_FALSE(fs::exists(dir / "empty"));
}

}  // namespace
}  // namespace cs::indexer
