#include "common/korean_particles.hpp"

#include <gtest/gtest.h>

#include "common/analyzer.hpp"
#include "common/language.hpp"

namespace cs {
namespace {

TEST(KoreanParticles, ANounLosesTheParticleItEndsWith) {
  EXPECT_EQ(strip_korean_particle("투표율은"), "투표율");
  EXPECT_EQ(strip_korean_particle("더불어민주당이"), "더불어민주당");
  EXPECT_EQ(strip_korean_particle("조국혁신당은"), "조국혁신당");
  EXPECT_EQ(strip_korean_particle("서울에서는"), "서울") << "the longest particle";
  EXPECT_EQ(strip_korean_particle("미국과의"), "미국");
  EXPECT_EQ(strip_korean_particle("국민의힘이"), "국민의힘") << "의 inside a name stays";
}

TEST(KoreanParticles, TwoSyllablesStayAndOtherWordsAreLeftAlone) {
  EXPECT_EQ(strip_korean_particle("결과"), "결과") << "과 of a two-syllable noun is its own";
  EXPECT_EQ(strip_korean_particle("한국"), "한국");
  EXPECT_EQ(strip_korean_particle("우크라이나"), "우크라이나") << "나 is left out of the particles";
  EXPECT_EQ(strip_korean_particle("경기도"), "경기도") << "도 too: the province is not the economy";
  EXPECT_EQ(strip_korean_particle("Seoul은"), "Seoul은") << "Hangul only";
  EXPECT_EQ(strip_korean_particle(""), "");
}

TEST(KoreanParticles, ANounCutAsFarWithItsParticleAsWithout) {
  EXPECT_EQ(strip_korean_particle("민주주의가"), strip_korean_particle("민주주의"));
  EXPECT_EQ(strip_korean_particle("고양이를"), strip_korean_particle("고양이"));
}

TEST(KoreanParticles, KoreanArticlesAreStemmedByIt) {
  EXPECT_EQ(stemmer_for("ko"), kKoreanStemmer);
  EXPECT_EQ(stemmer_for("ko-KR"), kKoreanStemmer);
  Analyzer analyzer(kKoreanStemmer);
  std::vector<Token> tokens;
  analyzer.tokenize("이번 총선 투표율은 67.0%로 집계됐다", tokens);
  ASSERT_GE(tokens.size(), 3u);
  EXPECT_EQ(analyzer.stem(tokens[2].word), "투표율");
}

}  // namespace
}  // namespace cs
