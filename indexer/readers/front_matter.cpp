#include "indexer/readers/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace cs::indexer {

namespace {

struct TooLarge : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// YAML scalars stay strings: "published: true" and "date: 2021-02-11" are read by the
// field mapping, which knows what each field should hold.
nlohmann::json to_json(const YAML::Node& node, std::size_t depth, std::size_t& budget) {
  if (budget == 0) throw TooLarge("front matter has more than 100000 nodes (alias expansion?)");
  --budget;
  if (depth > kMaxFrontMatterDepth) throw TooLarge("front matter nests deeper than 64 levels");
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return node.Scalar();
    case YAML::NodeType::Sequence: {
      nlohmann::json array = nlohmann::json::array();
      for (const auto& item : node) array.push_back(to_json(item, depth + 1, budget));
      return array;
    }
    case YAML::NodeType::Map: {
      nlohmann::json object = nlohmann::json::object();
      for (const auto& entry : node) {
        if (!entry.first.IsScalar()) continue;  // complex keys carry no article field
        object[entry.first.Scalar()] = to_json(entry.second, depth + 1, budget);
      }
      return object;
    }
    default:
      return nullptr;
  }
}

// yaml-cpp (0.7) ends a quoted value that is never closed at the end of the block, without
// an error: `title: "Unclosed` read the rest of the block as the title. A key after the
// block tells: parsed again with it, a block whose last value is closed holds the key.
constexpr const char* kEndKey = "cs-search-end-of-front-matter";

bool ends_inside_a_quote(const std::string& yaml, const YAML::Node& root) {
  if (root.Style() == YAML::EmitterStyle::Flow) return false;  // {title: x}: a key after it is no YAML
  // The key goes at the indentation of the block's first key, so an indented mapping takes it.
  std::size_t indent = 0;
  for (std::size_t line = 0; line < yaml.size();) {
    const std::size_t end = std::min(yaml.find('\n', line), yaml.size());
    const std::size_t first = yaml.find_first_not_of(' ', line);
    if (first < end && yaml[first] != '#') {
      indent = first - line;
      break;
    }
    line = end + 1;
  }
  try {
    const YAML::Node probed = YAML::Load(yaml + "\n" + std::string(indent, ' ') + kEndKey + ": end\n");
    return !probed.IsMap() || !probed[kEndKey];
  } catch (const YAML::Exception&) {
    return true;
  }
}

// The line (of the file: the block starts on line 2) of the first value that opens a quote it
// does not close on its line, where an unclosed quote most likely begins.
int unclosed_quote_line(std::string_view yaml) {
  int number = 2;
  for (std::size_t line = 0; line < yaml.size(); ++number) {
    const std::size_t end = std::min(yaml.find('\n', line), yaml.size());
    const std::string_view text = yaml.substr(line, end - line);
    const std::size_t colon = text.find(": ");
    const std::size_t open = colon == std::string_view::npos ? std::string_view::npos : text.find_first_not_of(' ', colon + 1);
    if (open != std::string_view::npos && (text[open] == '"' || text[open] == '\'')) {
      const std::size_t close = text.find(text[open], open + 1);
      if (close == std::string_view::npos) return number;
    }
    line = end + 1;
  }
  return 2;
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

FrontMatter split_front_matter(std::string_view text) {
  FrontMatter result;
  result.body = text;
  const std::size_t first_newline = text.find('\n');
  if (first_newline == std::string_view::npos || !is_fence(text.substr(0, first_newline), false)) return result;

  std::size_t line_start = first_newline + 1;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    if (is_fence(text.substr(line_start, line_end - line_start), true)) {
      const std::string yaml(text.substr(first_newline + 1, line_start - first_newline - 1));
      result.body = text.substr(std::min(line_end + 1, text.size()));
      try {
        const YAML::Node root = YAML::Load(yaml);
        if (root.IsNull()) return result;
        if (!root.IsMap()) {
          result.issue = Error{ErrorKind::kInput, "", "line 2", "front matter is not a YAML mapping", "its fields were ignored"};
          return result;
        }
        if (ends_inside_a_quote(yaml, root)) {
          result.issue = Error{ErrorKind::kInput, "", "line " + std::to_string(unclosed_quote_line(yaml)),
                               "invalid YAML front matter (a quoted value is never closed)", "its fields were ignored"};
          return result;
        }
        std::size_t budget = kMaxFrontMatterNodes;
        result.fields = to_json(root, 0, budget);
      } catch (const YAML::Exception& e) {
        result.issue = Error{ErrorKind::kInput, "", "line " + std::to_string(e.mark.line >= 0 ? e.mark.line + 2 : 1),
                             "invalid YAML front matter (" + e.msg + ")", "its fields were ignored"};
      } catch (const TooLarge& e) {
        result.issue = Error{ErrorKind::kInput, "", "line 2", e.what(), "its fields were ignored"};
      }
      return result;
    }
    if (line_end == text.size()) break;
    line_start = line_end + 1;
  }
  result.issue = Error{ErrorKind::kInput, "", "line 1", "front matter opened with --- is never closed",
                       "the file was read as plain text"};
  result.body = text.substr(first_newline + 1);
  result.unclosed = true;
  return result;
}

}  // namespace cs::indexer
