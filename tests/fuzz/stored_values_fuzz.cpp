// libFuzzer target for what the searcher reads back from a database, which a damaged or
// foreign database makes arbitrary: the first byte picks a passage text (unpack_passage_text)
// or an article record (decode_article_record), the rest is the stored value. Both find one
// dictionary, test::dictionary_like(1), so frames primed with it are decoded too.
// Nothing may crash; a passage that unpacks has sentences in order that cover its text, and
// a record that decodes holds valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "common/passage_record.hpp"
#include "common/passage_text.hpp"
#include "common/utf8.hpp"
#include "support/prose_dictionary.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view value(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const cs::compact_text::Dictionary dictionary = cs::test::dictionary_like(1);
  // Any id finds it: a frame naming another must still be refused.
  const auto dictionaries = [](std::uint32_t) { return &dictionary; };
  if (data[0] % 2 == 0) {
    const auto passage = cs::unpack_passage_text(value, dictionaries);
    if (!passage) return 0;
    std::uint32_t at = 0;
    for (const cs::Span& sentence : passage->sentences) {
      if (sentence.begin != at || sentence.end < sentence.begin) std::abort();
      at = sentence.end;
    }
    if (at != passage->text.size()) std::abort();
  } else {
    const auto record = cs::decode_article_record(value, dictionaries);
    if (!record) return 0;
    for (const std::string* text : {&record->article_id, &record->title, &record->source, &record->path}) {
      if (!cs::utf8::is_valid(*text)) std::abort();  // the parser checks UTF-8
    }
  }
  return 0;
}
