#include "common/spelling_table.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "common/schema.hpp"
#include "support/test_support.hpp"

namespace cs::spelling_table {
namespace {

using Counts = std::map<std::string, std::int64_t>;

Counts counts_of(std::string_view bucket) {
  Counts counts;
  for_each_count(bucket, [&](std::string_view word, std::int64_t count) { counts[std::string(word)] += count; });
  return counts;
}

TEST(SpellingTable, AWordsBucketIsNamedByItsFirstByte) {
  EXPECT_EQ(bucket_key("taiwan"), std::string(schema::kSpellingWordsPrefix) + "t");
  EXPECT_EQ(bucket_key("trade"), bucket_key("taiwan"));
  EXPECT_NE(bucket_key("harbour"), bucket_key("taiwan"));
  EXPECT_TRUE(is_bucket_key(bucket_key("trade")));
  EXPECT_TRUE(is_bucket_key(std::string("\0\xC0", 2) + bucket_key("trade"))) << "as a Compactor is given it";
  EXPECT_FALSE(is_bucket_key(schema::kPendingSpellingPrefix));
  EXPECT_FALSE(is_bucket_key("cs:file:/news/" + bucket_key("trade"))) << "another key that holds the prefix";
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
  add(db, {{"taiwan", 1}, {"zebra", 1}, {"two words", 1}, {"line\nbreak", 1}});
  EXPECT_EQ(read_all(db), (Counts{{"harbour", 4}, {"taiwan", 3}, {"tariff", 1}, {"zebra", 1}}))
      << "a word with a space or a line break is left out: it would read back as another";
  EXPECT_EQ(read_bucket(db, bucket_key("t")), "taiwan 3\ntariff 1\n");
  EXPECT_EQ(db.get_metadata(bucket_key("t")), "taiwan 3\ntariff 1\n") << "too short to shrink: kept as lines";
}

TEST(SpellingTable, LongBucketsAreStoredCompressed) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  std::unordered_map<std::string, std::int64_t> counts;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; ++b) counts[std::string("tar") + a + b + "iff"] = a + b;
  }
  add(db, counts);
  const std::string stored = db.get_metadata(bucket_key("t"));
  const std::string lines = read_bucket(db, bucket_key("t"));
  EXPECT_LT(stored.size() * 2, lines.size()) << "sorted words share most of their letters";
  EXPECT_EQ(bucket_lines(stored), lines);
  EXPECT_EQ(read_all(db).size(), 26u * 26u);
  EXPECT_EQ(read_all(db)["tarzziff"], 'z' + 'z');
  EXPECT_THROW(bucket_lines(stored.substr(0, stored.size() / 2)), Xapian::DatabaseCorruptError)
      << "a damaged bucket is an error, never taken for an empty one a merge would write over it";
}

}  // namespace
}  // namespace cs::spelling_table
