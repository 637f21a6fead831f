// libFuzzer target for one article reader (chosen at build time by CS_FUZZ_READER, the
// reader's name()): any bytes in, and the reader must neither crash nor throw, and the
// articles it returns must hold valid UTF-8 without control characters.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/utf8.hpp"
#include "indexer/readers/reader_registry.hpp"

namespace {

const cs::indexer::Reader& reader_under_test() {
  for (const cs::indexer::Reader* reader : cs::indexer::all_readers()) {
    if (reader->name() == CS_FUZZ_READER) return *reader;
  }
  std::abort();  // a build mistake: no reader of that name
}

void check_text(std::string_view text) {
  if (!cs::utf8::is_valid(text)) std::abort();
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const cs::indexer::Reader& reader = reader_under_test();
  cs::SourceFile file{"fuzz/input", "fuzz/input", std::string(reinterpret_cast<const char*>(data), size)};
  const cs::indexer::ReadResult result = reader.read(file);
  for (const cs::Article& article : result.articles) {
    check_text(article.body);
    check_text(article.title);
  }
  return 0;
}
