#include "common/passage_text.hpp"

#include <gtest/gtest.h>

#include <random>

namespace cs {
namespace {

const std::string kProse =
    "The Congress has the power to lay and collect taxes, duties, imposts and excises, to pay the debts "
    "and provide for the common defence and general welfare of the United States; but all duties, imposts "
    "and excises shall be uniform throughout the United States. \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3.";

TEST(PassageText, ProseIsCompressedAndComesBackWhole) {
  const std::string packed = pack_passage_text(kProse);
  EXPECT_EQ(packed[0], '\2');
  EXPECT_LT(packed.size(), kProse.size() * 3 / 4) << "prose shrinks";
  EXPECT_EQ(unpack_passage_text(packed), kProse);
}

TEST(PassageText, WhatCompressionCannotShrinkIsStoredAsIs) {
  std::mt19937 random(7);
  std::string noise(300, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  for (const std::string& text : {std::string(), std::string("Hi."), noise}) {
    const std::string packed = pack_passage_text(text);
    EXPECT_EQ(packed, std::string(1, '\0') + text);
    EXPECT_EQ(unpack_passage_text(packed), text);
  }
}

TEST(PassageText, ALongPassageComesBackWhole) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += kProse.substr(static_cast<std::size_t>(i % 50), 60);
  EXPECT_EQ(unpack_passage_text(pack_passage_text(text)), text) << "a frame larger than a block";
}

TEST(PassageText, DamagedValuesAreRefused) {
  const std::string packed = pack_passage_text(kProse);
  EXPECT_EQ(unpack_passage_text(""), std::nullopt) << "no header";
  EXPECT_EQ(unpack_passage_text("\3abc"), std::nullopt) << "an unknown kind";
  EXPECT_EQ(unpack_passage_text(std::string(1, '\1') + packed.substr(1)), std::nullopt) << "zlib's kind, before schema 9";
  EXPECT_EQ(unpack_passage_text(packed.substr(0, packed.size() / 2)), std::nullopt) << "truncated";
  EXPECT_EQ(unpack_passage_text(packed + "x"), std::nullopt) << "bytes after the end";
  EXPECT_EQ(unpack_passage_text(std::string(1, '\2') + "not a frame at all"), std::nullopt) << "no frame";

}

}  // namespace
}  // namespace cs
