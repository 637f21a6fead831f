#include "indexer/readers/mhtml_reader.hpp"

#include <gmime/gmime.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "common/ascii.hpp"
#include "common/utf8.hpp"
#include "indexer/readers/html_reader.hpp"

namespace cs::indexer {

namespace {

constexpr std::string_view kExtensions[] = {".mhtml", ".mht"};
// Archives nest a page's frames as multiparts of their own; deeper than this is no page.
constexpr int kMaxNesting = 8;
// A saved page has a few hundred parts (its images, styles, frames). GMime builds every part
// before the page can be looked for, and a file of millions of empty parts took gigabytes
// and ended in GLib's abort, which nothing can catch: more than this is refused unread.
constexpr std::size_t kMaxParts = 10000;

// Lines that may open a part ("--" and a boundary), counted without parsing: at least as
// many as the parts.
std::size_t part_lines(std::string_view bytes) {
  std::size_t lines = bytes.starts_with("--") ? 1 : 0;
  for (std::size_t at = bytes.find("\n--"); at != std::string_view::npos; at = bytes.find("\n--", at + 3)) ++lines;
  return lines;
}

// Each GObject owned once, unreferenced when dropped.
struct Unref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using Owned = std::unique_ptr<T, Unref>;

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

bool is_html(GMimeObject* part) {
  GMimeContentType* type = g_mime_object_get_content_type(part);
  return GMIME_IS_PART(part) && type != nullptr && g_mime_content_type_is_type(type, "text", "html");
}

// "<abc@mhtml.blink>" and "abc@mhtml.blink" name the same part.
std::string bare_id(const char* id) {
  std::string_view text = id == nullptr ? "" : id;
  if (text.starts_with('<') && text.ends_with('>') && text.size() >= 2) text = text.substr(1, text.size() - 2);
  return std::string(text);
}

// The page of `object`: a multipart/related's "start" part when it names one (RFC 2557),
// else the first HTML part, depth first.
GMimeObject* page_part(GMimeObject* object, int depth) {
  if (depth > kMaxNesting) return nullptr;
  if (!GMIME_IS_MULTIPART(object)) return is_html(object) ? object : nullptr;
  GMimeMultipart* multipart = GMIME_MULTIPART(object);
  const int count = g_mime_multipart_get_count(multipart);
  if (const char* start = g_mime_object_get_content_type_parameter(object, "start"); start != nullptr) {
    const std::string wanted = bare_id(start);
    for (int i = 0; i < count; ++i) {
      GMimeObject* part = g_mime_multipart_get_part(multipart, i);
      if (bare_id(g_mime_object_get_content_id(part)) == wanted && is_html(part)) return part;
    }
  }
  for (int i = 0; i < count; ++i) {
    if (GMimeObject* found = page_part(g_mime_multipart_get_part(multipart, i), depth + 1)) return found;
  }
  return nullptr;
}

// The part's content with its transfer encoding (quoted-printable, base64) undone. Bytes that
// are valid UTF-8 stay so whatever the part's label says (a part labelled us-ascii may hold
// UTF-8, as the HTML reader keeps a mislabelled page's UTF-8); others are converted from the
// part's charset when ICU knows it, else left to the HTML reader's own decoding.
std::string part_text(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  const Owned<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, stream.get());
  const GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.get()));
  std::string text(reinterpret_cast<const char*>(bytes->data), bytes->len);
  const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
  if (charset == nullptr || utf8::is_valid(text)) return text;
  const icu::UnicodeString converted(text.data(), static_cast<std::int32_t>(text.size()), charset);
  if (converted.isBogus()) return text;
  std::string utf8_text;
  converted.toUTF8String(utf8_text);
  return utf8_text;
}

Error not_readable(std::string reason) {
  return Error{ErrorKind::kInput, "", "", std::move(reason), "skipped; save the page as HTML to index it"};
}

}  // namespace

Result<ArchivedPage> archived_page(std::string_view bytes) {
  if (part_lines(bytes) > kMaxParts) {
    return not_readable("the MHTML archive has more than " + std::to_string(kMaxParts) + " parts");
  }
  init_gmime();
  // GMime copies the bytes into a stream of its own.
  const Owned<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.data(), bytes.size()));
  const Owned<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  const Owned<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
  if (message == nullptr) return not_readable("not a MIME archive (no message headers)");
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  if (body == nullptr) return not_readable("not a MIME archive (no body)");
  GMimeObject* page = page_part(body, 0);
  if (page == nullptr) return not_readable("the MHTML archive holds no HTML page");
  ArchivedPage archived;
  archived.html = part_text(GMIME_PART(page));
  const char* location = g_mime_part_get_content_location(GMIME_PART(page));
  if (location == nullptr) location = g_mime_object_get_header(GMIME_OBJECT(message.get()), "Snapshot-Content-Location");
  if (location != nullptr) archived.location = location;
  return archived;
}

std::span<const std::string_view> MhtmlReader::extensions() const { return kExtensions; }

// Blink's and IE's archives open with mail headers: a MIME version and a multipart/related body.
bool MhtmlReader::sniff(std::string_view head) const {
  const std::string start = ascii_lower(head.substr(0, 2048));
  return start.find("mime-version:") != std::string::npos && start.find("multipart/related") != std::string::npos;
}

ReadResult MhtmlReader::read(const SourceFile& file) const {
  Result<ArchivedPage> page = archived_page(file.bytes);
  if (!page) {
    ReadResult unread;
    unread.issues.push_back(page.error());
    unread.issues.back().path = file.path.string();
    return unread;
  }
  const SourceFile html{file.path, file.relative_path, std::move(page->html)};
  return read_html_file(html, page->location);
}

}  // namespace cs::indexer
