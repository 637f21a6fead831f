#include "indexer/write/file_states.hpp"

#include <gtest/gtest.h>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

TEST(FileStates, SerialisedStatesReadBackWhole) {
  const FileState state{"/home/me/news/feed \xE9.jsonl", 12345, 1700000000123456789, hash_bytes("bytes"),
                        {{"r1", hash_bytes("one")}, {"id with\nnewline", hash_bytes("two")}},
                        "/home/me/news", kReadingVersion};
  const auto back = parse_file_state(serialise_file_state(state));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->size, state.size);
  EXPECT_EQ(back->mtime_ns, state.mtime_ns);
  EXPECT_EQ(back->content, state.content);
  ASSERT_EQ(back->articles.size(), 2u);
  EXPECT_EQ(back->articles[1].id, "id with\nnewline");
  EXPECT_EQ(back->articles[1].hash, state.articles[1].hash);
  EXPECT_EQ(back->root, state.root);
  EXPECT_EQ(back->reading, kReadingVersion);
  FileState older = state;
  older.root.clear();  // written before roots were kept
  older.reading = 0;   // and before readings were numbered
  EXPECT_EQ(parse_file_state(serialise_file_state(older))->root, "");
  EXPECT_EQ(parse_file_state(serialise_file_state(older))->reading, 0u);
}

TEST(FileStates, DamagedOrForeignStatesAreReadAsAbsent) {
  EXPECT_FALSE(parse_file_state("").has_value());
  EXPECT_FALSE(parse_file_state("{not json").has_value());
  EXPECT_FALSE(parse_file_state(R"({"v":99,"path":"/x"})").has_value());
  EXPECT_FALSE(parse_file_state(R"({"v":1,"path":"/x","size":"big"})").has_value());
}

TEST(FileStates, AnArticlesHashChangesWithAnyFieldAndOnlyThen) {
  Article base;
  base.id = "a";
  base.title = "Title";
  base.body = "Body text.";
  base.topics = {"trade"};
  const ContentHash h = hash_article(base);
  EXPECT_EQ(hash_article(base), h);
  EXPECT_EQ(h.size(), 32u);
  Article moved = base;  // the same characters, moved between fields
  moved.title = "TitleBody";
  moved.body = " text.";
  EXPECT_NE(hash_article(moved), h);
  Article dated = base;
  dated.date = "2024-01-02";
  EXPECT_NE(hash_article(dated), h);
  Article tagged = base;
  tagged.topics.push_back("steel");
  EXPECT_NE(hash_article(tagged), h);
  Article preview = base;
  preview.preview = true;
  EXPECT_NE(hash_article(preview), h);
  Article retitled = base;  // See issue #18: a changed <title> re-indexes the page
  retitled.other_titles = {"Title of the page"};
  EXPECT_NE(hash_article(retitled), h);
  Article topic_or_title = base;  // the same text as a topic is not the same article
  topic_or_title.topics.push_back("Title of the page");
  EXPECT_NE(hash_article(topic_or_title), hash_article(retitled));
  Article story = base;  // set by cs-index from other articles, not read from the file
  story.story_key = schema::story_key("other", "");
  EXPECT_EQ(hash_article(story), h);
}

TEST(FileStates, LongPathsGetBoundedKeys) {
  const std::string deep = "/" + std::string(4000, 'x') + "/a.txt";
  EXPECT_LE(file_state_key(deep).size(), 245u);
  EXPECT_NE(file_state_key(deep), file_state_key(deep + "2"));
}

TEST(FileStates, ModificationTimeHasNanosecondsAndFailsForMissingFiles) {
  test::TempDir dir;
  test::write_file(dir / "f", "x");
  EXPECT_GT(modification_time_ns((dir / "f").string()).value_or(0), 1'000'000'000'000'000'000LL);
  EXPECT_FALSE(modification_time_ns((dir / "missing").string()).has_value());
}

}  // namespace
}  // namespace cs::indexer
