#include "indexer/readers/reader_skeleton.hpp"

#include <gtest/gtest.h>

#include "common/utf8.hpp"

namespace cs::indexer {
namespace {

SourceFile file_at(const std::string& relative_path) {
  return SourceFile{std::filesystem::path("/saved") / relative_path, relative_path, ""};
}

TEST(ReaderSkeleton, DefaultsComeFromThePath) {
  Article article;
  complete_article(file_at("cfr.org/1981_jimmy-carter.txt"), article);
  EXPECT_EQ(article.id, "cfr.org/1981_jimmy-carter.txt");
  EXPECT_EQ(article.path, "cfr.org/1981_jimmy-carter.txt");
  EXPECT_EQ(article.source, "cfr.org");
  EXPECT_EQ(article.title, "1981 jimmy carter");
}

// A file's records whose dates none reads are one warning, naming the first and how many:
// a feed of thousands of items in a date form cs-index does not know said each. A record
// whose "time" is no date ("3 min read") is not among them.
TEST(ReaderSkeleton, RecordsWithUnreadableDatesAreOneWarning) {
  const SourceFile file{"/saved/feed.jsonl", "feed.jsonl", "x"};
  const auto records_of = [](std::vector<nlohmann::json> fields) {
    return [fields](std::string_view, std::vector<Record>& records, std::vector<Error>&) {
      for (std::size_t i = 0; i < fields.size(); ++i) {
        records.push_back(Record{fields[i], "line " + std::to_string(i + 1), "#" + std::to_string(i + 1), {}});
      }
    };
  };
  const ReadResult three = read_records(file, records_of({{{"title", "A"}, {"text", "Alpha."}, {"date", "someday"}},
                                                          {{"title", "B"}, {"text", "Beta."}, {"time", "3 min read"}},
                                                          {{"title", "C"}, {"text", "Gamma."}, {"date", "later"}},
                                                          {{"title", "D"}, {"text", "Delta."}, {"date", "2024-01-02"}}}));
  EXPECT_EQ(three.articles.size(), 4u);
  ASSERT_EQ(three.issues.size(), 1u);
  EXPECT_EQ(three.issues[0].location, "line 1");
  EXPECT_EQ(three.issues[0].reason, "2 records give dates cs-index cannot read, the first date 'someday'");
  EXPECT_EQ(three.issues[0].hint, "they are indexed undated; if you can edit the file, write the dates as 2024-12-01 "
                                  "or 2024-12-01T09:30:00+01:00");
  const ReadResult zoned = read_records(file, records_of({{{"title", "A"}, {"date", "Wed, 05 Jun 2024 11:12:00 IST"}},
                                                          {{"title", "B"}, {"date", "Wed, 05 Jun 2024 12:40:00 IST"}}}));
  ASSERT_EQ(zoned.issues.size(), 1u);
  EXPECT_EQ(zoned.issues[0].reason, "2 records give dates cs-index cannot read, the first date 'Wed, 05 Jun 2024 "
                                    "11:12:00 IST': IST is the time of India, Israel or Ireland");
  EXPECT_EQ(zoned.issues[0].hint, "they are indexed undated; if you can edit the file, write the zone as its offset "
                                  "from UTC (India's: +05:30)");
  const ReadResult one = read_records(file, records_of({{{"title", "A"}, {"text", "Alpha."}, {"date", "later"}}}));
  ASSERT_EQ(one.issues.size(), 1u);
  EXPECT_EQ(one.issues[0].reason, "date 'later' is not a date cs-index reads");
}

TEST(ReaderSkeleton, FieldsFromTheFileWin) {
  Article article;
  article.id = "own-id";
  article.source = "CNN";
  article.title = "A Title";
  complete_article(file_at("cnn.com/a.md"), article);
  EXPECT_EQ(article.id, "own-id");
  EXPECT_EQ(article.source, "CNN");
  EXPECT_EQ(article.title, "A Title");
}

TEST(ReaderSkeleton, LongTitlesAreCutAtAWord) {
  Article article;
  for (int i = 0; i < 100; ++i) article.title += "word ";
  complete_article(file_at("a.txt"), article);
  EXPECT_LE(article.title.size(), kMaxTitleBytes + 3);
  EXPECT_TRUE(article.title.ends_with("word\xE2\x80\xA6")) << article.title;
}

TEST(ReaderSkeleton, ATitleWithoutSpacesIsCutOnACharacter) {
  Article article;
  for (int i = 0; i < 200; ++i) article.title += "\xE4\xB9\xA0";  // 习, three bytes
  article.title = "a" + article.title;  // so no cut falls on a character boundary by luck
  complete_article(file_at("a.txt"), article);
  EXPECT_LE(article.title.size(), kMaxTitleBytes + 3);
  EXPECT_TRUE(utf8::is_valid(article.title));
}

}  // namespace
}  // namespace cs::indexer
