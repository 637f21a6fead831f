#include "indexer/source_text.hpp"

#include <unicode/ucnv.h>

#include "common/utf8.hpp"

namespace cs::indexer {

namespace {

// Where binary content shows itself: grep and ripgrep look for NUL in the first block too.
constexpr std::size_t kBinaryProbeBytes = 8192;

Result<DecodedText> from_utf16(std::string_view bytes, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 2 + 16, '\0');
  const int32_t length =
      ucnv_convert("UTF-8", charset, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                   static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    return Error{ErrorKind::kInput, "", "", std::string("cannot convert from ") + charset + " (" + u_errorName(status) + ")", ""};
  }
  out.resize(static_cast<std::size_t>(length));
  return DecodedText{std::move(out), 0};
}

}  // namespace

Result<DecodedText> decode_source_text(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return from_utf16(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return from_utf16(bytes.substr(2), "UTF-16BE");
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos) {
    return Error{ErrorKind::kInput, "", "", "binary file (NUL bytes)", "skipped"};
  }
  DecodedText decoded;
  if (utf8::is_valid(bytes)) {
    decoded.text.assign(bytes);
  } else {
    decoded.text = utf8::repair(bytes, &decoded.replaced_bytes);
  }
  return decoded;
}

}  // namespace cs::indexer
