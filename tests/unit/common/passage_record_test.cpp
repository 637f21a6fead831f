#include "common/passage_record.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <utility>

#include "common/compact_text.hpp"
#include "support/prose_dictionary.hpp"

namespace cs {
namespace {

TEST(PassageRecord, TheArticlesFieldsRoundTripAndThePassagesAreNotStored) {
  PassageRecord r;
  r.article_id = "cnn.com/a.md";
  r.passage_id = "cnn.com/a.md#2";
  r.title = "Biden speaks with \xE4\xB9\xA0";
  r.source = "CNN";
  r.author = "Kevin Liptak";
  r.date = "2021-02-11T02:39:57Z";
  r.url = "https://cnn.com/x";
  r.path = "cnn.com/a.md";
  r.root = "/data";
  r.lang = "en";
  r.topics = {"Politics", "China"};
  r.text = "President Joe Biden spoke with Xi.";
  r.index = 2;
  r.count = 5;
  r.preview = true;
  const std::string stored = encode_article_record(r);
  auto back = decode_article_record(stored, {});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->article_id, r.article_id);
  EXPECT_EQ(back->title, r.title);
  EXPECT_EQ(back->source, r.source);
  EXPECT_EQ(back->author, r.author);
  EXPECT_EQ(back->date, r.date);
  EXPECT_EQ(back->url, r.url);
  EXPECT_EQ(back->path, r.path);
  EXPECT_EQ(back->root, r.root);
  EXPECT_EQ(back->lang, r.lang);
  EXPECT_EQ(back->topics, r.topics);
  EXPECT_EQ(back->count, 5u);
  EXPECT_TRUE(back->preview);
  // Stored compressed (Xapian would deflate it otherwise); the passage lives in its own
  // value slot, so an article's data does not grow with it.
  ASSERT_TRUE(compact_text::is_compressed(stored));
  const auto json = compact_text::decompress(stored, 1 << 20);
  ASSERT_TRUE(json.has_value());
  EXPECT_LT(stored.size(), json->size());
  EXPECT_NE(json->find("Kevin Liptak"), std::string::npos);
  EXPECT_EQ(json->find("President"), std::string::npos);
  EXPECT_TRUE(back->text.empty());
  EXPECT_TRUE(back->passage_id.empty());
  EXPECT_EQ(back->index, 0u);
}

TEST(PassageRecord, ARecordCompressedWithADictionaryNeedsItBack) {
  PassageRecord record;
  record.article_id = "wire/2024/tariffs.md";
  record.title = "Tariffs on steel and aluminum rise again";
  record.source = "The Wire";
  record.date = "2024-05-12";
  record.path = "wire/2024/tariffs.md";
  record.root = "/data/news";
  record.count = 4;
  const compact_text::Dictionary dictionary = test::dictionary_like(1);
  const std::string stored = encode_article_record(record, &dictionary);
  ASSERT_EQ(compact_text::dictionary_of(stored), dictionary.id());
  const auto back = decode_article_record(stored, [&](std::uint32_t id) { return id == dictionary.id() ? &dictionary : nullptr; });
  ASSERT_TRUE(back) << back.error().reason;
  EXPECT_EQ(back->title, record.title);
  EXPECT_EQ(back->root, record.root);
  EXPECT_EQ(back->count, 4u);
  const auto without = decode_article_record(stored, {});
  ASSERT_FALSE(without);
  EXPECT_EQ(without.error().kind, ErrorKind::kDatabase);
}

TEST(PassageRecord, APassageIsNamedByItsArticleAndIndex) {
  EXPECT_EQ(passage_id("cnn.com/a.md", 0), "cnn.com/a.md#0");
  EXPECT_EQ(passage_id("a#b", 12), "a#b#12");
}

// display_path joins by hand what std::filesystem::path's operator/ joins.
TEST(PassageRecord, TheDisplayPathIsTheRootJoinedWithThePath) {
  const std::pair<const char*, const char*> cases[] = {
      {"/home/ana/news", "cnn.com/a.md"}, {"/home/ana/news/", "cnn.com/a.md"}, {"/", "a.md"},
      {"", "cnn.com/a.md"}, {"/home/ana/news", "/elsewhere/a.md"}, {"/home/ana/news", ""},
      {"relative/root", "b/c.html"},
  };
  for (const auto& [root, path] : cases) {
    PassageRecord r;
    r.root = root;
    r.path = path;
    const std::string expected = r.root.empty() ? r.path : (std::filesystem::path(r.root) / r.path).string();
    EXPECT_EQ(display_path(r), expected) << root << " + " << path;
  }
}

TEST(PassageRecord, ForeignDataIsADatabaseError) {
  auto back = decode_article_record("not json", {});
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.error().kind, ErrorKind::kDatabase);
  EXPECT_NE(back.error().hint.find("cs-index"), std::string::npos);
  for (const char* foreign : {R"("a string")", "[1, 2]", "42", R"({"title": "no id"})", R"({"article_id": 7})",
                              R"({"article_id": "a", "title": ["list"]})", R"({"article_id": "a", "topics": "one"})",
                              R"({"article_id": "a", "count": "3"})", R"({"article_id": "a", "preview": {"x": 1}})",
                              R"({"article_id": "a", "title": "cut)", R"({"article_id": "a"} trailing)",
                              R"({"article_id": "a"}})", R"({"article_id": "a", "count": -1})",
                              R"({"article_id": "a", "count": 5000000000})", "{\"article_id\": \"a\xff\"}", ""}) {
    EXPECT_FALSE(decode_article_record(foreign, {}).ok()) << foreign;
  }
}

