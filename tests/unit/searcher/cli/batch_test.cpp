#include "searcher/cli/batch.hpp"

#include <gtest/gtest.h>

namespace cs::searcher {
namespace {

TEST(Batch, TabSeparatedLineNamesItsQueryId) {
  auto query = parse_batch_line("q7\tTaiwan trade", 3);
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->qid, "q7");
  EXPECT_EQ(query->text, "Taiwan trade");
}

TEST(Batch, PlainLineUsesItsLineNumber) {
  auto query = parse_batch_line("  phone call  \r", 12);
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->qid, "12");
  EXPECT_EQ(query->text, "phone call");
}

TEST(Batch, SkipsBlankAndCommentLines) {
  EXPECT_FALSE(parse_batch_line("", 1).has_value());
  EXPECT_FALSE(parse_batch_line("   \t ", 1).has_value());
  EXPECT_FALSE(parse_batch_line("# a comment\twith tab", 1).has_value());
}

TEST(Batch, EmptyQueryAfterTabIsKeptForTheSearcherToReject) {
  auto query = parse_batch_line("q1\t", 1);
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->qid, "q1");
  EXPECT_EQ(query->text, "");
}

}  // namespace
}  // namespace cs::searcher
