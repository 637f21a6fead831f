#include "indexer/readers/json_parse.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "common/simdjson_kernel.hpp"

namespace cs::indexer {

namespace {

// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error while
// parsing value - unexpected '}'" -> "syntax error while parsing value - unexpected '}'".
// The "; last read: '...'" nlohmann appends is the document's own text: left out.
std::string plain_message(const std::string& what) {
  std::string message = what;
  if (const std::size_t at = message.find("column "); at != std::string::npos) {
    if (const std::size_t colon = message.find(": ", at); colon != std::string::npos) message.erase(0, colon + 2);
  } else if (const std::size_t bracket = message.find("] "); bracket != std::string::npos) {
    message.erase(0, bracket + 2);
  }
  if (const std::size_t last_read = message.find("; last read: "); last_read != std::string::npos) {
    message.resize(last_read);
  }
  return message;
}

// The line that holds byte `offset` of `text`, numbered from `first_line`.
std::size_t line_at(std::string_view text, std::size_t offset, std::size_t first_line) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  return first_line + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
}

// nlohmann reports a byte offset (1-based, just past the fault); messages give lines.
std::string location_of(std::string_view text, std::size_t byte, std::size_t first_line) {
  byte = std::min(byte == 0 ? 0 : byte - 1, text.size());
  std::size_t line = first_line;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < byte; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(byte - line_start + 1);
}

// The 4 hex digits at `text[at]` as a UTF-16 code unit, or nullopt when they are not hex
// (a syntax error nlohmann reports).
std::optional<char16_t> hex_code_unit(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    unsigned digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      digit = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = value * 16 + digit;
  }
  return static_cast<char16_t>(value);
}

bool is_high_surrogate(char16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low_surrogate(char16_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// "U+D800".
std::string code_point_name(char16_t unit) {
  char name[8];
  std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(unit));
  return name;
}

// What the warning says, e.g. "invalid \u escape (lone surrogate U+D800) replaced with U+FFFD".
std::string repair_reason(const BadEscapes& found) {
  const std::string surrogates = found.lone_surrogates == 1
                                     ? "lone surrogate " + code_point_name(found.first_surrogate)
                                     : std::to_string(found.lone_surrogates) + " lone surrogates, the first " +
                                           code_point_name(found.first_surrogate);
  const std::string nuls = found.nuls == 1 ? "U+0000" : std::to_string(found.nuls) + " U+0000";
  const std::string reason = found.lone_surrogates + found.nuls == 1 ? "invalid \\u escape (" : "invalid \\u escapes (";
  if (found.nuls == 0) return reason + surrogates + ") replaced with U+FFFD";
  if (found.lone_surrogates == 0) return reason + nuls + ") dropped";
  return reason + surrogates + " replaced with U+FFFD, " + nuls + " dropped)";
}

// simdjson's DOM of `text` as nlohmann::json, the same value nlohmann's parser gives (a
// non-negative integer as unsigned, as nlohmann keeps it); nullopt for anything else: an
// error, a number past 64 bits, nesting past kMaxJsonDepth. nlohmann's lexer read about 70
// instructions a byte, 8% of indexing the speeches (callgrind); simdjson reads a few, and
// the copy into nlohmann's tree costs an allocation a value. nlohmann then parses only
// what simdjson would not, and says why.
class FastParse {
 public:
  FastParse() { choose_simdjson_kernel(); }
  std::optional<nlohmann::json> operator()(std::string_view text) {
    simdjson::dom::element root;
    std::optional<nlohmann::json> out;
    if (!may_hold_negative_zero(text) && parser_.parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS) {
      out.emplace();
      if (!convert(root, *out, 0)) out.reset();
    }
    // The parser keeps buffers of about 13 bytes a byte of the largest document it read,
    // for the next (2.8 MB a thread for the largest speech, 217 KB): not those of a larger
    // file, for the rest of the run.
    if (text.size() > kKeptCapacity) parser_ = simdjson::dom::parser();
    return out;
  }

 private:
  static constexpr std::size_t kKeptCapacity = 256 * 1024;

  // nlohmann keeps -0 as a signed integer and 0 as an unsigned one; simdjson reads both as
  // 0. Text with "-0" where a value may start (after a colon, bracket or comma) and not
  // followed by more of a number is left to nlohmann; in strings ("2b1c0d4e-0f1a", a GUID)
  // it is rarely there.
  static bool may_hold_negative_zero(std::string_view text) {
    for (std::size_t at = text.find("-0"); at != std::string_view::npos; at = text.find("-0", at + 2)) {
      const char next = at + 2 < text.size() ? text[at + 2] : ' ';
      if ((next >= '0' && next <= '9') || next == '.' || next == 'e' || next == 'E') continue;
      const std::size_t before = text.find_last_not_of(" \t\r\n", at == 0 ? std::string_view::npos : at - 1);
      if (at == 0 || before == std::string_view::npos || std::string_view(":[,").find(text[before]) != std::string_view::npos) {
        return true;
      }
    }
    return false;
  }

  static bool convert(simdjson::dom::element element, nlohmann::json& out, std::size_t depth) {
    switch (element.type()) {
      case simdjson::dom::element_type::ARRAY: {
        if (depth >= kMaxJsonDepth) return false;
        out = nlohmann::json::array();
        simdjson::dom::array array;
        if (element.get_array().get(array) != simdjson::SUCCESS) return false;
        for (const simdjson::dom::element child : array) {
          out.push_back(nullptr);
          if (!convert(child, out.back(), depth + 1)) return false;
        }
        return true;
      }
      case simdjson::dom::element_type::OBJECT: {
        if (depth >= kMaxJsonDepth) return false;
        out = nlohmann::json::object();
        simdjson::dom::object object;
        if (element.get_object().get(object) != simdjson::SUCCESS) return false;
        for (const simdjson::dom::key_value_pair field : object) {
          if (!convert(field.value, out[std::string(field.key)], depth + 1)) return false;  // the last of a key wins
        }
        return true;
      }
      case simdjson::dom::element_type::STRING:
        out = std::string(element.get_string().value_unsafe());
        return true;
      case simdjson::dom::element_type::INT64: {
        const std::int64_t value = element.get_int64().value_unsafe();
        if (value >= 0) {
          out = static_cast<std::uint64_t>(value);
        } else {
          out = value;
        }
        return true;
      }
      case simdjson::dom::element_type::UINT64:
        out = element.get_uint64().value_unsafe();
        return true;
      case simdjson::dom::element_type::DOUBLE:
        out = element.get_double().value_unsafe();
        return true;
      case simdjson::dom::element_type::BOOL:
        out = element.get_bool().value_unsafe();
        return true;
      case simdjson::dom::element_type::NULL_VALUE:
        out = nullptr;
        return true;
    }
    return false;
  }

  simdjson::dom::parser parser_;
};

Result<nlohmann::json> parse_document(std::string_view text, std::size_t first_line) {
  // nlohmann parses any depth without recursion, but a record nested thousands deep is an
  // attack or an accident, never an article: refused as soon as the parser gets that deep.
  struct TooDeep {};
  const auto limit_depth = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if (depth >= static_cast<int>(kMaxJsonDepth) && (event == nlohmann::json::parse_event_t::object_start ||
                                                    event == nlohmann::json::parse_event_t::array_start)) {
      throw TooDeep{};
    }
    return true;
  };
  if (auto parsed = parse_json_with_simdjson(text)) return std::move(*parsed);
  try {
    return nlohmann::json::parse(text.begin(), text.end(), limit_depth);
  } catch (const TooDeep&) {
    return Error{ErrorKind::kInput, "", "", "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", ""};
  } catch (const nlohmann::json::parse_error& e) {
    // Stopped by the end of the text (a string or value left open): a file or a JSON Lines
    // line cut short, as a failed download or export leaves it; the parser's own words
    // ("control character U+000A must be escaped") sent a new user's trial looking for a
    // character.
    const std::size_t last = text.find_last_not_of(" \t\r\n");
    if (last != std::string_view::npos && e.byte > last + 1) {  // read past its last character
      return Error{ErrorKind::kInput, "", location_of(text, e.byte, first_line),
                   "JSON cut short: the text ends inside a string or value", ""};
    }
    return Error{ErrorKind::kInput, "", location_of(text, e.byte, first_line),
                 "invalid JSON (" + plain_message(e.what()) + ")", ""};
  } catch (const nlohmann::json::exception& e) {
    return Error{ErrorKind::kInput, "", "", "invalid JSON (" + plain_message(e.what()) + ")", ""};
  }
}

}  // namespace

