#include "indexer/crawl.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

std::vector<std::string> relative_paths(const std::vector<CrawlEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.relative_path);
  return out;
}

TEST(Crawl, WalksFoldersSortedSkippingHiddenAndIgnored) {
  test::TempDir dir;
  test::write_file(dir / "b.txt", "b");
  test::write_file(dir / "site/a.txt", "a");
  test::write_file(dir / ".hidden/x.txt", "x");
  test::write_file(dir / ".dotfile", "x");
  test::write_file(dir / "README.md", "docs");
  test::write_file(dir / "drafts/c.txt", "c");
  test::write_file(dir / ".csignore", "# docs\nREADME.md\ndrafts\n");
  std::vector<Error> issues;
  const auto entries = crawl({dir.path()}, [&](const Error& e) { issues.push_back(e); });
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"b.txt", "site/a.txt"}));
  EXPECT_TRUE(issues.empty());
  EXPECT_EQ(entries[0].root(), dir.path());
}

TEST(Crawl, SkipsDatabaseFoldersInsideTheRoot) {
  test::TempDir dir;
  test::write_file(dir / "a.txt", "a");
  test::write_file(dir / "db/cs-search-database", "marker");
  test::write_file(dir / "db/notes.txt", "x");
  test::write_file(dir / "omega/iamglass", "x");
  test::write_file(dir / "omega/postlist.glass", "x");
  test::write_file(dir / "omega/page.txt", "x");
  test::write_file(dir / "sharded/XAPIANDB", "auto shard-1\n");
  test::write_file(dir / "sharded/shard-1/iamglass", "x");
  test::write_file(dir / "sharded/shard-1/postlist.glass", "x");
  test::write_file(dir / "notes/iamglass", "a note that happens to have this name");
  test::write_file(dir / "notes/XAPIANDB", "another");
  std::vector<Error> issues;
  const auto entries = crawl({dir.path()}, [&](const Error& e) { issues.push_back(e); });
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"a.txt", "notes/XAPIANDB", "notes/iamglass"}))
      << "a file's name alone does not make a folder a database";
  EXPECT_TRUE(issues.empty());
}

// A browser's "Save Page As..., complete" writes Page.html and Page_files/, whose frames (an
// ad's, an embed's) are HTML files of their own: a new user's trial indexed an article "Ad".
TEST(Crawl, SkipsTheFilesFolderOfASavedPage) {
  test::TempDir dir;
  test::write_file(dir / "Story.html", "<p>x</p>");
  test::write_file(dir / "Story_files/ad-frame.html", "<p>Ad</p>");
  test::write_file(dir / "Other.htm", "<p>x</p>");
  test::write_file(dir / "Other_files/embed.html", "<p>x</p>");
  test::write_file(dir / "project_files/notes.md", "A folder so named with no page beside it.");
  const auto entries = crawl({dir.path()}, [](const Error&) {});
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"Other.htm", "Story.html", "project_files/notes.md"}));
}

TEST(Crawl, NamedFileIsRelativeToItsFolder) {
  test::TempDir dir;
  test::write_file(dir / "one.txt", "1");
  const auto entries = crawl({dir / "one.txt"}, [](const Error&) {});
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].relative_path, "one.txt");
  EXPECT_TRUE(entries[0].named);
}

TEST(Crawl, ReportsMissingPathsAndGoesOn) {
  test::TempDir dir;
  test::write_file(dir / "one.txt", "1");
  std::vector<Error> issues;
  const auto entries = crawl({dir / "missing", dir.path()}, [&](const Error& e) { issues.push_back(e); });
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_NE(issues[0].path.find("missing"), std::string::npos);
  EXPECT_EQ(entries.size(), 1u);
}

TEST(Crawl, DoesNotFollowLinkedFolders) {
  test::TempDir dir;
  test::write_file(dir / "root/a.txt", "a");
  std::filesystem::create_directory_symlink(dir / "root", dir / "root/loop");
  const auto entries = crawl({dir / "root"}, [](const Error&) {});
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"a.txt"}));
}

TEST(Crawl, ACsignoreInASubfolderAppliesToThatSubfolder) {  // See issue #20
  test::TempDir dir;
  test::write_file(dir / "a.html", "a");
  test::write_file(dir / "site/b.html", "b");
  test::write_file(dir / "site/c.txt", "c");
  test::write_file(dir / "site/.csignore", "*.html\n/c.txt\n");
  test::write_file(dir / "site/deep/c.txt", "c");
  test::write_file(dir / "other/b.html", "b");
  std::vector<Error> issues;
  const auto entries = crawl({dir.path()}, [&](const Error& e) { issues.push_back(e); });
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"a.html", "other/b.html", "site/deep/c.txt"}))
      << "site/.csignore leaves out site's HTML and site/c.txt only";
  EXPECT_TRUE(issues.empty());
}

TEST(Crawl, ADeeperCsignoreOverridesTheRootsOne) {  // See issue #20
  test::TempDir dir;
  test::write_file(dir / ".csignore", "*.json\narchive/\n");
  test::write_file(dir / "a.json", "{}");
  test::write_file(dir / "feeds/b.json", "{}");
  test::write_file(dir / "feeds/c.json", "{}");
  test::write_file(dir / "feeds/.csignore", "!b.json\n");
  test::write_file(dir / "archive/old.txt", "old");
  test::write_file(dir / "notes/archive", "a file named archive, not a folder");
  const auto entries = crawl({dir.path()}, [](const Error&) {});
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"feeds/b.json", "notes/archive"}));
}

TEST(Crawl, SiblingFoldersDoNotShareTheirCsignore) {  // See issue #20
  test::TempDir dir;
  test::write_file(dir / "a/.csignore", "x.txt\n");
  test::write_file(dir / "a/x.txt", "x");
  test::write_file(dir / "a/sub/x.txt", "x");
  test::write_file(dir / "b/x.txt", "x");
  const auto entries = crawl({dir.path()}, [](const Error&) {});
  EXPECT_EQ(relative_paths(entries), (std::vector<std::string>{"b/x.txt"}));
}

TEST(Crawl, InsideComparesWholePathComponents) {
  EXPECT_TRUE(is_inside("/a/b/c.txt", "/a/b"));
  EXPECT_TRUE(is_inside("/a/b/c/d.txt", "/a/b"));
  EXPECT_FALSE(is_inside("/a/bc/d.txt", "/a/b"));
  EXPECT_FALSE(is_inside("/a/b", "/a/b"));
  EXPECT_FALSE(is_inside("/x/b/c.txt", "/a/b"));
}

}  // namespace
}  // namespace cs::indexer
