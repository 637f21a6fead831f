#include "searcher/query/spelling.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <unordered_map>

#include "common/analyzer.hpp"
#include "common/schema.hpp"
#include "common/spelling_table.hpp"
#include "searcher/retrieve/retrieve.hpp"
#include "support/test_support.hpp"

namespace cs::searcher {
namespace {

TEST(EditDistance, CountsEditsUpToTheLimit) {
  EXPECT_EQ(edit_distance("goverment", "government", 2), 1u);
  EXPECT_EQ(edit_distance("budjet", "budget", 2), 1u);
  EXPECT_EQ(edit_distance("harbour", "harbor", 2), 1u);
  EXPECT_EQ(edit_distance("abc", "cab", 2), 2u);
  EXPECT_EQ(edit_distance("taiwan", "tariff", 2), 3u) << "limit + 1 once it is more";
  EXPECT_EQ(edit_distance("a", "abcdef", 2), 3u) << "lengths too far apart";
  const std::string long_word(100, 'a');
  EXPECT_EQ(edit_distance(long_word, long_word + "b", 2), 1u) << "longer than a word's usual row";
}

// Words of a small alphabet (with a two-byte letter) so that many lie within two edits of
// each other.
std::string random_word(std::mt19937& random) {
  static const std::vector<std::string> kLetters = {"a", "b", "e", "n", "r", "s", "t", "\xC3\xA9"};
  std::string word;
  const std::size_t letters = 1 + random() % 9;
  for (std::size_t i = 0; i < letters; ++i) word += kLetters[random() % kLetters.size()];
  return word;
}

// Two shards' tables, some words in both: each correction's counts are summed, copied or
// walked.
TEST(SpellingWords, PassesOverNoWordWithinTheLimitAndMostBeyondIt) {
  test::TempDir dir;
  std::mt19937 random(23);
  std::map<std::string, Xapian::termcount> held;
  std::vector<Xapian::Database> shards;
  for (const char* name : {"a", "b"}) {
    Xapian::WritableDatabase db((dir / name).string(), Xapian::DB_CREATE);
    for (int batch = 0; batch < 3; ++batch) {  // each batch merged into the stored buckets
      std::unordered_map<std::string, std::int64_t> counts;
      for (int i = 0; i < 500; ++i) {
        const std::string word = random_word(random);
        const auto times = static_cast<std::int64_t>(1 + random() % 5);
        counts[word] += times;
        // Corrections are the listed words of letters a to z ("é" and short words are not).
        if (spelling_table::is_listed_word(word) && spelling_table::is_correctable_word(word)) {
          held[word] += static_cast<std::uint32_t>(times);
        }
      }
      spelling_table::add(db, counts);
    }
    db.commit();
    shards.emplace_back((dir / name).string());
  }
  const SpellingWords copied = SpellingWords::read(shards);
  ASSERT_TRUE(copied.copied());
  ASSERT_EQ(copied.size(), held.size());
  const SpellingWords walked = SpellingWords::read(shards, held.size() - 1);
  ASSERT_FALSE(walked.copied()) << "too many words to copy: the table is walked";
  const auto near = [](const SpellingWords& words, const std::string& typed) {
    std::map<std::string, std::uint32_t> visited;
    words.for_each_near(typed, 2, [&](std::string_view word, std::uint32_t frequency) {
      visited.emplace(std::string(word), frequency);
    });
    return visited;
  };
  std::size_t visited_in_all = 0;
  for (int i = 0; i < 200; ++i) {
    const std::string typed = random_word(random);
    auto visited = near(copied, typed);
    visited_in_all += visited.size();
    for (const auto& [word, frequency] : held) {
      if (edit_distance(typed, word, 2) > 2) continue;
      ASSERT_TRUE(visited.contains(word)) << typed << " -> " << word;
      EXPECT_EQ(visited[word], frequency) << word;
    }
    EXPECT_EQ(near(walked, typed), visited) << typed;
  }
  EXPECT_LT(visited_in_all, 200 * held.size() / 2) << "the filter passes over most words";
}

// A run commits its articles with their words' counts waiting beside the table (and a
// killed run leaves them so until the next): they are suggested as the table's are.
TEST(SpellingWords, CountsWaitingForTheTableAreRead) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    spelling_table::add(db, {{"harbour", 3}, {"zebra", 1}});
    db.set_metadata(std::string(schema::kPendingSpellingPrefix) + "0000000000000000", "zebra 2\nquartz 4\n");
    db.set_metadata(std::string(schema::kPendingSpellingPrefix) + "0000000000000001", "quartz 1\n");
    db.commit();
  }
  const std::vector<Xapian::Database> shards = {Xapian::Database((dir / "db").string())};
  for (const std::size_t max_copied : {SpellingWords::kMaxCopiedWords, std::size_t{1}}) {
    const SpellingWords words = SpellingWords::read(shards, max_copied);
    std::map<std::string, std::uint32_t> seen;
    for (const char* typed : {"harbor", "zebbra", "quarts"}) {
      words.for_each_near(typed, 2, [&](std::string_view word, std::uint32_t count) { seen[std::string(word)] = count; });
    }
    EXPECT_EQ(seen["harbour"], 3u);
    EXPECT_EQ(seen["zebra"], 3u) << "the table's and the waiting counts summed";
    EXPECT_EQ(seen["quartz"], 5u) << "a word only waiting, in two records";
  }
}

