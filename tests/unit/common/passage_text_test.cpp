#include "common/passage_text.hpp"

#include <gtest/gtest.h>

#include <random>

#include "common/analyzer.hpp"
#include "support/prose_dictionary.hpp"

namespace cs {
namespace {

const std::string kProse =
    "The Congress has the power to lay and collect taxes, duties, imposts and excises, to pay the debts "
    "and provide for the common defence and general welfare of the United States; but all duties, imposts "
    "and excises shall be uniform throughout the United States. \xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3.";

std::vector<Span> sentences_of(std::string_view text) {
  std::vector<Span> sentences;
  Analyzer().sentences(text, sentences);
  return sentences;
}

TEST(PassageText, ProseIsCompressedAndComesBackWithItsSentences) {
  const std::vector<Span> sentences = sentences_of(kProse);
  ASSERT_EQ(sentences.size(), 2u);
  const std::string packed = pack_passage_text(kProse, sentences);
  EXPECT_EQ(packed[0], '\2');
  EXPECT_LT(packed.size(), kProse.size() * 3 / 4) << "prose shrinks";
  const auto back = unpack_passage_text(packed, {});
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->text, kProse);
  EXPECT_EQ(back->sentences, sentences);
}

TEST(PassageText, APassageCompressedWithADictionaryNeedsItBack) {
  const compact_text::Dictionary dictionary = test::dictionary_like(1);
  const std::string text = test::passages_like(2, 1).front();
  const std::vector<Span> sentences = sentences_of(text);
  const std::string packed = pack_passage_text(text, sentences, &dictionary);
  EXPECT_LT(packed.size(), pack_passage_text(text, sentences).size());
  std::vector<std::uint32_t> asked;
  const auto back = unpack_passage_text(packed, [&](std::uint32_t id) -> const compact_text::Dictionary* {
    asked.push_back(id);
    return id == dictionary.id() ? &dictionary : nullptr;
  });
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->text, text);
  EXPECT_EQ(back->sentences, sentences);
  EXPECT_EQ(asked, std::vector<std::uint32_t>{dictionary.id()});
  EXPECT_EQ(unpack_passage_text(packed, {}), std::nullopt) << "no dictionaries to look in";
  EXPECT_EQ(unpack_passage_text(packed, [](std::uint32_t) { return nullptr; }), std::nullopt) << "not found";
  const compact_text::Dictionary another = test::dictionary_like(3);
  EXPECT_EQ(unpack_passage_text(packed, [&](std::uint32_t) { return &another; }), std::nullopt) << "another one";
}

TEST(PassageText, WhatCompressionCannotShrinkIsStoredAsIs) {
  std::mt19937 random(7);
  std::string noise(300, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  for (const std::string& text : {std::string(), std::string("Hi."), noise}) {
    const std::vector<Span> whole = text.empty() ? std::vector<Span>{} : std::vector<Span>{{0, static_cast<std::uint32_t>(text.size())}};
    const std::string packed = pack_passage_text(text, whole);
    EXPECT_EQ(packed[0], '\0');
    EXPECT_TRUE(packed.ends_with(text));
    const auto back = unpack_passage_text(packed, {});
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->text, text);
    EXPECT_EQ(back->sentences, whole);
  }
}

// The layout databases hold: a change on both sides at once would pass the tests above.
TEST(PassageText, TheStoredLayoutIsPinned) {
  const Span sentences[] = {{0, 3}, {3, 133}};
  const std::string text = "Hi." + std::string(130, 'x');
  const std::string packed = pack_passage_text(text, sentences);
  ASSERT_GT(packed.size(), 4u);
  EXPECT_EQ(packed.substr(0, 5), std::string("\2\2\3\x82\x01", 5)) << "kind, count, lengths (130 as two varint bytes)";
  EXPECT_EQ(pack_passage_text("Hi.", std::span<const Span>(sentences, 1)), std::string("\0\1\3Hi.", 6));
}

TEST(PassageText, SentencesThatDoNotCoverTheTextAreStoredAsOne) {
  const Span gap[] = {{0, 2}, {3, 5}};
  const auto back = unpack_passage_text(pack_passage_text("ab cd", gap), {});
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->sentences, (std::vector<Span>{{0, 5}}));
  EXPECT_EQ(unpack_passage_text(pack_passage_text("ab cd", {}), {})->sentences, (std::vector<Span>{{0, 5}}));
}

TEST(PassageText, ALongPassageComesBackWhole) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += kProse.substr(static_cast<std::size_t>(i % 50), 60);
  const std::vector<Span> sentences = sentences_of(text);
  const auto back = unpack_passage_text(pack_passage_text(text, sentences), {});
  ASSERT_TRUE(back.has_value()) << "a frame larger than a block, sentence lengths of several bytes";
  EXPECT_EQ(back->text, text);
  EXPECT_EQ(back->sentences, sentences);
}

TEST(PassageText, DamagedValuesAreRefused) {
  const std::vector<Span> sentences = sentences_of(kProse);
  const std::string packed = pack_passage_text(kProse, sentences);
  EXPECT_EQ(unpack_passage_text("", {}), std::nullopt) << "no header";
  EXPECT_EQ(unpack_passage_text("\3abc", {}), std::nullopt) << "an unknown kind";
  EXPECT_EQ(unpack_passage_text(std::string(1, '\1') + packed.substr(1), {}), std::nullopt) << "zlib's kind, before schema 9";
  EXPECT_EQ(unpack_passage_text(packed.substr(0, packed.size() / 2), {}), std::nullopt) << "truncated";
  EXPECT_EQ(unpack_passage_text(packed + "x", {}), std::nullopt) << "bytes after the end";
  EXPECT_EQ(unpack_passage_text(std::string("\2\0", 2) + "not a frame at all", {}), std::nullopt) << "no frame";
  EXPECT_EQ(unpack_passage_text(std::string("\0\x05", 2) + "abc", {}), std::nullopt) << "more sentences than bytes";
  EXPECT_EQ(unpack_passage_text(std::string("\0\x01\x04", 3) + "abc", {}), std::nullopt) << "sentences past the text";
  EXPECT_EQ(unpack_passage_text(std::string("\0\x01\x02", 3) + "abc", {}), std::nullopt) << "sentences short of it";
  EXPECT_EQ(unpack_passage_text(std::string("\0\x01\xFF", 3), {}), std::nullopt) << "a length cut short";
  EXPECT_EQ(unpack_passage_text(std::string("\0\x01\xFF\xFF\xFF\xFF\x7F", 7), {}), std::nullopt) << "a length past 32 bits";
}

}  // namespace
}  // namespace cs
