#include "indexer/readers/html_byline.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "common/ascii.hpp"
#include "indexer/clean/text_blocks.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/xml_tree.hpp"

namespace cs::indexer {

namespace {

// Words of a job title after a name: "REBECCA ENGLISH, ROYAL EDITOR", "..., Nikkei staff
// writers", "Jane Doe, Chief Political Correspondent".
constexpr std::array<std::string_view, 20> kJobWords = {
    "editor",  "editors",  "correspondent", "correspondents", "reporter", "reporters", "writer",
    "writers", "columnist", "columnists",   "contributor",    "staff",    "desk",      "bureau",
    "chief",   "producer", "analyst",       "critic",         "journalist", "photographer"};

// Words of class and id names that mark a byline, in the languages of saved sites (Anadolu's
// "muhabir", reporter), and of those that mark an author's bio or picture instead.
constexpr std::array<std::string_view, 15> kBylineWords = {
    "byline", "bylines", "author", "authors", "writer", "writers", "reporter", "reporters",
    "muhabir", "autor",  "autores", "auteur", "auteurs", "penulis", "journalist"};
constexpr std::array<std::string_view, 12> kNotBylineWords = {
    "bio", "biography", "about", "avatar", "image", "img", "photo", "picture", "box", "card", "follow", "social"};

// A byline is a line: a longer element holds more than the byline.
constexpr std::size_t kMaxBylineWords = 24;
// Bylines are looked for in this many byline-named elements after the first <h1>.
constexpr std::size_t kBylineCandidates = 4;
// A name is one to four words; one only in a script that writes names without spaces (杜海涛).
constexpr std::size_t kMaxNameWords = 4;

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The lowercased words of `text`, split at anything but ASCII letters and at lower-to-upper
// case changes ("authorText" is "author", "text").
std::vector<std::string> name_words(std::string_view text) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool camel_break = c >= 'A' && c <= 'Z' && i > 0 && text[i - 1] >= 'a' && text[i - 1] <= 'z';
    if ((!is_ascii_letter(c) || camel_break) && !words.back().empty()) words.emplace_back();
    if (is_ascii_letter(c)) words.back().push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

bool holds_job_title(std::string_view part) {
  const std::vector<std::string> words = name_words(part);
  return std::any_of(words.begin(), words.end(), [](const std::string& word) { return one_of(word, kJobWords); });
}

// Whether `text` reads as a person's name: one to four words, each opening with a capital or a
// letter past ASCII, without digits or a sentence's marks.
bool reads_as_name(std::string_view text) {
  const std::size_t words = count_words_up_to(text, kMaxNameWords + 1);
  if (words == 0 || words > kMaxNameWords) return false;
  const bool past_ascii = std::any_of(text.begin(), text.end(), [](char c) { return (c & 0x80) != 0; });
  if (words == 1 && !past_ascii) return false;
  bool word_start = true;
  for (const char c : text) {
    if (is_ascii_digit(c) || c == '@' || c == ':' || c == '?' || c == '!') return false;
    if (word_start && c >= 'a' && c <= 'z') return false;
    word_start = c == ' ';
  }
  return true;
}

// A name in capitals alone ("RICHARD EDEN", "ÖZGÜR ÖZEL") in title case; any other as
// written, and so is one word (an agency's initials: "PTI", "AFP", "DPA" were "Pti", "Afp").
std::string without_shouting(std::string_view name) {
  if (name.find(' ') == std::string_view::npos) return std::string(name);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  int32_t capitals = 0;
  for (int32_t at = 0; at < text.length();) {
    const UChar32 c = text.char32At(at);
    if (u_islower(c)) return std::string(name);
    if (u_isupper(c)) ++capitals;
    at += U16_LENGTH(c);
  }
  if (capitals < 2) return std::string(name);
  std::string out;
  text.toTitle(nullptr, icu::Locale::getRoot()).toUTF8String(out);
  return out;
}

bool names_a_byline(const xmlNode* element) {
  bool byline = false;
  bool other = false;
  for (const char* attribute_name : {"class", "id"}) {
    for (const std::string& word : name_words(xml::attribute(element, attribute_name))) {
      byline = byline || one_of(std::string_view(word), kBylineWords);
      other = other || one_of(std::string_view(word), kNotBylineWords);
    }
  }
  return (byline || ascii_lower(xml::attribute(element, "itemprop")) == "author") && !other;
}

// The names of a byline's links ("By <a>Jane Doe</a> and <a>John Roe</a>"), in order.
std::vector<std::string> linked_names(const xmlNode* byline) {
  std::vector<std::string> names;
  xml::walk_tree(
      byline,
      [&names](const xmlNode* node) {
        if (node->type != XML_ELEMENT_NODE) return false;
        if (xml::name_of(node) != "a") return true;
        const std::string text = collapsed_text(node);
        if (reads_as_name(text)) names.push_back(person_name(text));
        return false;
      },
      [](const xmlNode*) {});
  return names;
}

// The names a byline's text gives: "By Jane Doe and John Roe | Staff" is Jane Doe and John Roe.
std::vector<std::string> names_in_text(std::string_view text) {
  for (const std::string_view by : {"By ", "by ", "BY ", "Von ", "Par ", "Por ", "Oleh "}) {
    if (text.starts_with(by)) text.remove_prefix(by.size());
  }
  for (const std::string_view end : {" | ", "|", " \xC2\xB7 ", " \xE2\x80\x94 "}) {
    text = text.substr(0, text.find(end));
  }
  std::vector<std::string> names;
  std::string part;
  const auto take = [&names](std::string_view candidate) {
    candidate = ascii_trim(candidate);
    if (!candidate.empty() && !holds_job_title(candidate) && reads_as_name(candidate)) names.push_back(person_name(candidate));
  };
  for (std::size_t at = 0; at < text.size();) {
    std::size_t cut = std::string_view::npos;
    std::size_t cut_size = 0;
    for (const std::string_view separator : {", ", " and ", " & ", " und ", " et ", " y ", " e ", "\xE3\x80\x81" /* 、 */}) {
      const std::size_t found = text.find(separator, at);
      if (found < cut) {
        cut = found;
        cut_size = separator.size();
      }
    }
    take(text.substr(at, cut == std::string_view::npos ? std::string_view::npos : cut - at));
    if (cut == std::string_view::npos) break;
    at = cut + cut_size;
  }
  return names;
}

bool names_a_site(std::string_view name, const std::vector<std::string_view>& sites) {
  const std::string key = name_key(name);
  return std::any_of(sites.begin(), sites.end(), [&key](std::string_view site) { return !site.empty() && name_key(site) == key; });
}

}  // namespace

std::string person_name(std::string_view name) {
  name = ascii_trim(name);
  if (const std::size_t comma = name.rfind(", "); comma != std::string_view::npos && holds_job_title(name.substr(comma + 2))) {
    name = ascii_trim(name.substr(0, comma));
  }
  return without_shouting(name);
}

std::vector<std::string> ld_author_names(const nlohmann::json& authors, const std::vector<std::string_view>& sites) {
  std::vector<std::string> names;
  const auto add = [&](const nlohmann::json& author) {
    const nlohmann::json& named = author.is_object() ? author.value("name", nlohmann::json()) : author;
    if (!named.is_string()) return;
    std::string name = person_name(named.get_ref<const std::string&>());
    if (!name.empty() && !names_a_site(name, sites) && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(std::move(name));
    }
  };
  if (authors.is_array()) {
    for (const nlohmann::json& author : authors) add(author);
  } else {
    add(authors);
  }
  return names;
}

void note_byline(const xmlNode* node, PageFacts& facts) {
  if (facts.h1s.empty() || !facts.byline_names.empty() || facts.byline_candidates >= kBylineCandidates ||
      !names_a_byline(node)) {
    return;
  }
  ++facts.byline_candidates;
  const std::string text = collapsed_text(node);
  if (text.empty() || count_words_up_to(text, kMaxBylineWords + 1) > kMaxBylineWords) return;
  std::vector<std::string> names = linked_names(node);
  if (names.empty()) names = names_in_text(text);
  facts.byline_names = std::move(names);
}

}  // namespace cs::indexer
