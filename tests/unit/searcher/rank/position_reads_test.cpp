#include "searcher/rank/position_reads.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace cs::searcher {
namespace {

std::vector<Xapian::termpos> positions(const Xapian::Database& db, Xapian::docid document, const std::string& term) {
  return {db.positionlist_begin(document, term), db.positionlist_end(document, term)};
}

// Aiming moves only where Xapian starts its reads: every list read after it is the one read
// without it, whatever the documents tried hold, and terms asked out of order or absent
// are passed over.
TEST(PositionReads, AimingChangesNoListRead) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    for (Xapian::docid d = 1; d <= 40; ++d) {
      Xapian::Document document;
      for (Xapian::termpos p = 1; p <= 30; ++p) document.add_posting("Zword" + std::to_string((d * p) % 13), p);
      if (d % 3 == 0) document.add_posting("Zrare", d);
      db.add_document(document);
    }
    db.commit();
  }
  const Xapian::Database db((dir / "db").string());
  std::vector<std::vector<Xapian::termpos>> plain;
  const std::vector<std::string> terms = {"Zabsent", "Zrare", "Zword1", "Zword7"};  // ascending
  for (const std::string& term : terms) {
    for (Xapian::docid d = 1; d <= 40; ++d) plain.push_back(positions(db, d, term));
  }
  const std::vector<Xapian::docid> tried = {1, 2, 3, 4};  // 1 and 2 lack "Zrare", 3 holds it
  PositionReads reads(db, tried);
  std::size_t at = 0;
  for (const std::string& term : terms) {
    reads.aim(term);
    for (Xapian::docid d = 1; d <= 40; ++d) ASSERT_EQ(positions(db, d, term), plain[at++]) << term << " in " << d;
  }
  reads.aim("Zrare");  // out of order: the term lists have walked past it
  EXPECT_EQ(positions(db, 3, "Zrare"), (std::vector<Xapian::termpos>{3}));
  PositionReads none(db, {});
  none.aim("Zword1");
  EXPECT_EQ(positions(db, 5, "Zword1"), plain[2 * 40 + 4]);
}

}  // namespace
}  // namespace cs::searcher
