#include "searcher/retrieve/first_stage.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::searcher {
namespace {

// A word every article holds, in a database one article was deleted from: Xapian 1.4.22's
// match fails on it ("Unexpected end of posting list") when counting with a weight that needs
// no wdf, as the counting pass did with BoolWeight. A user deleting one saved file made every
// query for "a" or "to" fail.
TEST(FirstStage, CountsAWordEveryArticleHoldsAfterADeletion) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (int i = 0; i < 3000; ++i) {
      Xapian::Document document;
      document.add_term("Za", static_cast<Xapian::termcount>(1 + i % 5));
      document.add_term("Zword" + std::to_string(i % 50));
      document.add_value(schema::kStorySlot, std::to_string(i));
      db.add_document(document);
    }
    db.commit();
    db.delete_document(1500);
    db.commit();
  }
  const Xapian::Database db(path);
  const FirstStage counted = first_stage(db, false, Xapian::Query("Za"), Xapian::Query(), SortOrder::kRelevance,
                                         Bm25Parameters{}, nullptr, 0);
  EXPECT_EQ(counted.stories, 2999u);
  const FirstStage ranked = first_stage(db, false, Xapian::Query("Za"), Xapian::Query(), SortOrder::kRelevance,
                                        Bm25Parameters{}, nullptr, 10);
  EXPECT_EQ(ranked.ranked.size(), 10u);
}

// The ranking of one first stage: each article's document id and story key.
std::vector<std::pair<Xapian::docid, std::string>> ranking_of(const FirstStage& first) {
  std::vector<std::pair<Xapian::docid, std::string>> ranking;
  for (const RankedArticle& article : first.ranked) ranking.emplace_back(*article.at, article.story);
  return ranking;
}

// The first stage ranks articles uncollapsed and keeps each while its story is new, reading
// the story keys from the documents ranked (one command, a session's first search) or from
// the keys a session holds in memory (its later searches). Either way it keeps what Xapian's
// own collapse keeps, in the same order, whatever the order asked for, the page, or how
// many copies a story has (four copies of every story here, ranked side by side, so twice
// the articles wanted falls short and the ranking is asked again for more).
TEST(FirstStage, StoriesCollapseAsXapiansCollapseWithKeysFromDocumentsOrMemory) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (int i = 0; i < 900; ++i) {
      // Stories of four copies alike (so they rank side by side), spread over the database;
      // every 45th article has no story key and is never collapsed.
      const int story = i % 225;
      Xapian::Document document;
      document.add_term("Zcommon", static_cast<Xapian::termcount>(1 + (story * 7) % 11));
      if (story % 3 == 0) document.add_term("Zrare", static_cast<Xapian::termcount>(1 + story % 4));
      if (i % 45 != 7) document.add_value(schema::kStorySlot, "story" + std::to_string(story));
      document.add_value(schema::kDateSlot, "2024-01-" + std::to_string(10 + story % 20));
      db.add_document(document);
    }
    db.commit();
  }
  const Xapian::Database db(path);
  for (const char* word : {"Zcommon", "Zrare"}) {
    for (const SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewestFirst, SortOrder::kOldestFirst}) {
      for (const auto& [skipped, wanted] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 30}, {20, 10}, {0, 500}}) {
        ValueTables tables;
        const FirstStage from_documents = first_stage(db, false, Xapian::Query(word), Xapian::Query(), sort,
                                                      Bm25Parameters{}, nullptr, wanted, skipped, &tables);
        const FirstStage from_memory = first_stage(db, false, Xapian::Query(word), Xapian::Query(), sort,
                                                   Bm25Parameters{}, nullptr, wanted, skipped, &tables);
        ASSERT_NE(tables.shared_table(db, schema::kStorySlot), nullptr) << "the second search read the keys";
        // What Xapian's collapse keeps, with the first stage's weighting and order.
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(word));
        enquire.set_weighting_scheme(Xapian::BM25Weight(Bm25Parameters{}.k1, 0, 1, Bm25Parameters{}.b, 0.5));
        Xapian::MultiValueKeyMaker undated_last;
        if (sort == SortOrder::kNewestFirst) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
        if (sort == SortOrder::kOldestFirst) {
          undated_last.add_value(schema::kDateSlot, false, db.get_value_upper_bound(schema::kDateSlot) + "\xFF");
          enquire.set_sort_by_key_then_relevance(&undated_last, false);
        }
        enquire.set_collapse_key(schema::kStorySlot);
        const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(skipped), static_cast<Xapian::doccount>(wanted));
        std::vector<std::pair<Xapian::docid, std::string>> expected;
        for (auto it = mset.begin(); it != mset.end(); ++it) expected.emplace_back(*it, it.get_collapse_key());
        EXPECT_EQ(ranking_of(from_documents), expected) << word << " skipped " << skipped << " wanted " << wanted;
        EXPECT_EQ(ranking_of(from_memory), expected) << word << " skipped " << skipped << " wanted " << wanted;
        const std::size_t stories = std::string(word) == "Zrare" ? 75 : 240;  // 4 copies each, keyless ones alone
        EXPECT_EQ(expected.size(), std::min(wanted, stories - skipped)) << word;
        EXPECT_EQ(from_documents.stories, stories) << word;
        EXPECT_EQ(from_memory.stories, stories) << word;
      }
    }
  }
}

