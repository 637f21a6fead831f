#include "indexer/write/shards.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <string>

#include "common/schema.hpp"
#include "common/spelling_table.hpp"
#include "support/test_support.hpp"

namespace cs::indexer {
namespace {

// The parts of a parallel build are merged into one database: their documents, the union
// of their stemmers, and their spelling tables with each word's counts summed.
TEST(MergeDatabases, SumsTheSpellingTablesAndUnitesTheStemmers) {
  test::TempDir dir;
  const auto part = [&](const std::string& name, const std::unordered_map<std::string, std::int64_t>& words,
                        const std::string& stemmers) {
    Xapian::WritableDatabase db((dir / name).string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_term("Q" + name);
    db.add_document(document);
    spelling_table::add(db, words);
    db.set_metadata(std::string(schema::kStemLanguagesKey), stemmers);
    db.commit();
    return dir / name;
  };
  // Enough words beginning with "t" that their bucket is stored compressed.
  std::unordered_map<std::string, std::int64_t> many{{"taiwan", 3}, {"tariff", 1}};
  for (char c = 'a'; c <= 'z'; ++c) many[std::string("tax") + c + "ation"] = 2;
  const auto a = part("a", {{"taiwan", 2}, {"harbour", 1}, {"taxqation", 1}}, "english");
  const auto b = part("b", many, "french");
  ASSERT_TRUE(merge_databases({a, b}, dir / "merged").ok());
  const Xapian::Database merged((dir / "merged").string());
  EXPECT_EQ(merged.get_doccount(), 2u);
  std::map<std::string, std::int64_t> summed(many.begin(), many.end());
  summed["taiwan"] = 5;
  summed["harbour"] = 1;
  summed["taxqation"] = 3;
  EXPECT_EQ(spelling_table::read_all(merged), summed);
  const std::string t_bucket = spelling_table::bucket_key("t");
  EXPECT_NE(merged.get_metadata(t_bucket), spelling_table::read_bucket(merged, t_bucket))
      << "the merged bucket is stored compressed";
  EXPECT_EQ(schema::split_list(merged.get_metadata(std::string(schema::kStemLanguagesKey))),
            (std::vector<std::string>{"english", "french"}));
}

}  // namespace
}  // namespace cs::indexer
