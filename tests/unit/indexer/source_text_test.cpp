#include "indexer/source_text.hpp"

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

TEST(SourceText, ReplacesInvalidBytes) {
  auto decoded = decode_source_text("caf\xE9 au lait");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->replaced_bytes, 1u);
  EXPECT_EQ(decoded->text, "caf\xEF\xBF\xBD au lait");
}

TEST(SourceText, RefusesBinary) {
  auto decoded = decode_source_text(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().reason.find("binary"), std::string::npos);
}

}  // namespace
}  // namespace cs::indexer