// Past 1,000 articles a ranked query's count of stories is an estimate unless every match was
// ranked. It is asked the same way in one command and in a session, so both give the same
// count (Xapian's estimate of an OR's matches moves with how many it ranks); and a query
// whose matches were all ranked counts its stories exactly, as a count alone does.
TEST(FirstStage, AStoryCountIsTheSameInOneCommandAndASession) {
  test::TempDir dir;
  const std::string path = (dir / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (int i = 0; i < 3000; ++i) {
      const int story = i % 1000;  // three copies of each
      Xapian::Document document;
      document.add_term("Zcommon", static_cast<Xapian::termcount>(1 + (i * 7) % 13));
      if (i % 9 == 0) document.add_term("Zsome", static_cast<Xapian::termcount>(1 + i % 5));
      document.add_value(schema::kStorySlot, "story" + std::to_string(story));
      db.add_document(document);
    }
    // 50 matches of 35 stories: 15 of two copies alike (ranked side by side, first) and 20
    // of one.
    for (int i = 0; i < 50; ++i) {
      Xapian::Document document;
      document.add_term("Zfew", i < 30 ? 9 : 1);
      document.add_value(schema::kStorySlot, "few" + std::to_string(i < 30 ? i / 2 : i));
      db.add_document(document);
    }
    db.commit();
  }
  const Xapian::Database db(path);
  const Xapian::Query either(Xapian::Query::OP_OR, Xapian::Query("Zcommon"), Xapian::Query("Zsome"));
  for (const Xapian::Query& query : {either, Xapian::Query("Zfew")}) {
    ValueTables tables;
    std::vector<std::uint64_t> counts;
    for (int search = 0; search < 3; ++search) {
      counts.push_back(first_stage(db, false, query, Xapian::Query(), SortOrder::kRelevance, Bm25Parameters{}, nullptr, 30,
                                   0, &tables)
                           .stories);
    }
    ASSERT_NE(tables.shared_table(db, schema::kStorySlot), nullptr) << "the later searches read the keys in memory";
    EXPECT_EQ(counts[1], counts[0]) << query.get_description();
    EXPECT_EQ(counts[2], counts[0]) << query.get_description();
    const std::uint64_t exact =
        first_stage(db, false, query, Xapian::Query(), SortOrder::kRelevance, Bm25Parameters{}, nullptr, 0).stories;
    if (query.get_length() == 1) {
      EXPECT_EQ(exact, 35u);
      EXPECT_EQ(counts[0], exact) << "its 50 matches were all ranked";
    } else {
      EXPECT_EQ(exact, 1000u);
      EXPECT_GE(counts[0], 30u) << "an estimate, at least the stories ranked";
      EXPECT_LE(counts[0], db.get_doccount()) << "an estimate, at most the articles";
    }
  }
}
}  // namespace
}  // namespace cs::searcher
