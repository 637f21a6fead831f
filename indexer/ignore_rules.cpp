#include "indexer/ignore_rules.hpp"

#include <fnmatch.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// Drops trailing spaces that are not escaped ("a\ " keeps its space), and a CR.
void trim_end(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
  while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\')) line.pop_back();
}

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    path.remove_prefix(slash == std::string_view::npos ? path.size() : slash + 1);
  }
  return parts;
}

bool segment_matches(std::string_view pattern, std::string_view name) {
  return fnmatch(std::string(pattern).c_str(), std::string(name).c_str(), 0) == 0;
}

// Pattern segments against path segments, a "**" segment matching any number of them.
// Dynamic programming over (pattern segment, path segment): each pair is weighed once, so
// "a/**/**/**/z" against a deep path costs their product, not an exponential search.
bool segments_match(const std::vector<std::string_view>& pattern, const std::vector<std::string_view>& path) {
  const std::size_t patterns = pattern.size(), segments = path.size();
  // matches[p * (segments + 1) + s]: pattern[p..] matches path[s..]
  std::vector<char> matches((patterns + 1) * (segments + 1), 0);
  const auto at = [&matches, segments](std::size_t p, std::size_t s) -> char& { return matches[p * (segments + 1) + s]; };
  at(patterns, segments) = 1;
  for (std::size_t p = patterns; p-- > 0;) {
    for (std::size_t s = segments + 1; s-- > 0;) {
      if (pattern[p] == "**") {
        // At the end, "/**" is what is inside a folder, not the folder: "abc/**" with
        // "!abc/keep.txt" keeps that file, as git does.
        at(p, s) = p + 1 == patterns ? s < segments : at(p + 1, s) || (s < segments && at(p, s + 1));
      } else {
        at(p, s) = s < segments && at(p + 1, s + 1) && segment_matches(pattern[p], path[s]);
      }
    }
  }
  return at(0, 0) != 0;
}

}  // namespace

IgnoreRules IgnoreRules::parse(std::string_view text) {
  IgnoreRules rules;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) {
    trim_end(line);
    if (line.empty() || line[0] == '#') continue;
    Rule rule;
    if (line[0] == '!') {
      rule.keep = true;
      line.erase(0, 1);
    } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
      line.erase(0, 1);
    }
    if (line.size() > 1 && line.back() == '/') {
      rule.folders_only = true;
      line.pop_back();
    }
    // A slash at the start or in the middle anchors the pattern to the file's folder.
    rule.anchored = line.find('/') != std::string::npos;
    if (line.starts_with('/')) line.erase(0, 1);
    if (line.empty()) continue;
    if (rules.rules_.size() == kMaxPatterns) {
      ++rules.dropped_;
      continue;
    }
    rule.pattern = std::move(line);
    rules.rules_.push_back(std::move(rule));
  }
  return rules;
}

IgnoreRules IgnoreRules::read(const fs::path& folder, const std::function<void(const Error&)>& report) {
  const fs::path file = folder / ".csignore";
  std::error_code ec;
  if (!fs::exists(file, ec)) return {};
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    report(Error{ErrorKind::kIo, file.string(), "", "cannot read (" + std::string(std::strerror(errno)) + ")",
                 "its patterns are not applied"});
    return {};
  }
  std::ostringstream text;
  text << in.rdbuf();
  IgnoreRules rules = parse(text.str());
  if (rules.dropped_ > 0) {
    report(Error{ErrorKind::kInput, file.string(), "",
                 "more than " + std::to_string(kMaxPatterns) + " patterns",
                 "the first " + std::to_string(kMaxPatterns) + " are applied"});
  }
  return rules;
}

IgnoreVerdict IgnoreRules::match(std::string_view relative, bool is_folder) const {
  const std::vector<std::string_view> path = split_path(relative);
  if (path.empty()) return IgnoreVerdict::kNoMatch;
  for (auto rule = rules_.rbegin(); rule != rules_.rend(); ++rule) {  // the last match wins
    if (rule->folders_only && !is_folder) continue;
    const bool matches = rule->anchored ? segments_match(split_path(rule->pattern), path)
                                        : segment_matches(rule->pattern, path.back());
    if (matches) return rule->keep ? IgnoreVerdict::kKeep : IgnoreVerdict::kIgnore;
  }
  return IgnoreVerdict::kNoMatch;
}

}  // namespace cs::indexer
