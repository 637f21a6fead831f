#include "common/compact_text.hpp"

// ZDICT_trainFromBuffer_fastCover, in libzstd's exported symbols since 1.3.6.
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#define ZSTD_STATIC_LINKING_ONLY  // the tables made by reference to bytes Tables keeps
#include <zstd.h>

#include <mutex>
#include <new>
#include <vector>

namespace cs::compact_text {

namespace {

// Level 1: the higher levels shrink a passage alone by a point or two at twice the encoding
// time. With a dictionary, level 3 keeps 38% where level 1 keeps 43%, for 7 us against 6.
constexpr int kLevel = 1;
constexpr int kDictionaryLevel = 3;
constexpr std::string_view kMagic = "\x28\xB5\x2F\xFD";

struct ZstdFree {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
  void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
  void operator()(ZSTD_CDict* tables) const { ZSTD_freeCDict(tables); }
  void operator()(ZSTD_DDict* tables) const { ZSTD_freeDDict(tables); }
};

// A thread's context, made at its first use; throws std::bad_alloc when zstd cannot make one.
ZSTD_CCtx& compression_context() {
  thread_local const std::unique_ptr<ZSTD_CCtx, ZstdFree> context(ZSTD_createCCtx());
  if (!context) throw std::bad_alloc();
  return *context;
}

ZSTD_DCtx& decompression_context() {
  thread_local const std::unique_ptr<ZSTD_DCtx, ZstdFree> context(ZSTD_createDCtx());
  if (!context) throw std::bad_alloc();
  return *context;
}

}  // namespace

// The decoding tables are made with the dictionary, which checks its bytes (a database's
// may be damaged): a dictionary that loads can decode. The encoding tables, which only the
// indexer needs and which take longer to make than a whole query's decoding, are made at
// their first use; when Zstandard cannot make them, texts are compressed without.
struct Dictionary::Tables {
  std::string bytes;  // first, so it outlives the tables made by reference to it
  std::unique_ptr<ZSTD_DDict, ZstdFree> decompressing;
  mutable std::once_flag compressing_once;
  mutable std::unique_ptr<ZSTD_CDict, ZstdFree> compressing;

