#include "searcher/query/field_values.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/schema.hpp"

namespace cs::searcher {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Xapian::Database sources(std::initializer_list<const char*> folded_names) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const char* name : folded_names) {
    Xapian::Document document;
    document.add_boolean_term(schema::boolean_term(schema::kSourcePrefix, name));
    db.add_document(document);
  }
  return db;
}

TEST(FieldValues, AValueNamesTheValuesHoldingItsWordsInOrder) {
  const Xapian::Database db = sources({"the guardian", "guardian weekly", "the new york times", "reuters"});
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "guardian"), ElementsAre("XSguardian weekly", "XSthe guardian"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "new york"), ElementsAre("XSthe new york times"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "the guardian"), ElementsAre("XSthe guardian"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "york new"), IsEmpty());
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "guard"), IsEmpty()) << "whole words only";
  EXPECT_THAT(terms_naming(db, schema::kAuthorPrefix, "guardian"), IsEmpty()) << "another field's values";
}

// A site named by its host writes its name as one word (a new user's trial: --source "al
// jazeera" missed aljazeera.com's articles), and a name typed as one word may be written as
// several.
TEST(FieldValues, ANameWrittenAsOneWordOrSeveralNamesTheSame) {
  const Xapian::Database db = sources({"aljazeera.com", "al jazeera english", "washingtonpost.com", "bbc news"});
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "al jazeera"), ElementsAre("XSal jazeera english", "XSaljazeera.com"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "aljazeera"), ElementsAre("XSal jazeera english", "XSaljazeera.com"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "washington post"), ElementsAre("XSwashingtonpost.com"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "washington"), IsEmpty()) << "part of a word is no word";
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "jazeera english"), ElementsAre("XSal jazeera english"));
}

// A new user's trial: --source nhk missed "NHKニュース", and --source 自由時報 the Liberty
// Times' "自由時報電子報", whose words run together.
TEST(FieldValues, NamesInScriptsWithoutSpacesAreFoundByTheirWordsAndBeginnings) {
  const Xapian::Database db = sources({"nhkニュース", "www3.nhk.or.jp", "自由時報電子報", "美国之音"});
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "nhk"), ElementsAre("XSnhkニュース", "XSwww3.nhk.or.jp"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "自由時報"), ElementsAre("XS自由時報電子報"));
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "時報"), IsEmpty()) << "a beginning, not any part";
  EXPECT_THAT(terms_naming(db, schema::kSourcePrefix, "美"), IsEmpty()) << "one character is too short";
}

TEST(FieldValues, TheClosestValuesComeNearestFirst) {
  const Xapian::Database db = sources({"the guardian", "reuters", "the new york times"});
  const auto closest = closest_values(db, schema::kSourcePrefix, "guardain", 2);
  ASSERT_EQ(closest.size(), 2u);
  EXPECT_EQ(closest[0], "the guardian") << "shown as the term holds it when no article record says otherwise";
  EXPECT_THAT(closest_values(db, schema::kSourcePrefix, "reuter", 1), ElementsAre("reuters"));
  EXPECT_THAT(closest_values(sources({}), schema::kSourcePrefix, "x", 3), IsEmpty());
}

}  // namespace
}  // namespace cs::searcher
