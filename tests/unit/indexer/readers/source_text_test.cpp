#include "indexer/readers/source_text.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(SourceText, StripsUtf8Bom) {
  auto decoded = decode_source_text("\xEF\xBB\xBFTitle");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, "Title");
}

TEST(SourceText, ConvertsUtf16WithBom) {
  const std::string le("\xFF\xFEX\0i\0 \0\x60\x4E", 10);  // "Xi 习" little-endian
  auto decoded = decode_source_text(le);
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, "Xi \xE4\xB9\xA0");
  const std::string be("\xFE\xFF\0X\0i", 6);
  EXPECT_EQ(decode_source_text(be)->text, "Xi");
}

TEST(SourceText, ReadsUndeclaredLegacyTextAsWindows1252) {
  auto decoded = decode_source_text("caf\xE9 au lait \x93quoted\x94");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->text, "caf\xC3\xA9 au lait \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(decoded->replaced_bytes, 0u);
}

TEST(SourceText, FollowsTheDeclaredCharset) {
  // "Zbigniew Brzezi\xF1ski" in ISO-8859-2: 0xF1 is U+0144, not the windows-1252 U+00F1.
  auto decoded = decode_source_text("<meta charset=\"ISO-8859-2\"><p>Brzezi\xF1ski</p>");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->charset, "iso-8859-2");
  EXPECT_NE(decoded->text.find("Brzezi\xC5\x84ski"), std::string::npos);
}

TEST(SourceText, ValidUtf8WinsOverAWrongDeclaration) {
  auto decoded = decode_source_text("<meta charset=\"windows-1252\"><p>caf\xC3\xA9</p>");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->charset, "utf-8");
  EXPECT_NE(decoded->text.find("caf\xC3\xA9"), std::string::npos);
}

// A file saved as UTF-8 with a character cut short, or a stray byte of another charset, is
// UTF-8 with a few bad bytes: read as windows-1252, every other character came out garbled
// (a new user's trial: five Japanese JSON Lines records with one bad character, none found).
TEST(SourceText, ReadsDamagedUtf8AsUtf8) {
  auto japanese = decode_source_text("\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF \xE6\x99 \xE6\x99\xB4\xE3\x82\x8C");
  ASSERT_TRUE(japanese.ok());
  EXPECT_EQ(japanese->charset, "utf-8");
  EXPECT_EQ(japanese->text, "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD\xE3\x81\xAF \xEF\xBF\xBD\xEF\xBF\xBD \xE6\x99\xB4\xE3\x82\x8C");
  EXPECT_EQ(japanese->replaced_bytes, 2u);
  auto latin = decode_source_text("Caf\xC3\xA9 culture in Z\xC3\xBCrich, a stray \xE9");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(latin->text, "Caf\xC3\xA9 culture in Z\xC3\xBCrich, a stray \xEF\xBF\xBD");
  EXPECT_EQ(latin->replaced_bytes, 1u);
}

TEST(SourceText, AnUnknownDeclaredCharsetStillGivesText) {
  auto decoded = decode_source_text("<meta charset=\"x-no-such-charset\"><p>caf\xE9</p>");
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(decoded->text.find("caf") != std::string::npos);
}

TEST(SourceText, RefusesBinary) {
  auto decoded = decode_source_text(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().reason.find("binary"), std::string::npos);
}

}  // namespace
}  // namespace cs::indexer
