#include "searcher/query/synonyms.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace cs::searcher {

namespace {

// Entries of a comma-separated list, analysed; empty entries ("a,,b") are errors.
Result<std::vector<Synonyms::Words>> entries(std::string_view list, Analyzer& analyzer) {
  std::vector<Synonyms::Words> out;
  std::vector<Token> tokens;
  while (true) {
    const std::size_t comma = list.find(',');
    tokens.clear();
    analyzer.tokenize(list.substr(0, comma), tokens);
    if (tokens.empty()) return Error{ErrorKind::kUsage, "", "", "an entry has no words", "write word, word"};
    Synonyms::Words words;
    for (const Token& token : tokens) words.push_back(token.plain_form());
    out.push_back(std::move(words));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

}  // namespace

Result<Synonyms> Synonyms::load(const std::filesystem::path& path, Analyzer& analyzer) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorKind::kUsage, path.string(), "", "cannot read synonyms file", "check the path"};
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string(), analyzer);
}

Result<Synonyms> Synonyms::parse(std::string_view text, const std::string& name, Analyzer& analyzer) {
  Synonyms synonyms;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    line = line.substr(0, line.find('#'));
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto located = [&](Error error) {
      error.path = name;
      error.location = "line " + std::to_string(line_number);
      return error;
    };
    const std::size_t arrow = line.find("=>");
    auto left = entries(line.substr(0, arrow), analyzer);
    if (!left) return located(left.error());
    if (arrow == std::string_view::npos) {
      if (left->size() < 2) return located(Error{ErrorKind::kUsage, "", "", "a rule needs two entries", "write a, b or a => b"});
      for (const Words& entry : *left) {
        auto& alternatives = synonyms.rules_[entry];
        for (const Words& other : *left) {
          if (other != entry && std::find(alternatives.begin(), alternatives.end(), other) == alternatives.end()) {
            alternatives.push_back(other);
          }
        }
      }
      continue;
    }
    auto right = entries(line.substr(arrow + 2), analyzer);
    if (!right) return located(right.error());
    for (const Words& entry : *left) {
      auto& alternatives = synonyms.rules_[entry];
      for (const Words& target : *right) {
        if (target != entry && std::find(alternatives.begin(), alternatives.end(), target) == alternatives.end()) {
          alternatives.push_back(target);
        }
      }
    }
  }
  return synonyms;
}

const std::vector<Synonyms::Words>* Synonyms::alternatives(const Words& entry) const {
  const auto it = rules_.find(entry);
  return it == rules_.end() ? nullptr : &it->second;
}

}  // namespace cs::searcher
