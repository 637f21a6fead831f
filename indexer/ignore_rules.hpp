// The patterns of one .csignore file, read as git reads a .gitignore, and whether a path
// below the file's folder matches them.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace cs::indexer {

// What the last pattern of a file that matches a path says about it.
enum class IgnoreVerdict { kNoMatch, kIgnore, kKeep };

// gitignore(5) syntax: one pattern a line; blank lines and "#" comments skipped; trailing
// spaces dropped unless escaped ("\ "); "\#" and "\!" for a leading literal # or !; "!" to
// keep what an earlier pattern left out; a trailing "/" matches folders only; a pattern
// with a "/" at its start or middle is relative to the file's folder, one without matches a
// name at any depth below it; "*", "?" and "[a-z]" never match "/"; "**/" at the start,
// "/**" at the end and "/**/" inside match any number of folders.
class IgnoreRules {
 public:
  // The rules of `folder`/.csignore; none when it does not exist. A file that cannot be read,
  // or patterns past kMaxPatterns, are reported to `report`.
  static IgnoreRules read(const std::filesystem::path& folder, const std::function<void(const Error&)>& report);
  // Rules from the text of a .csignore file (for tests, and read above).
  static IgnoreRules parse(std::string_view text);

  // The verdict for `relative`, a '/'-separated path below the file's folder.
  IgnoreVerdict match(std::string_view relative, bool is_folder) const;
  bool empty() const { return rules_.empty(); }

  // A file of more patterns is no ignore list a person wrote; each file checked costs one
  // match per pattern.
  static constexpr std::size_t kMaxPatterns = 10000;

 private:
  struct Rule {
    std::string pattern;       // without "!", the anchoring "/" and the trailing "/"
    bool keep = false;         // a "!" pattern
    bool folders_only = false;  // ended in "/"
    bool anchored = false;     // holds a "/": matched against the whole relative path
  };
  std::vector<Rule> rules_;
  std::size_t dropped_ = 0;  // patterns past kMaxPatterns
};

}  // namespace cs::indexer