std::optional<std::string> repair_unicode_escapes(std::string_view text, BadEscapes& found) {
  found = BadEscapes{};
  std::optional<std::string> repaired;  // copied at the first lone surrogate only
  // Backslashes are legal only inside strings, where each one starts a two-character escape
  // ("\\", "\"", "\u" + 4 hex digits): stepping from one to the next by whole escapes
  // reads them as the parser does, so the "\\" of "\\ud800" is never taken for a "\u".
  std::size_t at = text.find('\\');
  while (at != std::string_view::npos && at + 1 < text.size()) {
    std::size_t next = at + 2;
    const std::optional<char16_t> unit = text[at + 1] == 'u' ? hex_code_unit(text, at + 2) : std::nullopt;
    if (unit) {
      next = at + 6;
      bool bad = false;
      if (*unit == 0) {
        ++found.nuls;
        bad = true;
      } else if (is_high_surrogate(*unit) || is_low_surrogate(*unit)) {
        const std::optional<char16_t> low = is_high_surrogate(*unit) && text.substr(next, 2) == "\\u"
                                                ? hex_code_unit(text, next + 2)
                                                : std::nullopt;
        if (low && is_low_surrogate(*low)) {
          next += 6;  // a pair: one character beyond the BMP
        } else {
          if (found.lone_surrogates++ == 0) found.first_surrogate = *unit;
          if (!repaired) repaired.emplace(text);
          repaired->replace(at + 2, 4, "fffd");
          bad = true;
        }
      }
      if (bad && found.lone_surrogates + found.nuls == 1) found.first_offset = at;
    }
    at = text.find('\\', next);
  }
  return repaired;
}

std::optional<nlohmann::json> parse_json_with_simdjson(std::string_view text) {
  if (text.size() > kMaxSimdjsonBytes) return std::nullopt;
  thread_local FastParse fast_parse;  // its buffers are kept for the thread's next document
  return fast_parse(text);
}

Result<ParsedJson> parse_json(std::string_view text, std::size_t first_line) {
  BadEscapes found;
  const std::optional<std::string> repaired = repair_unicode_escapes(text, found);
  // The repair keeps every byte where it was, so an error's line and column hold for `text`.
  auto parsed = parse_document(repaired ? std::string_view(*repaired) : text, first_line);
  if (!parsed) return parsed.error();
  ParsedJson out{std::move(*parsed), std::nullopt};
  if (found.any()) {
    out.repaired = Error{ErrorKind::kInput, "", "line " + std::to_string(line_at(text, found.first_offset, first_line)),
                         repair_reason(found), ""};
  }
  return out;
}

}  // namespace cs::indexer
