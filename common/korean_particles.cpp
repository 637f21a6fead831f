#include "common/korean_particles.hpp"

#include "common/utf8.hpp"

namespace cs {

namespace {

// Particles (josa) that close a noun phrase, longest first where one ends another. Left
// out: endings that are as often a noun's own last syllable as a particle (나, 이나, 고, 다, 라;
// 도, "also", would make the province 경기도 the economy, 경기), and verb and adjective
// endings, which a noun search does not need.
constexpr std::string_view kParticles[] = {
    "에서부터", "으로부터", "에서는", "에서도", "에서의", "으로는", "으로도", "으로서", "으로써", "에게서", "에게는",
    "이라는", "까지는", "부터는", "보다는", "에서", "에게", "께서", "한테", "으로", "까지", "부터", "보다", "처럼",
    "만큼", "에는", "에도", "와의", "과의", "로는", "로서", "로써", "라는", "이며", "은", "는", "이", "가",
    "을", "를", "의", "에", "와", "과", "로", "만",
};

// Hangul syllables (U+AC00 to U+D7A3) are three bytes of UTF-8 each.
std::size_t hangul_syllables(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t at = 0; at < text.size();) {
    char32_t c = 0;
    const std::size_t length = utf8::decode(text, at, c);
    if (length == 0 || c < 0xAC00 || c > 0xD7A3) return 0;
    at += length;
    ++count;
  }
  return count;
}

}  // namespace

std::string strip_korean_particle(std::string_view word) {
  constexpr std::size_t kKeptSyllables = 2;
  std::size_t syllables = hangul_syllables(word);
  // Again while one is left: a noun whose last syllable is a particle's ("민주주의",
  // democracy) is cut as far with its particle ("민주주의가") as without it.
  for (bool cut = true; cut && syllables > kKeptSyllables;) {
    cut = false;
    for (const std::string_view particle : kParticles) {
      const std::size_t particle_syllables = particle.size() / 3;
      if (word.ends_with(particle) && syllables - particle_syllables >= kKeptSyllables) {
        word.remove_suffix(particle.size());
        syllables -= particle_syllables;
        cut = true;
        break;
      }
    }
  }
  return std::string(word);
}

}  // namespace cs
