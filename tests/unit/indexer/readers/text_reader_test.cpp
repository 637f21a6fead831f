// The plain-text reader: a file of lines, and one that opens with YAML front matter, as
// read-later apps and feed exporters save articles (the third seed of ../shared/seeds).
#include "indexer/readers/text_reader.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

Article read_text(const std::string& text) {
  const ReadResult read = TextReader().read(SourceFile{"/saved/a.txt", "a.txt", text});
  EXPECT_EQ(read.articles.size(), 1u);
  return read.articles.empty() ? Article{} : read.articles.front();
}

TEST(TextReader, FrontMatterGivesTheArticlesFields) {
  const Article article = read_text(
      "---\ncategory: news\ntitle: \"Biden speaks with Xi for the first time\"\n"
      "publishedDateTime: 2021-02-11T02:39:57Z\nwebUrl: \"http://rss.cnn.com/a\"\ntype: article\n---\n\n"
      "President Joe Biden spoke with China's President Xi Jinping late Wednesday, their first call since Biden "
      "took office.\n");
  EXPECT_EQ(article.title, "Biden speaks with Xi for the first time");
  EXPECT_EQ(article.date, "2021-02-11T02:39:57Z");
  EXPECT_EQ(article.url, "http://rss.cnn.com/a");
  EXPECT_EQ(article.body.find("---"), std::string::npos);
  EXPECT_EQ(article.body.find("category"), std::string::npos) << "the fields are no passage";
  EXPECT_NE(article.body.find("President Joe Biden spoke"), std::string::npos);
}

TEST(TextReader, ARuleThatOpensNoMappingIsText) {
  const Article rule = read_text("---\nThe harbour reopened on Tuesday after the storm, the port authority said.\n");
  EXPECT_NE(rule.body.find("The harbour reopened"), std::string::npos);
  const Article closed = read_text("---\nJust a sentence between rules, not a mapping.\n---\nAnd the text after it.\n");
  EXPECT_NE(closed.body.find("Just a sentence between rules"), std::string::npos);
  EXPECT_NE(closed.body.find("And the text after it"), std::string::npos);
}

}  // namespace
}  // namespace cs::indexer
