#include "indexer/readers/record_fields.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(RecordFields, AcceptsAliases) {
  const auto record = nlohmann::json::parse(R"({
    "headline": "H", "publishedDateTime": "2021-02-11T02:39:57Z", "webUrl": "https://x/y",
    "provider": {"name": "CNN", "domain": "cnn.com"}, "tags": "Trade, Taiwan", "guid": "g-1",
    "authors": [{"name": "A One"}, "B Two"], "summary": "S", "content": "C"})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "H");
  EXPECT_EQ(article.date, "2021-02-11T02:39:57Z");
  EXPECT_EQ(article.url, "https://x/y");
  EXPECT_EQ(article.source, "CNN");
  EXPECT_EQ(article.id, "g-1");
  EXPECT_EQ(article.author, "A One, B Two");
  EXPECT_EQ(article.topics, (std::vector<std::string>{"Trade", "Taiwan"}));
  EXPECT_EQ(text.excerpt, "S");
  EXPECT_EQ(text.body, "C");
}

TEST(RecordFields, EscapedControlCharactersAreCleanedLikeAFilesText) {
  // Found by fuzz_reader_jsonl: JSON escapes decode to what decode_source_text removed
  // from the file, and they must not reach the index (or a terminal) either.
  const auto record = nlohmann::json::parse(
      R"({"title": "Red \u001b[31malert\u0007", "author": "A\rB", "text": "Lanes w\re open.\r\nNext\u202e line."})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "Red alert");
  EXPECT_EQ(article.author, "A\nB");
  EXPECT_EQ(text.body, "Lanes w\ne open.\nNext line.");
}

TEST(RecordFields, SkipsADateAliasThatIsNotADate) {
  // The CNN seed has both "published: true" and "publishedDateTime".
  const auto record = nlohmann::json::parse(R"({"published": "true", "publishedDateTime": "2021-02-11T02:39:57Z"})");
  Article article;
  apply_record_fields(record, article);
  EXPECT_EQ(article.date, "2021-02-11T02:39:57Z");
}

TEST(RecordFields, ReadsDatesAsNumbersAndAsLabelledDatelines) {  // a trial's finds
  for (const auto& [json, date] : std::vector<std::pair<const char*, const char*>>{
           {R"({"publishedAt": 1706745600})", "2024-02-01T00:00:00Z"},
           {R"({"date": 1706745600000})", "2024-02-01T00:00:00Z"},
           {R"({"publishedAt": "Published: 5th May 2024, 8:00am"})", "2024-05-05T08:00:00Z"},
           {R"({"date": "Veröffentlicht am 10.01.2024, 06.12 Uhr"})", "2024-01-10T06:12:00Z"},
           {R"({"date": 2024})", ""}}) {
    Article article;
    apply_record_fields(nlohmann::json::parse(json), article);
    EXPECT_EQ(article.date, date) << json;
  }
}

TEST(RecordFields, IgnoresRelatedArticles) {
  const auto record = nlohmann::json::parse(R"({"title": "Mine", "related": [{"title": "Theirs", "excerpt": "Other"}]})");
  Article article;
  const RecordText text = apply_record_fields(record, article);
  EXPECT_EQ(article.title, "Mine");
  EXPECT_TRUE(text.excerpt.empty());
}

TEST(RecordFields, LeavesArticleAloneForNonObjects) {
  Article article;
  article.title = "kept";
  apply_record_fields(nlohmann::json::array({1, 2}), article);
  EXPECT_EQ(article.title, "kept");
}

}  // namespace
}  // namespace cs::indexer
