#include "indexer/json_parse.hpp"

#include <string>

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

}  // namespace

Result<nlohmann::json> parse_json(std::string_view text, std::size_t first_line) {
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
  try {
    return nlohmann::json::parse(text.begin(), text.end(), limit_depth);
  } catch (const TooDeep&) {
    return Error{ErrorKind::kInput, "", "", "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels", ""};
  } catch (const nlohmann::json::parse_error& e) {
    return Error{ErrorKind::kInput, "", location_of(text, e.byte, first_line),
                 "invalid JSON (" + plain_message(e.what()) + ")", ""};
  } catch (const nlohmann::json::exception& e) {
    return Error{ErrorKind::kInput, "", "", "invalid JSON (" + plain_message(e.what()) + ")", ""};
  }
}

}  // namespace cs::indexer
