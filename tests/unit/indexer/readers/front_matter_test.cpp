#include "indexer/readers/front_matter.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(FrontMatter, SplitsFieldsFromBody) {
  const std::string text = "---\ntitle: \"A title\"\ntopics:\n  - Trade\n---\nBody text.\n";
  const FrontMatter front = split_front_matter(text);
  EXPECT_FALSE(front.issue.has_value());
  EXPECT_EQ(front.fields["title"], "A title");
  EXPECT_EQ(front.fields["topics"][0], "Trade");
  EXPECT_EQ(front.body, "Body text.\n");
}

TEST(FrontMatter, TextWithoutFenceIsAllBody) {
  const std::string text = "# Heading\n\nText";
  const FrontMatter front = split_front_matter(text);
  EXPECT_TRUE(front.fields.empty());
  EXPECT_EQ(front.body, text);
}

TEST(FrontMatter, KeepsScalarsAsText) {
  const FrontMatter front = split_front_matter("---\npublished: true\nquality: 173\n---\n");
  EXPECT_EQ(front.fields["published"], "true");
  EXPECT_EQ(front.fields["quality"], "173");
}

TEST(FrontMatter, ReportsInvalidYamlWithLine) {
  const FrontMatter front = split_front_matter("---\ntitle: ok\nbad: [unclosed\n---\nBody\n");
  ASSERT_TRUE(front.issue.has_value());
  EXPECT_NE(front.issue->reason.find("invalid YAML"), std::string::npos);
  EXPECT_EQ(front.body, "Body\n");
  EXPECT_TRUE(front.fields.empty());
}

// yaml-cpp ends a quote left open at the end of the block without an error; the reader does
// not take the rest of the block for the title (a new user's trial).
TEST(FrontMatter, ReportsAQuoteNeverClosed) {
  for (const char* yaml : {"---\ntitle: \"Unclosed quote\ndate: [2024-01-01\n  - bad: : yaml\n---\nBody\n",
                           "---\ndate: 2024-01-01\ntitle: 'Unclosed\n---\nBody\n"}) {
    const FrontMatter front = split_front_matter(yaml);
    ASSERT_TRUE(front.issue.has_value()) << yaml;
    EXPECT_NE(front.issue->reason.find("never closed"), std::string::npos);
    EXPECT_EQ(front.issue->location, yaml[4] == 't' ? "line 2" : "line 3") << "where the quote opens";
    EXPECT_TRUE(front.fields.empty());
    EXPECT_EQ(front.body, "Body\n");
  }
  const FrontMatter fine = split_front_matter("---\ntitle: \"Closed: \\\"quoted\\\"\"\nsummary: |\n  two\n  lines\n---\nBody\n");
  EXPECT_FALSE(fine.issue.has_value());
  EXPECT_EQ(fine.fields["title"], "Closed: \"quoted\"");
  EXPECT_EQ(fine.fields["summary"], "two\nlines\n");
  for (const char* valid : {"---\n{title: \"Flow\", date: 2024-01-01}\n---\nBody\n",
                            "---\n  title: \"Indented\"\n  date: 2024-01-01\n---\nBody\n",
                            "---\n# a comment first\ntitle: 'Single'  # and after\n---\nBody\n"}) {
    const FrontMatter front = split_front_matter(valid);
    EXPECT_FALSE(front.issue.has_value()) << valid << (front.issue ? front.issue->reason : "");
    EXPECT_FALSE(front.fields["title"].get<std::string>().empty()) << valid;
  }
}

TEST(FrontMatter, ReportsUnclosedFence) {
  const FrontMatter front = split_front_matter("---\ntitle: never closed\n\nBody");
  ASSERT_TRUE(front.issue.has_value());
  EXPECT_NE(front.issue->reason.find("never closed"), std::string::npos);
  EXPECT_TRUE(front.unclosed);
  EXPECT_EQ(front.body, "title: never closed\n\nBody") << "all after the opening line is read as text";
}

TEST(FrontMatter, ReportsANonMapping) {
  const FrontMatter front = split_front_matter("---\n- a\n- b\n---\nBody");
  ASSERT_TRUE(front.issue.has_value());
  EXPECT_EQ(front.body, "Body");
}

TEST(FrontMatter, StopsAliasExpansionBombs) {
  std::string yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 9; ++i) {
    yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) yaml += std::string(k ? ", " : "") + "*a" + std::to_string(i - 1);
    yaml += "]\n";
  }
  yaml += "---\nBody";
  const FrontMatter front = split_front_matter(yaml);
  ASSERT_TRUE(front.issue.has_value());
  EXPECT_NE(front.issue->reason.find("100000 nodes"), std::string::npos);
}

}  // namespace
}  // namespace cs::indexer
