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
