// Short texts compressed one at a time with Zstandard (Debian libzstd-dev): the passage texts
// a hit shows and the article records it reads. At its fastest level a 780-byte English
// passage keeps 57% of its size and comes back in about 2.3 us, where zlib's raw deflate
// kept 55% and took 5.2 us; encoding takes 6 us instead of 16 (a throwaway benchmark over
// the news corpus's passages, 2026-12-06). Contexts are kept per thread.
//
// A dictionary does better for texts of one kind: passages share most of their words and
// phrases with each other, not within themselves, so frames primed with a 64 KB dictionary
// trained on half a megabyte of them keep 38% instead of 57% and decode in 1.3 us (the same
// benchmark, news and speeches alike; a whole news article compressed at once keeps 46%).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace cs::compact_text {

// A Zstandard dictionary, named by the id its frames record. Copies share one set of tables,
// which any number of threads may use at once.
class Dictionary {
 public:
  // The dictionary `bytes` (as bytes() gives them); nullopt when they are not a Zstandard
  // dictionary with an id, or Zstandard cannot make its decoding tables from them (damaged).
  static std::optional<Dictionary> load(std::string bytes);

  std::uint32_t id() const { return id_; }
  const std::string& bytes() const;

 private:
  struct Tables;  // the bytes and zstd's tables for them
  Dictionary(std::shared_ptr<const Tables> tables, std::uint32_t id) : tables_(std::move(tables)), id_(id) {}
  friend std::optional<std::string> compress(std::string_view text, const Dictionary* dictionary);
  friend std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes,
                                               const Dictionary* dictionary);

  std::shared_ptr<const Tables> tables_;
  std::uint32_t id_ = 0;
};

// How a dictionary is trained: with Zstandard's search for the best segment size (several
// trainings, each measured on samples held back), or once at a size fixed for prose or for
// article records (JSON), in a twentieth of the time or less.
enum class Training { kSearched, kProse, kRecords };

// A dictionary of at most `capacity` bytes for texts like `samples`; nullopt when Zstandard
// cannot make one of them (too few, or too alike).
std::optional<Dictionary> train_dictionary(std::span<const std::string_view> samples, std::size_t capacity,
                                           Training training = Training::kSearched);

// Finds a dictionary by its id; nullptr when there is none of that id.
using DictionaryLookup = std::function<const Dictionary*(std::uint32_t id)>;

// `text` as one Zstandard frame that records its size (and the id of `dictionary`, when
// given and Zstandard can encode with it), or nullopt when that is no shorter.
std::optional<std::string> compress(std::string_view text, const Dictionary* dictionary = nullptr);

// Whether `bytes` begin as a frame compress() writes does (Zstandard's magic number).
bool is_compressed(std::string_view bytes);

// The id of the dictionary the frame `bytes` needs: 0 for none.
std::uint32_t dictionary_of(std::string_view bytes);

// The text of the frame `bytes`; nullopt when they are no whole frame, are malformed, hold
// more than `max_bytes`, or need a dictionary other than `dictionary`. Frames carry no
// checksum (the database has none either): a byte changed inside one may come back as
// other text.
std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes,
                                      const Dictionary* dictionary = nullptr);
// The same with the dictionary the frame names, as `dictionaries` finds it.
std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes,
                                      const DictionaryLookup& dictionaries);

}  // namespace cs::compact_text
