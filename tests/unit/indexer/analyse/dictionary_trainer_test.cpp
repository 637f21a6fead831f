#include "indexer/analyse/dictionary_trainer.hpp"

#include <gtest/gtest.h>

#include "common/stored_dictionaries.hpp"
#include "indexer/analyse/passages.hpp"
#include "support/prose_dictionary.hpp"

namespace cs::indexer {
namespace {

// Articles of `paragraphs` passages_like(seed), a blank line between paragraphs, each with
// its own title and path.
std::vector<Article> articles_of(unsigned seed, std::size_t count, std::size_t paragraphs) {
  const std::vector<std::string> passages = test::passages_like(seed, count * paragraphs);
  std::vector<Article> articles(count);
  for (std::size_t i = 0; i < passages.size(); ++i) articles[i / paragraphs].body += passages[i] + "\n\n";
  for (std::size_t i = 0; i < count; ++i) {
    articles[i].id = "wire/" + std::to_string(seed) + "-" + std::to_string(i) + ".md";
    articles[i].path = articles[i].id;
    articles[i].title = passages[i * paragraphs].substr(0, 60);
    articles[i].source = i % 2 ? "The Wire" : "Gazette";
    articles[i].date = "2024-05-" + std::to_string(10 + i % 20);
  }
  return articles;
}

std::vector<std::string> roots_of(const std::vector<Article>& articles) {
  return std::vector<std::string>(articles.size(), "/data/news");
}

TEST(DictionaryTrainer, TrainsEachOnceItHasSeenEnoughAndOnlyOnce) {
  DictionaryTrainer trainer;
  // 40 articles of 3 paragraphs of 600 bytes, then 200: 72 KB and 40 records, then 360 KB
  // and 200 records.
  auto batch = articles_of(1, 40, 3);
  DocumentDictionaries trained = trainer.offer(batch, roots_of(batch), {});
  EXPECT_FALSE(trained.passages || trained.records);
  batch = articles_of(2, 200, 3);
  trained = trainer.offer(batch, roots_of(batch), {});
  EXPECT_FALSE(trained.passages);
  ASSERT_TRUE(trained.records) << "240 records seen";
  EXPECT_LE(trained.records->bytes().size(), DictionaryTrainer::kRecordDictionaryBytes);
  const std::string record = article_record_json(article_record(articles_of(9, 1, 1)[0], "/data/news", 1));
  EXPECT_LT(compact_text::compress(record, &*trained.records)->size(), compact_text::compress(record)->size());
  batch = articles_of(3, 100, 3);
  trained = trainer.offer(batch, roots_of(batch), {});
  ASSERT_TRUE(trained.passages) << "612 KB seen";
  EXPECT_FALSE(trained.records) << "trained already";
  EXPECT_LE(trained.passages->bytes().size(), DictionaryTrainer::kPassageDictionaryBytes);
  const std::string text = test::passages_like(4, 1).front();
  EXPECT_LT(compact_text::compress(text, &*trained.passages)->size(), compact_text::compress(text)->size());
  batch = articles_of(5, 300, 3);
  trained = trainer.offer(batch, roots_of(batch), {});
  EXPECT_FALSE(trained.passages || trained.records) << "trained already";
}

TEST(DictionaryTrainer, ADatabaseThatHasOneGetsNoOther) {
  DictionaryTrainer trainer;
  DocumentDictionaries have;
  have.passages = test::dictionary_like(1);
  have.records = test::dictionary_like(3);
  const auto batch = articles_of(2, 300, 3);
  const DocumentDictionaries trained = trainer.offer(batch, roots_of(batch), have);
  EXPECT_FALSE(trained.passages || trained.records);
}

// A database that grew by runs too small to train alone: the next run samples what it holds.
TEST(DictionaryTrainer, SamplesWhatADatabaseHoldsWithoutThem) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Analyzer analyzer;
  ArticleDocumentBuilder builder(analyzer);
  std::vector<Article> stored = articles_of(1, 400, 3);  // 720 KB, 400 records
  for (const Article& article : stored) {
    db.add_document(builder.build(article, cut_text(article.body, analyzer), "/data/news"));
  }
  DictionaryTrainer trainer;
  trainer.gather_stored(db, {});
  const DocumentDictionaries trained = trainer.offer({}, {}, {});
  ASSERT_TRUE(trained.passages && trained.records) << "nothing new, but enough stored";
  const std::string text = test::passages_like(4, 1).front();
  EXPECT_LT(compact_text::compress(text, &*trained.passages)->size(), compact_text::compress(text)->size());

  // A database that has both gives nothing to sample.
  DictionaryTrainer satisfied;
  satisfied.gather_stored(db, trained);
  const DocumentDictionaries none = satisfied.offer({}, {}, {});
  EXPECT_FALSE(none.passages || none.records);
}

// Two parts of a run, each with batches too small alone: they train together, and each then
// compresses with the same dictionaries.
TEST(SharedDictionaries, ThePartsOfARunTrainTogetherAndShare) {
  SharedDictionaries shared;
  const auto first = articles_of(1, 150, 3);
  const auto second = articles_of(2, 150, 3);
  const DocumentDictionaries early = shared.offer(first, roots_of(first));
  EXPECT_FALSE(early.passages) << "270 KB";
  ASSERT_TRUE(early.records) << "150 records";
  const DocumentDictionaries later = shared.offer(second, roots_of(second));
  ASSERT_TRUE(later.passages) << "540 KB from the two parts";
  EXPECT_EQ(later.records->id(), early.records->id());
  const DocumentDictionaries again = shared.offer(first, roots_of(first));
  EXPECT_EQ(again.passages->id(), later.passages->id());
}

TEST(SharedDictionaries, ADatabasesOwnDictionariesAreAdopted) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const compact_text::Dictionary passages = test::dictionary_like(1);
  store_dictionary(db, DictionaryUse::kPassages, passages);
  SharedDictionaries shared;
  shared.load(db);
  const auto batch = articles_of(2, 10, 1);
  const DocumentDictionaries offered = shared.offer(batch, roots_of(batch));
  ASSERT_TRUE(offered.passages);
  EXPECT_EQ(offered.passages->id(), passages.id());
  EXPECT_FALSE(offered.records) << "10 records";
}

TEST(DictionaryTrainer, OneLongArticleIsCutIntoPassageSizedPieces) {
  // One article of 1,000 paragraphs: enough alone, in pieces ZDICT can learn from.
  DictionaryTrainer trainer;
  const auto one = articles_of(1, 1, 1000);
  EXPECT_TRUE(trainer.offer(one, roots_of(one), {}).passages.has_value());
  // A body without line breaks is cut at spaces.
  std::vector<Article> unbroken(1);
  for (const std::string& passage : test::passages_like(2, 1000)) unbroken[0].body += passage;
  EXPECT_TRUE(DictionaryTrainer().offer(unbroken, roots_of(unbroken), {}).passages.has_value());
}

}  // namespace
}  // namespace cs::indexer
