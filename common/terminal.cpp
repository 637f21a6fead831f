#include "common/terminal.hpp"

#include <unistd.h>

#include <cstdint>

#include "common/utf8.hpp"

namespace cs::terminal {

namespace {

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

// Length of an ESC sequence starting at text[i] (CSI, OSC, or a two-byte escape), so it is
// dropped whole rather than leaving "[31m" behind.
std::size_t escape_sequence_length(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  if (j >= text.size()) return 1;
  if (text[j] == '[') {  // CSI: parameters and intermediates, then one final byte 0x40-0x7E
    for (++j; j < text.size(); ++j) {
      const auto c = static_cast<unsigned char>(text[j]);
      if (c >= 0x40 && c <= 0x7E) return j + 1 - i;
      if (c < 0x20 || c > 0x3F) return j - i;
    }
    return j - i;
  }
  if (text[j] == ']' || text[j] == 'P' || text[j] == '_' || text[j] == '^') {
    // OSC/DCS/APC/PM: up to BEL or ST (ESC \).
    for (++j; j < text.size(); ++j) {
      if (text[j] == '\a') return j + 1 - i;
      if (text[j] == '\x1B' && j + 1 < text.size() && text[j + 1] == '\\') return j + 2 - i;
    }
    return j - i;
  }
  return 2;
}

}  // namespace

std::string sanitize(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    // Printable ASCII is most text: appended a run at a time (cs-index cleans every file's
    // text with this, byte by byte it was 1% of indexing).
    std::size_t run = i;
    while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x20 && static_cast<unsigned char>(text[run]) < 0x7F) ++run;
    if (run > i) {
      out.append(text.substr(i, run - i));
      i = run;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0x1B) {
      i += escape_sequence_length(text, i);
      continue;
    }
    if (c < 0x80) {
      const bool keep = (c >= 0x20 && c != 0x7F) || (keep_newlines && c == '\n') || c == '\t';
      if (keep) out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = utf8::decode(text, i, cp);
    if (length == 0) {
      out.append(utf8::kReplacementCharacter);
      ++i;
      continue;
    }
    const bool c1_control = cp >= 0x80 && cp <= 0x9F;
    if (!c1_control && !is_bidi_control(cp)) out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string sanitize_line(std::string_view text) {
  const std::string clean = sanitize(text, true);
  std::string out;
  out.reserve(clean.size());
  bool in_space = false;
  for (const char c : clean) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out.push_back(' ');
    in_space = false;
    out.push_back(c);
  }
  return out;
}

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

}  // namespace cs::terminal
