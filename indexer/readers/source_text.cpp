#include "indexer/readers/source_text.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>

#include "common/ascii.hpp"
#include "common/terminal.hpp"
#include "common/utf8.hpp"

namespace cs::indexer {

namespace {

// Where binary content shows itself: grep and ripgrep look for NUL in the first block too.
constexpr std::size_t kBinaryProbeBytes = 8192;

// Where a page declares its charset: <meta charset>, http-equiv content, <?xml encoding?>.
constexpr std::size_t kDeclarationProbeBytes = 4096;
// ICU's detector rates matches 0-100; below this its guess on short texts is noise.
constexpr int32_t kMinDetectorConfidence = 10;

// Converts `bytes` from `charset` to UTF-8 through ICU; bytes invalid in that charset
// become U+FFFD. A converter ICU does not know is an error.
Result<DecodedText> convert(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  // Every charset here takes at most 3 UTF-8 bytes per input byte (U+FFFD included).
  std::string out(bytes.size() * 3 + 16, '\0');
  const int32_t length =
      ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                   static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    return Error{ErrorKind::kInput, "", "", "cannot convert from " + charset + " (" + u_errorName(status) + ")", ""};
  }
  out.resize(static_cast<std::size_t>(length));
  return DecodedText{std::move(out), 0, charset};
}


// Latin-1 and ASCII labels mean windows-1252, as browsers read them (WHATWG Encoding).
std::string browser_charset(std::string name) {
  name = ascii_lower(name);
  if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" || name == "iso8859-1") {
    return "windows-1252";
  }
  return name;
}

// The charset the file's head declares ("charset=gbk", encoding="ISO-8859-2"), or empty.
std::string declared_charset(std::string_view bytes) {
  const std::string head = ascii_lower(bytes.substr(0, kDeclarationProbeBytes));
  for (const std::string_view marker : {"charset=", "encoding="}) {
    std::size_t at = head.find(marker);
    if (at == std::string::npos) continue;
    at += marker.size();
    while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' ')) ++at;
    std::size_t end = at;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                 head[end] == '_' || head[end] == '.' || head[end] == ':')) {
      ++end;
    }
    if (end > at) return browser_charset(head.substr(at, end - at));
  }
  return {};
}

// ICU's statistical guess (markup ignored), or empty when it has no confident one.
std::string detected_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), &ucsdet_close);
  if (U_FAILURE(status)) return {};
  ucsdet_enableInputFilter(detector.get(), true);
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX)),
                 &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || match == nullptr || ucsdet_getConfidence(match, &status) < kMinDetectorConfidence) return {};
  const char* name = ucsdet_getName(match, &status);
  return U_FAILURE(status) || name == nullptr ? std::string() : browser_charset(name);
}

// Whether text that is not valid UTF-8 is UTF-8 with a few bad bytes (a character cut
// short, a stray byte of another charset) rather than a legacy charset: it holds at least
// twice as many valid multibyte UTF-8 characters as bytes that are not. Legacy text forms
// valid ones only by chance: in chardet's 391 test files of 30 legacy charsets, at most 0.41
// per bad byte (EUC-JP); five Japanese lines with one character cut short hold 144.
bool mostly_utf8(std::string_view bytes) {
  std::size_t valid = 0, bad = 0;
  char32_t ignored;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = utf8::decode(bytes, i, ignored);
    if (length == 0) {
      ++bad;
      ++i;
    } else {
      ++valid;
      i += length;
    }
  }
  return valid >= 2 * bad;
}

}  // namespace

namespace {

Result<DecodedText> decode_bytes(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE")) return convert(bytes.substr(2), "UTF-16LE");
  if (bytes.starts_with("\xFE\xFF")) return convert(bytes.substr(2), "UTF-16BE");
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (bytes.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos) {
    return Error{ErrorKind::kInput, "", "", "binary file (NUL bytes)", "skipped"};
  }
  // Valid UTF-8 is UTF-8 whatever the page declares: mislabelled pages are common, and
  // legacy text of any length is almost never valid UTF-8 by chance.
  if (utf8::is_valid(bytes)) return DecodedText{std::string(bytes), 0, "utf-8"};
  DecodedText repaired;
  repaired.charset = "utf-8";
  if (mostly_utf8(bytes)) {  // each bad byte U+FFFD: read as a legacy charset, all the rest was garbled
    repaired.text = utf8::repair(bytes, &repaired.replaced_bytes);
    return repaired;
  }
  std::string charset = declared_charset(bytes);
  if (charset.empty() || charset == "utf-8" || charset == "utf8") charset = detected_charset(bytes);
  if (charset.empty() || charset == "utf-8") charset = "windows-1252";  // the web's legacy default
  if (auto converted = convert(bytes, charset)) return converted;
  repaired.text = utf8::repair(bytes, &repaired.replaced_bytes);
  return repaired;
}

}  // namespace

std::string clean_text(std::string text) {
  // CR LF and a lone CR end lines as LF; most texts hold no CR and are not copied for it.
  if (text.find('\r') != std::string::npos) {
    std::string lines;
    lines.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r') {
        lines.push_back(text[i]);
      } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
        lines.push_back('\n');
      }
    }
    text = std::move(lines);
  }
  // A soft hyphen (U+00AD) only says where a word may break: a page's &shy; in its og:title,
  // a text copied from one. (HTML's own text drops it as it is collected: html_blocks.)
  if (text.find("\xC2\xAD") != std::string::npos) {
    std::string joined;
    joined.reserve(text.size());
    for (std::size_t at = 0; at < text.size(); ++at) {
      if (text.compare(at, 2, "\xC2\xAD") == 0) {
        ++at;
      } else {
        joined.push_back(text[at]);
      }
    }
    text = std::move(joined);
  }
  return terminal::sanitize(text, /*keep_newlines=*/true);
}

Result<DecodedText> decode_source_text(std::string_view bytes) {
  auto decoded = decode_bytes(bytes);
  if (decoded) decoded->text = clean_text(std::move(decoded->text));
  return decoded;
}

}  // namespace cs::indexer
