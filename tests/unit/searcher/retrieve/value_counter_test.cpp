#include "searcher/retrieve/value_counter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using Counted = std::pair<std::string, Xapian::doccount>;

// Counts slot 0 of the matches of "word" in a database of these values (empty: no value).
std::pair<std::vector<Counted>, Xapian::doccount> count_values(const std::vector<std::string>& values, bool remote) {
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
  ValueCounter counter(0, remote);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&counter.spy());
  enquire.get_mset(0, 1, db.get_doccount());
  std::vector<Counted> counts;
  counter.for_each([&](const std::string& value, Xapian::doccount matches) { counts.emplace_back(value, matches); });
  std::sort(counts.begin(), counts.end());
  return {counts, counter.total()};
}

TEST(ValueCounter, CountsEachValueOfTheMatchesAndTheMatchesWithout) {
  const std::vector<std::string> values = {"b", "a", "", "b", "a long value past the small-string buffer", "b", ""};
  for (const bool remote : {false, true}) {
    const auto [counts, total] = count_values(values, remote);
    EXPECT_THAT(counts, ElementsAre(Counted{"a", 1}, Counted{"a long value past the small-string buffer", 1}, Counted{"b", 3}))
        << (remote ? "Xapian's spy" : "hash counts");
    EXPECT_EQ(total, 7u) << "every match is seen, with a value or not";
  }
}

TEST(ValueCounter, TheLocalCountsAreXapians) {
  std::vector<std::string> values;
  for (int i = 0; i < 500; ++i) values.push_back(i % 7 == 0 ? std::string() : "story-" + std::to_string(i * 37 % 61));
  EXPECT_EQ(count_values(values, false), count_values(values, true));
}

}  // namespace
}  // namespace cs::searcher
