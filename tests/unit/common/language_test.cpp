#include "common/language.hpp"

#include <gtest/gtest.h>

namespace cs {
namespace {

TEST(Language, TagsPickTheSnowballStemmerOfTheirPrimaryLanguage) {
  EXPECT_EQ(stemmer_for("en"), "english");
  EXPECT_EQ(stemmer_for("en-US"), "english");
  EXPECT_EQ(stemmer_for("EN_gb"), "english");
  EXPECT_EQ(stemmer_for("english"), "english");
  EXPECT_EQ(stemmer_for("fr"), "french");
  EXPECT_EQ(stemmer_for("de-AT"), "german");
  EXPECT_EQ(stemmer_for("pt-BR"), "portuguese");
  EXPECT_EQ(stemmer_for("ru"), "russian");
}

TEST(Language, UnknownAndUnstemmedLanguagesAreNotStemmed) {
  EXPECT_EQ(stemmer_for(""), kNoStemmer);
  EXPECT_EQ(stemmer_for("zh"), kNoStemmer);
  EXPECT_EQ(stemmer_for("zh-Hant"), kNoStemmer);
  EXPECT_EQ(stemmer_for("ja"), kNoStemmer);
  EXPECT_EQ(stemmer_for("xx"), kNoStemmer);
  EXPECT_EQ(stemmer_for("none"), kNoStemmer);
  EXPECT_EQ(stemmer_for(std::string(300, 'q')), kNoStemmer);
}

}  // namespace
}  // namespace cs
