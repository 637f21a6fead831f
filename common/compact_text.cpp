#include "common/compact_text.hpp"

#include <zstd.h>

#include <memory>
#include <new>

namespace cs::compact_text {

namespace {

// Level 1: the higher levels shrink passages by a point or two at twice the encoding time.
constexpr int kLevel = 1;
constexpr std::string_view kMagic = "\x28\xB5\x2F\xFD";

struct ContextFree {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
  void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

// A thread's context, made at its first use; throws std::bad_alloc when zstd cannot make one.
ZSTD_CCtx& compression_context() {
  thread_local const std::unique_ptr<ZSTD_CCtx, ContextFree> context(ZSTD_createCCtx());
  if (!context) throw std::bad_alloc();
  return *context;
}

ZSTD_DCtx& decompression_context() {
  thread_local const std::unique_ptr<ZSTD_DCtx, ContextFree> context(ZSTD_createDCtx());
  if (!context) throw std::bad_alloc();
  return *context;
}

}  // namespace

std::optional<std::string> compress(std::string_view text) {
  std::string frame(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compressCCtx(&compression_context(), frame.data(), frame.size(), text.data(), text.size(), kLevel);
  if (ZSTD_isError(size) || size >= text.size()) return std::nullopt;
  frame.resize(size);
  return frame;
}

bool is_compressed(std::string_view bytes) { return bytes.starts_with(kMagic); }

std::optional<std::string> decompress(std::string_view bytes, std::size_t max_bytes) {
  if (!is_compressed(bytes)) return std::nullopt;
  // compress() records the size, so the text is decoded straight into a string of its size.
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > max_bytes) return std::nullopt;
  if (ZSTD_findFrameCompressedSize(bytes.data(), bytes.size()) != bytes.size()) return std::nullopt;  // bytes after it
  std::string text(static_cast<std::size_t>(size), '\0');
  const std::size_t got = ZSTD_decompressDCtx(&decompression_context(), text.data(), text.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(got) || got != text.size()) return std::nullopt;
  return text;
}

}  // namespace cs::compact_text
