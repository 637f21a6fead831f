#include "searcher/retrieve/value_counter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using Counted = std::pair<std::string, Xapian::doccount>;

enum class Counter { kHash, kXapian, kTable };

struct SlotCount {
  std::vector<Counted> counts;
  Xapian::doccount total = 0;
  ValueCounter::Valued valued;
  bool operator==(const SlotCount& other) const {
    return counts == other.counts && total == other.total && valued.distinct == other.valued.distinct &&
           valued.matches == other.valued.matches;
  }
};

// Counts slot 0 of the matches of "word" in a database of these values (empty: no value).
SlotCount count_values(const std::vector<std::string>& values, Counter kind) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string& value : values) {
    Xapian::Document document;
    document.add_term("word");
    if (!value.empty()) document.add_value(0, value);
    db.add_document(document);
  }
  Xapian::Document other;  // matches nothing: not counted
  other.add_term("else");
  other.add_value(0, "a");
  db.add_document(other);
  ValueCounter counter(0, kind == Counter::kXapian, kind == Counter::kTable ? ValueTable::read(db, 0) : nullptr);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&counter.spy());
  enquire.get_mset(0, 1, db.get_doccount());
  std::vector<Counted> counts;
  counter.for_each([&](const std::string& value, Xapian::doccount matches) { counts.emplace_back(value, matches); });
  std::sort(counts.begin(), counts.end());
  return {counts, counter.total(), counter.valued()};
}

TEST(ValueCounter, CountsEachValueOfTheMatchesAndTheMatchesWithout) {
  const std::vector<std::string> values = {"b", "a", "", "b", "a long value past the small-string buffer", "b", ""};
  for (const Counter kind : {Counter::kHash, Counter::kXapian, Counter::kTable}) {
    const SlotCount count = count_values(values, kind);
    EXPECT_THAT(count.counts,
                ElementsAre(Counted{"a", 1}, Counted{"a long value past the small-string buffer", 1}, Counted{"b", 3}))
        << static_cast<int>(kind);
    EXPECT_EQ(count.total, 7u) << "every match is seen, with a value or not";
    EXPECT_EQ(count.valued.distinct, 3u);
    EXPECT_EQ(count.valued.matches, 5u) << "the matches that held a value";
  }
}

TEST(ValueCounter, TheLocalCountsAreXapians) {
  std::vector<std::string> values;
  for (int i = 0; i < 500; ++i) values.push_back(i % 7 == 0 ? std::string() : "story-" + std::to_string(i * 37 % 61));
  EXPECT_EQ(count_values(values, Counter::kHash), count_values(values, Counter::kXapian));
  EXPECT_EQ(count_values(values, Counter::kTable), count_values(values, Counter::kXapian));
}

TEST(ValueTables, ATableIsReadAtTheSecondCountAndForgottenWhenTheDatabasesMove) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* value : {"x", "y", "x"}) {
    Xapian::Document document;
    document.add_value(3, value);
    db.add_document(document);
  }
  ValueTables tables;
  EXPECT_EQ(tables.shared_table(db, 3), nullptr) << "one command counts once: it reads its matches' values itself";
  const std::shared_ptr<const ValueTable> table = tables.shared_table(db, 3);
  ASSERT_NE(table, nullptr);
  EXPECT_EQ(table->distinct(), 2u);
  EXPECT_EQ(table->id_of(1), table->id_of(3));
  EXPECT_EQ(table->value(table->id_of(2)), "y");
  EXPECT_EQ(table->id_of(4), 0u) << "past the last document";
  EXPECT_THAT(table->documents_of(table->id_of(1)), ElementsAre(1u, 3u)) << "a value's documents, in order";
  EXPECT_THAT(table->documents_of(table->id_of(2)), ElementsAre(2u));
  EXPECT_EQ(tables.shared_table(db, 3), table) << "read once";
  EXPECT_EQ(tables.shared_table(db, 5), nullptr) << "each slot is asked for on its own";
  tables.forget();
  EXPECT_EQ(table->value(table->id_of(2)), "y") << "a counter holding the table still reads it";
  EXPECT_EQ(tables.shared_table(db, 3), nullptr) << "after the databases moved, read again only if asked again";
}

// Xapian's match spies see a shard's own document ids, not the combined database's, and not
// which shard (checked apart with a spy over three in-memory shards: ids 1, 2, 3, 1, 2, 1, 2
// for seven documents): shards searched as one are counted by reading values, as before.
TEST(ValueTables, ShardsSearchedAsOneHaveNoTable) {
  Xapian::WritableDatabase first(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::WritableDatabase second(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document document;
  document.add_value(3, "x");
  first.add_document(document);
  second.add_document(document);
  Xapian::Database both;
  both.add_database(first);
  both.add_database(second);
  ValueTables tables;
  for (int ask = 0; ask < 3; ++ask) EXPECT_EQ(tables.shared_table(both, 3), nullptr);
}

// Why: what Xapian 1.4 hands a match spy over shards searched as one.
TEST(ValueTables, XapiansSpiesSeeEachShardsOwnDocumentIds) {
  std::vector<Xapian::WritableDatabase> parts;
  for (int i = 0; i < 3; ++i) parts.emplace_back(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 7; ++i) {
    Xapian::Document document;
    document.add_term("word");
    parts[static_cast<std::size_t>(i % 3)].add_document(document);
  }
  Xapian::Database all;
  for (const Xapian::WritableDatabase& part : parts) all.add_database(part);
  struct Ids : Xapian::MatchSpy {
    std::vector<Xapian::docid> seen;
    void operator()(const Xapian::Document& document, double) override { seen.push_back(document.get_docid()); }
  } ids;
  Xapian::Enquire enquire(all);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&ids);
  enquire.get_mset(0, 10, all.get_doccount());
  ASSERT_EQ(ids.seen.size(), 7u);
  EXPECT_EQ(*std::max_element(ids.seen.begin(), ids.seen.end()), 3u) << "not the combined ids 1 to 7";
}

}  // namespace
}  // namespace cs::searcher