// Wildcards and the search box's completions read the words that begin with a prefix: of
// every shard, with what waits for the table, counts summed, in word order.
TEST(WordsStarting, ReadsEveryShardAndTheWaitingCounts) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase one((dir / "one").string(), Xapian::DB_CREATE);
    spelling_table::add(one, {{"tariff", 3}, {"tariffs", 2}, {"tar", 1}, {"tax", 9}, {"москва", 2}, {"u.s", 5}});
    one.commit();
    Xapian::WritableDatabase two((dir / "two").string(), Xapian::DB_CREATE);
    spelling_table::add(two, {{"tariffs", 5}, {"taiwan", 4}});
    two.set_metadata(std::string(schema::kPendingSpellingPrefix) + "0000000000000000", "tariffed 1\ntariff 1\nzebra 2\n");
    two.commit();
  }
  const std::vector<Xapian::Database> shards = {Xapian::Database((dir / "one").string()),
                                                Xapian::Database((dir / "two").string())};
  using Words = std::vector<std::pair<std::string, std::uint64_t>>;
  EXPECT_EQ(words_starting(shards, "tariff"), (Words{{"tariff", 4}, {"tariffed", 1}, {"tariffs", 7}}));
  EXPECT_EQ(words_starting(shards, "ta"), (Words{{"taiwan", 4}, {"tar", 1}, {"tariff", 4}, {"tariffed", 1}, {"tariffs", 7}, {"tax", 9}}));
  EXPECT_EQ(words_starting({shards[0]}, "tariff"), (Words{{"tariff", 3}, {"tariffs", 2}})) << "one shard, read as it is";
  EXPECT_TRUE(words_starting(shards, "q").empty());
  EXPECT_EQ(words_starting(shards, "мос"), (Words{{"москва", 2}})) << "any script";
  EXPECT_EQ(words_starting(shards, "u."), (Words{{"u.s", 5}})) << "acronyms";
  EXPECT_EQ(complete_word(shards, "ta", 3), (Words{{"tax", 9}, {"tariffs", 7}, {"taiwan", 4}})) << "the most frequent first";
}

// A run that replaced or deleted articles records minus their words' counts: until it
// applies them a word whose articles are all gone is no longer offered.
TEST(WordsStarting, CountsTakenOffByARunAreTakenOffAlready) {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
    spelling_table::add(db, {{"hurricane", 1}, {"hurdle", 2}, {"hurry", 3}});
    db.set_metadata(std::string(schema::kPendingSpellingPrefix) + "0000000000000000", "hurricane -1\nhurry -1\n");
    db.commit();
  }
  const std::vector<Xapian::Database> shards = {Xapian::Database((dir / "db").string())};
  using Words = std::vector<std::pair<std::string, std::uint64_t>>;
  EXPECT_EQ(words_starting(shards, "hur"), (Words{{"hurdle", 2}, {"hurry", 2}}));
  std::map<std::string, std::uint32_t> near;
  SpellingWords::read(shards).for_each_near("huricane", 2, [&](std::string_view word, std::uint32_t count) {
    near[std::string(word)] = count;
  });
  EXPECT_EQ(near.count("hurricane"), 0u);
}

TEST(SpellingWords, AnEmptyTableVisitsNothing) {
  test::TempDir dir;
  Xapian::WritableDatabase((dir / "db").string(), Xapian::DB_CREATE).commit();
  const SpellingWords words = SpellingWords::read({Xapian::Database((dir / "db").string())});
  std::size_t visited = 0;
  words.for_each_near("anything", 2, [&](std::string_view, std::uint32_t) { ++visited; });
  EXPECT_EQ(visited, 0u);
}

// A searcher keeps the spelling table it read for its first suggestion until the database
// moves: after a commit (a reopen, the same files) it reads the table again.
TEST(PassageSearcherSpelling, ReadsTheTableAgainAfterACommit) {
  test::TempDir dir;
  const std::filesystem::path path = dir / "db";
  Xapian::WritableDatabase writer(path.string(), Xapian::DB_CREATE);
  writer.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
  spelling_table::add(writer, {{"harbour", 3}});
  writer.commit();
  auto searcher = PassageSearcher::open({path});
  ASSERT_TRUE(searcher.ok()) << searcher.error().reason;
  Analyzer analyzer;
  EXPECT_EQ((*searcher)->suggest("harbuor", analyzer), "harbour");
  EXPECT_EQ((*searcher)->suggest("zebbra", analyzer), "");
  spelling_table::add(writer, {{"zebra", 2}});
  writer.commit();
  EXPECT_EQ((*searcher)->suggest("zebbra", analyzer), "") << "the snapshot it searches has no zebra yet";
  ASSERT_TRUE((*searcher)->catch_up().ok());
  EXPECT_EQ((*searcher)->suggest("zebbra", analyzer), "zebra");
}

}  // namespace
}  // namespace cs::searcher
