#include "common/compact_text.hpp"

#include <gtest/gtest.h>
#include <zstd.h>

#include <random>
#include <string>
#include <vector>

#include "support/prose_dictionary.hpp"

namespace cs {
namespace {

const std::string kSomeProse =
    "The Congress has the power to lay and collect taxes, duties, imposts and excises, to pay the debts and "
    "provide for the common defence and general welfare of the United States; but all duties, imposts and "
    "excises shall be uniform throughout the United States.";

TEST(CompactText, ProseShrinksAndComesBack) {
  const auto frame = compact_text::compress(kSomeProse);
  ASSERT_TRUE(frame.has_value());
  EXPECT_LT(frame->size(), kSomeProse.size());
  EXPECT_TRUE(compact_text::is_compressed(*frame));
  EXPECT_EQ(compact_text::decompress(*frame, kSomeProse.size()), kSomeProse);
}

TEST(CompactText, WhatDoesNotShrinkIsNotCompressed) {
  std::mt19937 random(11);
  std::string noise(500, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  EXPECT_EQ(compact_text::compress(noise), std::nullopt);
  EXPECT_EQ(compact_text::compress(""), std::nullopt);
}

// A frame is decoded only into the size it records, and only up to what the caller allows:
// two megabytes of zeros make a frame of a few hundred bytes.
TEST(CompactText, AFrameHoldingMoreThanAllowedIsRefused) {
  const std::string zeros(2 << 20, '\0');
  const auto frame = compact_text::compress(zeros);
  ASSERT_TRUE(frame.has_value());
  EXPECT_LT(frame->size(), 1000u);
  EXPECT_EQ(compact_text::decompress(*frame, 1 << 20), std::nullopt);
  EXPECT_EQ(compact_text::decompress(*frame, 2 << 20), zeros);
}

TEST(CompactText, FramesOfUnknownSizeAndDamagedOnesAreRefused) {
  // A frame written without its size (as a stream is).
  std::string streamed(ZSTD_compressBound(kSomeProse.size()), '\0');
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0);
  const std::size_t size = ZSTD_compress2(context, streamed.data(), streamed.size(), kSomeProse.data(), kSomeProse.size());
  ZSTD_freeCCtx(context);
  ASSERT_FALSE(ZSTD_isError(size));
  streamed.resize(size);
  ASSERT_TRUE(compact_text::is_compressed(streamed));
  EXPECT_EQ(ZSTD_getFrameContentSize(streamed.data(), streamed.size()), ZSTD_CONTENTSIZE_UNKNOWN);
  EXPECT_EQ(compact_text::decompress(streamed, 1 << 20), std::nullopt);

  const std::string frame = *compact_text::compress(kSomeProse);
  EXPECT_EQ(compact_text::decompress(frame + "x", 1 << 20), std::nullopt) << "bytes after the frame";
  EXPECT_EQ(compact_text::decompress(frame.substr(0, frame.size() - 1), 1 << 20), std::nullopt) << "cut short";
  EXPECT_EQ(compact_text::decompress(frame.substr(0, 4), 1 << 20), std::nullopt) << "the magic alone";
  EXPECT_EQ(compact_text::decompress("{\"json\": 1}", 1 << 20), std::nullopt) << "no frame";
}

using test::dictionary_like;
using test::passages_like;

TEST(CompactText, ADictionaryShrinksTextsOfItsKindAndIsNamedByTheirFrames) {
  const compact_text::Dictionary dictionary = dictionary_like(1);
  EXPECT_NE(dictionary.id(), 0u);
  std::size_t alone = 0, primed = 0;
  for (const std::string& text : passages_like(2, 50)) {  // texts it was not trained on
    const auto plain = compact_text::compress(text);
    const auto frame = compact_text::compress(text, &dictionary);
    ASSERT_TRUE(plain && frame);
    alone += plain->size();
    primed += frame->size();
    EXPECT_EQ(compact_text::dictionary_of(*plain), 0u);
    EXPECT_EQ(compact_text::dictionary_of(*frame), dictionary.id());
    EXPECT_EQ(compact_text::decompress(*frame, text.size(), &dictionary), text);
    EXPECT_EQ(compact_text::decompress(*plain, text.size(), &dictionary), text) << "a frame without one ignores it";
  }
  EXPECT_LT(primed * 10, alone * 9) << "at least 10% smaller";
}

// Trains a 16 KB dictionary on `trained_on` as `training` says, and one with Zstandard's
// search: the first's frames of `held_out` name it, come back whole, and are within 10% of
// the second's.
void expect_shrinks_like_a_searched_one(const std::vector<std::string>& trained_on, const std::vector<std::string>& held_out,
                                        compact_text::Training training) {
  const std::vector<std::string_view> samples(trained_on.begin(), trained_on.end());
  const auto trained = compact_text::train_dictionary(samples, 16 * 1024, training);
  const auto searched = compact_text::train_dictionary(samples, 16 * 1024, compact_text::Training::kSearched);
  ASSERT_TRUE(trained && searched);
  std::size_t with_trained = 0, with_searched = 0;
  for (const std::string& text : held_out) {
    const auto frame = compact_text::compress(text, &*trained);
    ASSERT_TRUE(frame.has_value());
    EXPECT_EQ(compact_text::dictionary_of(*frame), trained->id());
    EXPECT_EQ(compact_text::decompress(*frame, text.size(), &*trained), text);
    with_trained += frame->size();
    with_searched += compact_text::compress(text, &*searched)->size();
  }
  EXPECT_LT(with_trained * 10, with_searched * 11) << "within 10% of the searched dictionary's frames";
}

// Trained once at prose's segment size, a dictionary shrinks prose about as much as one
// trained with Zstandard's search, and its frames come back whole.
TEST(CompactText, ADictionaryTrainedForProseShrinksItLikeASearchedOne) {
  expect_shrinks_like_a_searched_one(passages_like(1, 1000), passages_like(2, 50), compact_text::Training::kProse);
}

// Article records as cs-index stores them (JSON), of `count` articles from `seed`: headlines
// of a dozen words drawn from a few hundred, each in the id, URL and path as a slug.
std::vector<std::string> records_like(unsigned seed, std::size_t count) {
  const std::vector<std::string> outlets = {"Reuters", "The Guardian", "Associated Press", "Le Monde", "NHK World"};
  std::mt19937 random(seed);
  std::vector<std::string> vocabulary;
  for (int i = 0; i < 400; ++i) {
    std::string word;
    for (std::size_t letters = 3 + random() % 7; letters > 0; --letters) word += static_cast<char>('a' + random() % 26);
    vocabulary.push_back(word);
  }
  std::vector<std::string> records;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string outlet = outlets[random() % outlets.size()];
    std::string title, slug;
    for (std::size_t w = 8 + random() % 8; w > 0; --w) {
      const std::string& word = vocabulary[random() % vocabulary.size()];
      title += (title.empty() ? "" : " ") + word;
      slug += (slug.empty() ? "" : "-") + word;
    }
    const std::string day = "2024-0" + std::to_string(1 + random() % 9) + "-1" + std::to_string(random() % 10);
    records.push_back("{\"id\":\"" + outlet + "/" + day + "/" + slug + ".html\",\"title\":\"" + title + "\",\"source\":\"" +
                      outlet + "\",\"author\":\"Jane Doe\",\"date\":\"" + day + "T08:00:00Z\",\"url\":\"https://www.example.com/news/" +
                      day + "/" + slug + "\",\"path\":\"" + outlet + "/" + slug + ".html\",\"root\":\"/home/jane/news\",\"lang\":\"en\",\"topics\":[\"" +
                      vocabulary[random() % vocabulary.size()] + "\"],\"count\":" + std::to_string(3 + random() % 20) + "}");
  }
  return records;
}

// Trained once at a record's segment size, a dictionary shrinks article records about as
// much as one trained with Zstandard's search (in a twentieth of the time).
TEST(CompactText, ADictionaryTrainedForRecordsShrinksThemLikeASearchedOne) {
  expect_shrinks_like_a_searched_one(records_like(1, 64), records_like(2, 200), compact_text::Training::kRecords);
}

TEST(CompactText, AFrameIsRefusedWithoutItsDictionaryOrWithAnother) {
  const compact_text::Dictionary dictionary = dictionary_like(1);
  const compact_text::Dictionary another = dictionary_like(3);
  ASSERT_NE(another.id(), dictionary.id());
  const std::string text = passages_like(2, 1).front();
  const std::string frame = *compact_text::compress(text, &dictionary);
  EXPECT_EQ(compact_text::decompress(frame, 1 << 20), std::nullopt);
  EXPECT_EQ(compact_text::decompress(frame, 1 << 20, &another), std::nullopt);
  EXPECT_EQ(compact_text::decompress(frame, 1 << 20, &dictionary), text);
}

TEST(CompactText, ADictionaryLoadsFromItsBytesAndNothingElseDoes) {
  const compact_text::Dictionary dictionary = dictionary_like(1);
  const auto loaded = compact_text::Dictionary::load(dictionary.bytes());
  ASSERT_TRUE(loaded.has_value());
  EXPECT_EQ(loaded->id(), dictionary.id());
  const std::string text = passages_like(2, 1).front();
  EXPECT_EQ(compact_text::decompress(*compact_text::compress(text, &dictionary), 1 << 20, &*loaded), text);
  EXPECT_EQ(compact_text::Dictionary::load(""), std::nullopt);
  EXPECT_EQ(compact_text::Dictionary::load(text), std::nullopt) << "raw text has no dictionary id";
  EXPECT_EQ(compact_text::Dictionary::load(dictionary.bytes().substr(0, 4)), std::nullopt);
}

// A database's dictionary may be damaged: one whose tables Zstandard cannot read does not
// load (its passages are then unreadable, the searcher's "rebuild" error), where making
// its tables at the first frame had thrown, as if memory had run out.
TEST(CompactText, ADictionaryWithDamagedTablesDoesNotLoad) {
  std::string bytes = dictionary_like(1).bytes();
  ASSERT_GT(bytes.size(), 200u);
  for (std::size_t i = 8; i < 72; ++i) bytes[i] = '\xFF';  // past the magic number and id: the entropy tables
  EXPECT_EQ(compact_text::Dictionary::load(bytes), std::nullopt);
}

TEST(CompactText, TooFewSamplesTrainNoDictionary) {
  const std::vector<std::string_view> samples = {kSomeProse};
  EXPECT_EQ(compact_text::train_dictionary(samples, 16 * 1024), std::nullopt);
}

}  // namespace
}  // namespace cs
