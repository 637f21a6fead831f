#include "common/passage_text.hpp"

#include <zlib.h>

#include <algorithm>
#include <memory>

namespace cs {

namespace {

constexpr char kStored = 0;
constexpr char kDeflated = 1;
// Raw deflate (no zlib header or checksum: the database has its own) with a 32 KB window,
// more than any passage needs.
constexpr int kWindowBits = -15;
// A passage holds at most 120 words, but a single long "word" (a URL, a run of CJK text) can
// stretch it; no text inflates to more than this.
constexpr std::size_t kMaxTextBytes = 16 * 1024 * 1024;

// One deflate stream a thread, reset for each passage: setting one up allocates about
// 256 KB, which would cost more than deflating a passage.
class Deflater {
 public:
  Deflater() { ok_ = deflateInit2(&stream_, 1, Z_DEFLATED, kWindowBits, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
  ~Deflater() {
    if (ok_) deflateEnd(&stream_);
  }
  Deflater(const Deflater&) = delete;
  Deflater& operator=(const Deflater&) = delete;

  // Appends the deflated `text` to `out`; false when deflate failed.
  bool deflate(std::string_view text, std::string& out) {
    if (!ok_ || deflateReset(&stream_) != Z_OK) return false;
    const std::size_t at = out.size();
    out.resize(at + deflateBound(&stream_, static_cast<uLong>(text.size())));
    stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    stream_.avail_in = static_cast<uInt>(text.size());
    stream_.next_out = reinterpret_cast<Bytef*>(out.data() + at);
    stream_.avail_out = static_cast<uInt>(out.size() - at);
    if (::deflate(&stream_, Z_FINISH) != Z_STREAM_END) return false;
    out.resize(out.size() - stream_.avail_out);
    return true;
  }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

}  // namespace

std::string pack_passage_text(std::string_view text) {
  thread_local Deflater deflater;
  std::string packed(1, kDeflated);
  if (text.size() <= kMaxTextBytes && deflater.deflate(text, packed) && packed.size() < text.size() + 1) return packed;
  packed.assign(1, kStored);
  packed.append(text);
  return packed;
}

std::optional<std::string> unpack_passage_text(std::string_view packed) {
  if (packed.empty()) return std::nullopt;
  const std::string_view body = packed.substr(1);
  if (packed[0] == kStored) return std::string(body);
  if (packed[0] != kDeflated) return std::nullopt;
  z_stream stream{};
  if (inflateInit2(&stream, kWindowBits) != Z_OK) return std::nullopt;
  const std::unique_ptr<z_stream, int (*)(z_stream*)> cleanup(&stream, inflateEnd);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  stream.avail_in = static_cast<uInt>(body.size());
  std::string text(std::min(kMaxTextBytes, 4 * body.size() + 64), '\0');
  for (;;) {
    stream.next_out = reinterpret_cast<Bytef*>(text.data() + stream.total_out);
    stream.avail_out = static_cast<uInt>(text.size() - stream.total_out);
    const int status = inflate(&stream, Z_NO_FLUSH);
    if (status == Z_STREAM_END) break;
    if (status != Z_OK && status != Z_BUF_ERROR) return std::nullopt;
    if (stream.avail_out > 0) return std::nullopt;  // no progress possible: truncated input
    if (text.size() == kMaxTextBytes) return std::nullopt;
    text.resize(std::min(kMaxTextBytes, 2 * text.size()));
  }
  if (stream.avail_in != 0) return std::nullopt;  // bytes after the end
  text.resize(stream.total_out);
  return text;
}

}  // namespace cs
