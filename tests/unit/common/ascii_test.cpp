#include "common/ascii.hpp"

#include <gtest/gtest.h>

#include <string>

namespace cs {
namespace {

TEST(Ascii, LowerAndUpperChangeOnlyTheAsciiLettersOfEveryByte) {
  std::string every;
  for (int byte = 0; byte < 256; ++byte) every += static_cast<char>(byte);
  const std::string lower = ascii_lower(every);
  const std::string upper = ascii_upper(every);
  ASSERT_EQ(lower.size(), 256u);
  ASSERT_EQ(upper.size(), 256u);
  for (std::size_t byte = 0; byte < 256; ++byte) {
    const bool capital = byte >= 'A' && byte <= 'Z';
    const bool small = byte >= 'a' && byte <= 'z';
    EXPECT_EQ(static_cast<std::size_t>(static_cast<unsigned char>(lower[byte])), capital ? byte + 32 : byte) << byte;
    EXPECT_EQ(static_cast<std::size_t>(static_cast<unsigned char>(upper[byte])), small ? byte - 32 : byte) << byte;
  }
  EXPECT_EQ(ascii_lower("Ünited STATES, Москва"), "Ünited states, Москва");
  EXPECT_EQ(ascii_upper(""), "");
}

}  // namespace
}  // namespace cs
