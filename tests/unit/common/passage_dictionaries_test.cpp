#include "common/passage_dictionaries.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "support/prose_dictionary.hpp"
#include "support/test_support.hpp"

namespace cs {
namespace {

TEST(PassageDictionaries, AStoredDictionaryIsTheCurrentOne) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  EXPECT_EQ(current_passage_dictionary(db), std::nullopt);
  const compact_text::Dictionary first = test::dictionary_like(1);
  const compact_text::Dictionary second = test::dictionary_like(3);
  store_passage_dictionary(db, first);
  store_passage_dictionary(db, second);
  db.commit();
  const auto current = current_passage_dictionary(Xapian::Database((dir / "db").string()));
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->id(), second.id());
  EXPECT_EQ(current->bytes(), second.bytes());
}

TEST(PassageDictionaries, EachIsFoundByItsIdInWhicheverDatabaseHoldsIt) {
  test::TempDir dir;
  const compact_text::Dictionary first = test::dictionary_like(1);
  const compact_text::Dictionary second = test::dictionary_like(3);
  Xapian::WritableDatabase one((dir / "one").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase two((dir / "two").string(), Xapian::DB_CREATE);
  store_passage_dictionary(one, first);
  store_passage_dictionary(two, second);
  one.commit();
  two.commit();
  PassageDictionaries dictionaries;
  dictionaries.reset({Xapian::Database((dir / "one").string()), Xapian::Database((dir / "two").string())});
  const compact_text::Dictionary* found = dictionaries.find(second.id());
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->bytes(), second.bytes());
  EXPECT_EQ(dictionaries.find(second.id()), found) << "read once";
  ASSERT_NE(dictionaries.lookup()(first.id()), nullptr);
  EXPECT_EQ(dictionaries.lookup()(first.id())->id(), first.id());
  EXPECT_EQ(dictionaries.find(first.id() + 1), nullptr);
  dictionaries.reset({});
  EXPECT_EQ(dictionaries.find(first.id()), nullptr) << "forgotten with the databases";
}

TEST(PassageDictionaries, DamagedOrMismatchedEntriesAreNotDictionaries) {
  test::TempDir dir;
  const compact_text::Dictionary dictionary = test::dictionary_like(1);
  const compact_text::Dictionary another = test::dictionary_like(3);
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  const std::string prefix(schema::kPassageDictionaryPrefix);
  // Under the id of one, the bytes of another; under the id of the other, no dictionary.
  db.set_metadata(prefix + std::to_string(dictionary.id()), another.bytes());
  db.set_metadata(prefix + std::to_string(another.id()), "not a dictionary");
  db.set_metadata(std::string(schema::kPassageDictionaryKey), std::to_string(dictionary.id()));
  db.commit();
  EXPECT_EQ(current_passage_dictionary(db), std::nullopt);
  PassageDictionaries dictionaries;
  dictionaries.reset({db});
  EXPECT_EQ(dictionaries.find(dictionary.id()), nullptr);
  EXPECT_EQ(dictionaries.find(another.id()), nullptr);
  for (const char* id : {"", "x1", "-5", "0", "99999999999"}) {
    db.set_metadata(std::string(schema::kPassageDictionaryKey), id);
    EXPECT_EQ(current_passage_dictionary(db), std::nullopt) << id;
  }
}

}  // namespace
}  // namespace cs
