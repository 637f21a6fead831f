// Korean attaches its particles to the word before them, with no space: 투표율은 ("the
// turnout", topic), 더불어민주당이 (subject), 서울에서 ("in Seoul"). ICU cuts Korean at spaces,
// so without this a name or noun is found only where it stands bare, and most Korean name
// searches found nothing (a new user's trial). Xapian has no Korean stemmer; this one takes
// a common particle off a word's end, as light stemmers for Korean do, and is the stemmer
// Korean articles and the Korean reading of a query share (Analyzer, language.hpp).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace cs {

// The name language.hpp gives Korean's stemmer, which Xapian does not know.
inline constexpr std::string_view kKoreanStemmer = "korean";

// `word` without the particle it ends with, when it has one and two syllables or more stay
// before it; else `word` as given. Only Hangul syllables are taken off.
std::string strip_korean_particle(std::string_view word);

// strip_korean_particle as a Xapian stemmer, for Xapian::Stem(new KoreanParticles).
class KoreanParticles : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override { return strip_korean_particle(word); }
  std::string get_description() const override { return std::string(kKoreanStemmer); }
};

}  // namespace cs