  const ZSTD_CDict* for_compressing() const {
    std::call_once(compressing_once, [&] { compressing.reset(ZSTD_createCDict_byReference(bytes.data(), bytes.size(), kDictionaryLevel)); });
    return compressing.get();
  }
};

std::optional<Dictionary> Dictionary::load(std::string bytes) {
  // A dictionary of Zstandard's format starts with its own magic number and names its id;
  // raw content (id 0) would let any bytes pass for a dictionary.
  const unsigned id = ZDICT_getDictID(bytes.data(), bytes.size());
  if (id == 0) return std::nullopt;
  auto tables = std::make_shared<Tables>();
  tables->bytes = std::move(bytes);
  // By reference: the bytes live as long as the tables, and a copy of a 64 KB dictionary
  // was a sixth of what reading it cost each cs-search command.
  tables->decompressing.reset(ZSTD_createDDict_byReference(tables->bytes.data(), tables->bytes.size()));
  if (!tables->decompressing) return std::nullopt;
  return Dictionary(std::move(tables), id);
}

const std::string& Dictionary::bytes() const { return tables_->bytes; }

std::optional<Dictionary> train_dictionary(std::span<const std::string_view> samples, std::size_t capacity,
                                           Training training) {
  std::string joined;
  std::vector<std::size_t> sizes;
  sizes.reserve(samples.size());
  for (const std::string_view sample : samples) {
    joined.append(sample);
    sizes.push_back(sample.size());
  }
  std::string bytes(capacity, '\0');
  std::size_t size = 0;
  // The parameters' layout is Zstandard's experimental API, fixed only within a release:
  // with a libzstd of another release than the headers', the search trains.
  if (training != Training::kSearched && ZSTD_versionNumber() / 100 == ZSTD_VERSION_NUMBER / 100) {
    // ZDICT_trainFromBuffer's own parameters, less its search: it trains with five segment
    // sizes, measures each dictionary on a quarter of the samples held back, and chose the
    // smallest (k 50) for passages of the speeches and of news. One training at that size,
    // on all the samples, keeps passages at 37.0% where the search kept 37.3%, in 0.02 s
    // against 0.12 s (half a megabyte of passages), while the other parts of a parallel
    // build wait for it. Article records, JSON, need a larger segment: at k 50 they took
    // 35% more room; at k 1000 the records held back from 64 of news 1x, news 10x and the
    // speeches kept 29.2%, 25.0% and 21.6% where the search's kept 29.7%, 25.8% and 25.3%, in
    // 0.7 ms against 13 to 15 ms. A table of 2^18 (prose) or 2^16 (records) segment counts
    // where Zstandard's default is 2^20, which it clears for each training: prose trained in
    // 7 ms against 14 ms and kept 39.2% against 39.1% of passages held back.
    ZDICT_fastCover_params_t parameters{};
    parameters.k = training == Training::kProse ? 50 : 1000;
    parameters.d = 8;
    parameters.f = training == Training::kProse ? 18 : 16;
    parameters.accel = 1;
    parameters.splitPoint = 1.0;
    parameters.zParams.compressionLevel = kDictionaryLevel;
    size = ZDICT_trainFromBuffer_fastCover(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                           static_cast<unsigned>(sizes.size()), parameters);
  } else {
    size = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), joined.data(), sizes.data(),
                                 static_cast<unsigned>(sizes.size()));
  }
  if (ZDICT_isError(size)) return std::nullopt;
  bytes.resize(size);
  return Dictionary::load(std::move(bytes));
}

std::optional<std::string> compress(std::string_view text, const Dictionary* dictionary) {
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  ZSTD_CCtx& context = compression_context();
  const ZSTD_CDict* tables = dictionary != nullptr ? dictionary->tables_->for_compressing() : nullptr;
  const std::size_t size =
      tables != nullptr ? ZSTD_compress_usingCDict(&context, frame.data(), frame.size(), text.data(), text.size(), tables)
                        : ZSTD_compressCCtx(&context, frame.data(), frame.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(size) || size >= text.size()) return std::nullopt;
  frame.resize(size);
  return frame;
}

bool is_compressed(std::string_view bytes) { return bytes.starts_with(kMagic); }

std::uint32_t dictionary_of(std::string_view bytes) {
  return is_compressed(bytes) ? ZSTD_getDictID_fromFrame(bytes.data(), bytes.size()) : 0;
}

std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes, const Dictionary* dictionary) {
  if (!is_compressed(bytes)) return std::nullopt;
  const std::uint32_t needed = dictionary_of(bytes);
  if (needed != 0 && (dictionary == nullptr || dictionary->id() != needed)) return std::nullopt;
  // compress() records the size, so the text is decoded straight into a string of its size.
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > max_bytes) return std::nullopt;
  if (ZSTD_findFrameCompressedSize(bytes.data(), bytes.size()) != bytes.size()) return std::nullopt;  // bytes after it
  std::string text(static_cast<std::size_t>(size), '\0');
  ZSTD_DCtx& context = decompression_context();
  const std::size_t got =
      needed != 0 ? ZSTD_decompress_usingDDict(&context, text.data(), text.size(), bytes.data(), bytes.size(),
                                               dictionary->tables_->decompressing.get())
                  : ZSTD_decompressDCtx(&context, text.data(), text.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(got) || got != text.size()) return std::nullopt;
  return text;
}

std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes,
                                      const DictionaryLookup& dictionaries) {
  const std::uint32_t needed = dictionary_of(bytes);
  return decompress(bytes, max_bytes, needed != 0 && dictionaries ? dictionaries(needed) : nullptr);
}

}  // namespace cs::compact_text
