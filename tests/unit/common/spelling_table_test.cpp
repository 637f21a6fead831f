#include "common/spelling_table.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::spelling_table {
namespace {

using Counts = std::map<std::string, std::uint64_t>;

Counts counts_of(std::string_view bucket) {
  Counts counts;
  for_each_count(bucket, [&](std::string_view word, std::uint64_t count) { counts[std::string(word)] += count; });
  return counts;
}

TEST(SpellingTable, AWordsBucketIsNamedByItsFirstTwoBytes) {
  EXPECT_EQ(bucket_key("taiwan"), std::string(schema::kSpellingWordsPrefix) + "ta");
  EXPECT_EQ(bucket_key("tariff"), bucket_key("taiwan"));
  EXPECT_NE(bucket_key("trade"), bucket_key("taiwan"));
  EXPECT_TRUE(is_bucket_key("\x01" + bucket_key("trade"))) << "as a Compactor is given it, after Xapian's own prefix";
  EXPECT_FALSE(is_bucket_key(schema::kPendingSpellingPrefix));
}

TEST(SpellingTable, MergingSumsEachWordsCountsAndKeepsWordOrder) {
  const std::string merged = merge({"taiwan 3\ntariff 1\n", "tariff 2\ntaxes 7\n", ""});
  EXPECT_EQ(merged, "taiwan 3\ntariff 3\ntaxes 7\n");
  EXPECT_EQ(counts_of("taiwan 3\nnot a count x\n\n 5\ntariff 12\n"), (Counts{{"taiwan", 3}, {"tariff", 12}}))
      << "lines this module did not write are passed over";
}

TEST(SpellingTable, AddingMergesIntoTheStoredBuckets) {
  test::TempDir dir;  // a glass database: the in-memory backend cannot list metadata keys
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  add(db, {{"taiwan", 2}, {"tariff", 1}, {"harbour", 4}});
  add(db, {{"taiwan", 1}, {"zebra", 1}});
  EXPECT_EQ(read_all(db), (Counts{{"harbour", 4}, {"taiwan", 3}, {"tariff", 1}, {"zebra", 1}}));
  EXPECT_EQ(db.get_metadata(bucket_key("ta")), "taiwan 3\ntariff 1\n");
}

}  // namespace
}  // namespace cs::spelling_table
