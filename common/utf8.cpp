#include "common/utf8.hpp"

namespace cs::utf8 {

std::size_t decode(std::string_view text, std::size_t at, char32_t& code_point) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(at);
  std::size_t length;
  char32_t smallest;  // below this the sequence is overlong
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, code_point = lead & 0x1Fu, smallest = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, code_point = lead & 0x0Fu, smallest = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, code_point = lead & 0x07u, smallest = 0x10000;
  } else {
    return 0;
  }
  if (at + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(at + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(at + k) & 0x3Fu);
  }
  if (code_point < smallest || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) {
    return 0;
  }
  return length;
}

bool is_valid(std::string_view text) {
  char32_t ignored;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t length = decode(text, i, ignored);
    if (length == 0) return false;
    i += length;
  }
  return true;
}

std::string repair(std::string_view text, std::size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  std::size_t count = 0;
  char32_t ignored;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = decode(text, i, ignored);
    if (length == 0) {
      out.append(kReplacementCharacter);
      ++count;
      ++i;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
  }
  if (replaced != nullptr) *replaced = count;
  return out;
}

}  // namespace cs::utf8
