#include "common/stored_dictionaries.hpp"

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/schema.hpp"
#include "support/prose_dictionary.hpp"
#include "support/test_support.hpp"

namespace cs {
namespace {

TEST(StoredDictionaries, AStoredDictionaryIsTheCurrentOneForItsUse) {
  test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  EXPECT_EQ(current_dictionary(db, DictionaryUse::kPassages), std::nullopt);
  const compact_text::Dictionary first = test::dictionary_like(1);
  const compact_text::Dictionary second = test::dictionary_like(3);
  const compact_text::Dictionary records = test::dictionary_like(5);
  store_dictionary(db, DictionaryUse::kPassages, first);
  store_dictionary(db, DictionaryUse::kPassages, second);
  store_dictionary(db, DictionaryUse::kRecords, records);
  db.commit();
  const Xapian::Database reader((dir / "db").string());
  const auto current = current_dictionary(reader, DictionaryUse::kPassages);
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->id(), second.id());
  EXPECT_EQ(current->bytes(), second.bytes());
  ASSERT_TRUE(current_dictionary(reader, DictionaryUse::kRecords).has_value());
  EXPECT_EQ(current_dictionary(reader, DictionaryUse::kRecords)->id(), records.id());
}

TEST(StoredDictionaries, EachIsFoundByItsIdInWhicheverDatabaseHoldsIt) {
  test::TempDir dir;
  const compact_text::Dictionary first = test::dictionary_like(1);
  const compact_text::Dictionary second = test::dictionary_like(3);
  Xapian::WritableDatabase one((dir / "one").string(), Xapian::DB_CREATE);
  Xapian::WritableDatabase two((dir / "two").string(), Xapian::DB_CREATE);
  store_dictionary(one, DictionaryUse::kPassages, first);
  store_dictionary(two, DictionaryUse::kRecords, second);
  one.commit();
  two.commit();
  StoredDictionaries dictionaries;
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

TEST(StoredDictionaries, DamagedOrMismatchedEntriesAreNotDictionaries) {
  test::TempDir dir;
  const compact_text::Dictionary dictionary = test::dictionary_like(1);
  const compact_text::Dictionary another = test::dictionary_like(3);
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  const std::string prefix(schema::kDictionaryPrefix);
  // Under the id of one, the bytes of another; under the id of the other, no dictionary.
  db.set_metadata(prefix + std::to_string(dictionary.id()), another.bytes());
  db.set_metadata(prefix + std::to_string(another.id()), "not a dictionary");
  db.set_metadata(std::string(schema::kPassageDictionaryKey), std::to_string(dictionary.id()));
  db.commit();
  EXPECT_EQ(current_dictionary(db, DictionaryUse::kPassages), std::nullopt);
  StoredDictionaries dictionaries;
  dictionaries.reset({db});
  EXPECT_EQ(dictionaries.find(dictionary.id()), nullptr);
  EXPECT_EQ(dictionaries.find(another.id()), nullptr);
  for (const char* id : {"", "x1", "-5", "0", "99999999999"}) {
    db.set_metadata(std::string(schema::kPassageDictionaryKey), id);
    EXPECT_EQ(current_dictionary(db, DictionaryUse::kPassages), std::nullopt) << id;
  }
}

}  // namespace
}  // namespace cs
