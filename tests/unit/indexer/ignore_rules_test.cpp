#include "indexer/ignore_rules.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

constexpr auto kIgnore = IgnoreVerdict::kIgnore;
constexpr auto kKeep = IgnoreVerdict::kKeep;
constexpr auto kNoMatch = IgnoreVerdict::kNoMatch;

TEST(IgnoreRules, NameWithoutSlashMatchesAtAnyDepth) {
  const IgnoreRules rules = IgnoreRules::parse("*.tmp\ndrafts\n");
  EXPECT_EQ(rules.match("a.tmp", false), kIgnore);
  EXPECT_EQ(rules.match("x/y/a.tmp", false), kIgnore);
  EXPECT_EQ(rules.match("x/drafts", true), kIgnore);
  EXPECT_EQ(rules.match("a.tmp.txt", false), kNoMatch);
}

TEST(IgnoreRules, LeadingOrMiddleSlashAnchorsToTheFilesFolder) {  // See issue #20
  const IgnoreRules rules = IgnoreRules::parse("/notes.txt\nsite/old/*.html\n");
  EXPECT_EQ(rules.match("notes.txt", false), kIgnore);
  EXPECT_EQ(rules.match("sub/notes.txt", false), kNoMatch) << "/notes.txt is only the one beside the file";
  EXPECT_EQ(rules.match("site/old/a.html", false), kIgnore);
  EXPECT_EQ(rules.match("x/site/old/a.html", false), kNoMatch);
  EXPECT_EQ(rules.match("site/old/deeper/a.html", false), kNoMatch) << "* never matches /";
}

TEST(IgnoreRules, TrailingSlashMatchesFoldersOnly) {  // See issue #20
  const IgnoreRules rules = IgnoreRules::parse("archive/\n");
  EXPECT_EQ(rules.match("archive", true), kIgnore);
  EXPECT_EQ(rules.match("2024/archive", true), kIgnore);
  EXPECT_EQ(rules.match("archive", false), kNoMatch) << "a file named archive is kept";
}

TEST(IgnoreRules, LastMatchingPatternWinsAndBangKeeps) {  // See issue #20
  const IgnoreRules rules = IgnoreRules::parse("*.html\n!keep.html\n");
  EXPECT_EQ(rules.match("a.html", false), kIgnore);
  EXPECT_EQ(rules.match("keep.html", false), kKeep);
  const IgnoreRules reversed = IgnoreRules::parse("!keep.html\n*.html\n");
  EXPECT_EQ(reversed.match("keep.html", false), kIgnore);
}

TEST(IgnoreRules, DoubleStarMatchesAnyNumberOfFolders) {
  const IgnoreRules rules = IgnoreRules::parse("**/tmp\nlogs/**/*.log\nbuild/**\n!build/keep.txt\n");
  EXPECT_EQ(rules.match("tmp", true), kIgnore);
  EXPECT_EQ(rules.match("a/b/tmp", true), kIgnore);
  EXPECT_EQ(rules.match("logs/x.log", false), kIgnore);
  EXPECT_EQ(rules.match("logs/a/b/x.log", false), kIgnore);
  EXPECT_EQ(rules.match("build", true), kNoMatch) << "build/** is what is inside, so a ! can keep a file there";
  EXPECT_EQ(rules.match("build/out.txt", false), kIgnore);
  EXPECT_EQ(rules.match("build/keep.txt", false), kKeep);
}

TEST(IgnoreRules, CommentsBlanksEscapesAndTrailingSpaces) {
  const IgnoreRules rules = IgnoreRules::parse("# a comment\n\n\\#hash.txt\n\\!bang.txt\nspaced.txt   \r\nend\\ \n");
  EXPECT_EQ(rules.match("#hash.txt", false), kIgnore);
  EXPECT_EQ(rules.match("!bang.txt", false), kIgnore);
  EXPECT_EQ(rules.match("spaced.txt", false), kIgnore);
  EXPECT_EQ(rules.match("end ", false), kIgnore);
  EXPECT_EQ(rules.match("# a comment", false), kNoMatch);
}

TEST(IgnoreRules, ACharacterClassIsAPatternNotText) {
  const IgnoreRules rules = IgnoreRules::parse("draft-[0-9].md\n");
  EXPECT_EQ(rules.match("draft-3.md", false), kIgnore);
  EXPECT_EQ(rules.match("draft-x.md", false), kNoMatch);
}

}  // namespace
}  // namespace cs::indexer

namespace cs::indexer {
namespace {

// Many "**" against a deep path: each (pattern, path) segment pair is weighed once (a
// backtracking search took most of a minute here). See issue #20.
TEST(IgnoreRules, ManyDoubleStarsAgainstADeepPathStayCheap) {
  std::string pattern = "a";
  for (int i = 0; i < 12; ++i) pattern += "/**";
  const IgnoreRules rules = IgnoreRules::parse(pattern + "/zz\n");
  std::string path = "a";
  for (int i = 0; i < 24; ++i) path += "/d" + std::to_string(i);
  EXPECT_EQ(rules.match(path + "/file.txt", false), IgnoreVerdict::kNoMatch);
  EXPECT_EQ(rules.match(path + "/zz", false), IgnoreVerdict::kIgnore);
}

}  // namespace
}  // namespace cs::indexer
