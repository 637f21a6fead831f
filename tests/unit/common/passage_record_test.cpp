#include "common/passage_record.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

TEST(PassageRecord, RoundTripsEveryField) {
  PassageRecord r;
  r.article_id = "cnn.com/a.md";
  r.passage_id = "cnn.com/a.md#2";
  r.title = "Biden speaks with Xi";
  r.source = "CNN";
  r.author = "Kevin Liptak";
  r.date = "2021-02-11T02:39:57Z";
  r.url = "https://cnn.com/x";
  r.path = "cnn.com/a.md";
  r.root = "/data";
  r.lang = "en";
  r.topics = {"Politics", "China"};
  r.text = "President Joe Biden spoke with \xE4\xB9\xA0.";
  r.index = 2;
  r.count = 5;
  r.preview = true;
  auto back = decode_passage_record(encode_passage_record(r));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->passage_id, r.passage_id);
  EXPECT_EQ(back->author, r.author);
  EXPECT_EQ(back->lang, r.lang);
  EXPECT_EQ(back->topics, r.topics);
  EXPECT_EQ(back->text, r.text);
  EXPECT_EQ(back->index, 2u);
  EXPECT_EQ(back->count, 5u);
  EXPECT_TRUE(back->preview);
}

TEST(PassageRecord, ForeignDataIsADatabaseError) {
  auto back = decode_passage_record("not json");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().kind, ErrorKind::kDatabase);
  EXPECT_NE(back.error().hint.find("cs-index"), std::string::npos);
}

}  // namespace
}  // namespace cs
