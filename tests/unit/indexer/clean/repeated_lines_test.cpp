#include "indexer/clean/repeated_lines.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

Article article(std::string source, std::string body) {
  Article a;
  a.source = std::move(source);
  a.body = std::move(body);
  return a;
}

TEST(RepeatedLines, DropsAShortLineRepeatedAcrossASourcesArticles) {
  std::vector<Article> articles;
  for (int i = 0; i < 4; ++i) {
    articles.push_back(article("scmp.com", "Story " + std::to_string(i) + " text about the call.\n\nSign up for our China newsletter"));
  }
  EXPECT_EQ(drop_repeated_lines(articles), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(articles[i].body, "Story " + std::to_string(i) + " text about the call.");
}

// Chinese has no spaces between words: a sentence of news seven articles share is a
// paragraph of reporting by its length, not a one-word line; a short line of the site's
// own is still chrome.
TEST(RepeatedLines, ChineseSentencesAreMeasuredByTheirCharacters) {
  const std::string shared = "国家主席习近平同美国总统拜登通电话，双方就中美关系和共同关心的国际和地区问题深入交换了意见。";
  const std::string chrome = "订阅新闻简报";
  std::vector<Article> articles;
  for (int i = 0; i < 12; ++i) {
    std::string body = "第" + std::to_string(i) + "篇报道的正文。";
    if (i < 7) body += "\n\n" + shared;
    articles.push_back(article("site.cn", body + "\n\n" + chrome));
  }
  EXPECT_EQ(drop_repeated_lines(articles), 12u) << "the site's line alone, from each article";
  for (int i = 0; i < 7; ++i) EXPECT_NE(articles[static_cast<std::size_t>(i)].body.find(shared), std::string::npos) << i;
  for (const Article& a : articles) EXPECT_EQ(a.body.find(chrome), std::string::npos);
}

// Issue #21: cs-index --verbose names the lines it left out, once each.
TEST(RepeatedLines, ListsEachLineLeftOutOnceWithItsSourceAndArticles) {
  std::vector<Article> articles;
  for (int i = 0; i < 4; ++i) {
    articles.push_back(article("scmp.com", "Story " + std::to_string(i) + " text.\n\nSign up for our China newsletter\n\nMost read"));
  }
  articles.push_back(article("scmp.com", "Most read"));  // its only line: kept, so not counted
  std::vector<DroppedLine> dropped;
  EXPECT_EQ(drop_repeated_lines(articles, {}, &dropped), 8u);
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_EQ(dropped[0].source, "scmp.com");
  EXPECT_EQ(dropped[0].text, "Most read");
  EXPECT_EQ(dropped[0].articles, 4u);
  EXPECT_EQ(dropped[1].text, "Sign up for our China newsletter");
  EXPECT_EQ(dropped[1].articles, 4u);
  EXPECT_EQ(articles[4].body, "Most read");
}

TEST(RepeatedLines, ComparesArticlesOfTheSameSourceOnly) {
  std::vector<Article> articles = {article("a.com", "One.\n\nRead more on trade"), article("b.com", "Two.\n\nRead more on trade"),
                                   article("c.com", "Three.\n\nRead more on trade")};
  EXPECT_EQ(drop_repeated_lines(articles), 0u);
}

TEST(RepeatedLines, KeepsALineThatFewOfManyArticlesShare) {
  std::vector<Article> articles;
  for (int i = 0; i < 40; ++i) {
    articles.push_back(article("sotu", "Address " + std::to_string(i) + (i < 3 ? ".\n\nThank you." : ".")));
  }
  EXPECT_EQ(drop_repeated_lines(articles), 0u) << "3 of 40 is under the 10% share";
}

TEST(RepeatedLines, KeepsLongParagraphsEvenWhenRepeated) {
  const std::string paragraph =
      "Officials from both countries said on Thursday that the talks would resume in Geneva next month after a pause.";
  std::vector<Article> articles(3, article("wire", paragraph + "\n\nMore."));
  articles[0].body += "\n\nA.";
  EXPECT_EQ(drop_repeated_lines(articles), 3u) << "only the short \"More.\" goes";
  EXPECT_EQ(articles[1].body, paragraph);
}

TEST(RepeatedLines, NeverEmptiesAnArticle) {
  std::vector<Article> articles(3, article("wire", "Breaking news"));
  drop_repeated_lines(articles);
  for (const auto& a : articles) EXPECT_EQ(a.body, "Breaking news");
}

}  // namespace
}  // namespace cs::indexer
