#include "searcher/retrieve/first_stage.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

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
  EXPECT_EQ(ranked.mset.size(), 10u);
}

}  // namespace
}  // namespace cs::searcher
