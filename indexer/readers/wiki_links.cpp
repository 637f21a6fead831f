#include "indexer/readers/wiki_links.hpp"

namespace cs::indexer {

namespace {

// "[[Page#Heading|shown]]" -> "shown"; "[[Page#Heading]]" -> "Page".
std::string_view link_text(std::string_view inner) {
  if (const std::size_t bar = inner.find('|'); bar != std::string_view::npos) return inner.substr(bar + 1);
  return inner.substr(0, inner.find('#'));
}

// `text` without a leading "[!summary]" (a callout, "[!note]-" folded) or "[ ] "/"[x] " (a task).
std::string_view without_markers(std::string_view text) {
  if (text.starts_with("[!")) {
    const std::size_t close = text.find(']');
    if (close != std::string_view::npos && close < 32) {
      text.remove_prefix(close + 1);
      if (text.starts_with('-') || text.starts_with('+')) text.remove_prefix(1);
    }
  } else if (text.starts_with("[ ] ") || text.starts_with("[x] ") || text.starts_with("[X] ")) {
    text.remove_prefix(4);
  }
  while (text.starts_with(' ')) text.remove_prefix(1);
  return text;
}

}  // namespace

std::string without_note_syntax(std::string_view text) {
  text = without_markers(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    const bool embed = text.substr(at).starts_with("![[");
    if (embed || text.substr(at).starts_with("[[")) {
      const std::size_t open = at + (embed ? 3 : 2);
      const std::size_t close = text.find("]]", open);
      if (close != std::string_view::npos && text.substr(open, close - open).find('\n') == std::string_view::npos) {
        if (!embed) out.append(link_text(text.substr(open, close - open)));
        at = close + 2;
        continue;
      }
    }
    // "==highlight==": the marks go, the words stay ("a == b" is no highlight: a space
    // follows the opening marks).
    if (text.substr(at).starts_with("==") && at + 2 < text.size() && text[at + 2] != ' ' && text[at + 2] != '=') {
      const std::size_t close = text.find("==", at + 2);
      if (close != std::string_view::npos && text[close - 1] != ' ') {
        out.append(text.substr(at + 2, close - at - 2));
        at = close + 2;
        continue;
      }
    }
    out.push_back(text[at++]);
  }
  // An embed alone on its line leaves nothing, or spaces.
  if (out.find_first_not_of(' ') == std::string::npos) out.clear();
  return out;
}

void read_note_links(nlohmann::json& fields) {
  if (fields.is_string()) {
    fields = without_note_syntax(fields.get_ref<const std::string&>());
  } else if (fields.is_array() || fields.is_object()) {
    for (auto& value : fields) read_note_links(value);
  }
}

}  // namespace cs::indexer