// Records are read as JSON too (what compression cannot shrink is stored so; the tests
// above pass JSON); a damaged frame is an error, never a record.
TEST(PassageRecord, DamagedFramesAreErrors) {
  PassageRecord r;
  r.article_id = "a";
  const std::string frame = encode_article_record(r);
  ASSERT_TRUE(compact_text::is_compressed(frame));
  for (const std::string& damaged : {frame.substr(0, frame.size() - 3), frame + "x", frame.substr(0, 4)}) {
    const auto back = decode_article_record(damaged, {});
    ASSERT_FALSE(back.ok());
    EXPECT_EQ(back.error().kind, ErrorKind::kDatabase);
  }
}

// A record too large to be stored compressed (a feed item with megabytes of tags) is stored
// as its JSON, and reads back.
TEST(PassageRecord, AHugeRecordIsStoredAsJsonAndReadsBack) {
  PassageRecord r;
  r.article_id = "feeds/tags.json";
  for (int i = 0; i < 150000; ++i) r.topics.push_back("tag" + std::to_string(i));
  const std::string stored = encode_article_record(r);
  EXPECT_GT(stored.size(), std::size_t{1} << 20);
  EXPECT_FALSE(compact_text::is_compressed(stored));
  const auto back = decode_article_record(stored, {});
  ASSERT_TRUE(back.ok()) << back.error().reason;
  EXPECT_EQ(back->topics.size(), 150000u);
}

// A later cs-index may write fields this one does not know: they are skipped, whatever
// their shape, and the known ones still read.
TEST(PassageRecord, UnknownFieldsAreSkipped) {
  auto back = decode_article_record(
      R"({"future": {"nested": [1, {"title": "not this"}], "topics": ["no"]}, "article_id": "cnn.com/a.md",)"
      R"( "list": [["x"], {"y": null}], "title": "Taiwan", "topics": ["China", "Trade"], "count": 3,)"
      R"( "preview": true, "score": -1.5, "lang": "en", "nothing": null})", {});
  ASSERT_TRUE(back.ok()) << back.error().reason;
  EXPECT_EQ(back->article_id, "cnn.com/a.md");
  EXPECT_EQ(back->title, "Taiwan");
  EXPECT_EQ(back->topics, (std::vector<std::string>{"China", "Trade"}));
  EXPECT_EQ(back->count, 3u);
  EXPECT_TRUE(back->preview);
  EXPECT_FALSE(back->no_article_text);
  EXPECT_EQ(back->lang, "en");
  EXPECT_TRUE(back->source.empty());
}

}  // namespace
}  // namespace cs
