// Query expansion from a synonyms file (--synonyms FILE): a word or phrase the user types
// also matches its listed alternatives ("PRC" finds "China", "POTUS" finds "president").
//
// One rule per line; '#' starts a comment. "china, prc, people's republic of china" makes
// every entry match every other; "potus => president" makes the left side also match the
// right, not the other way. Entries go through the query analyzer, so case, accents and
// word forms work as in queries.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "common/analyzer.hpp"
#include "common/error.hpp"

namespace cs::searcher {

class Synonyms {
 public:
  using Words = std::vector<std::string>;  // an entry's analysed words, acronyms undotted (Token::plain_form)

  // Fails with a kUsage error naming the file (and the line) when it cannot be read or a
  // rule is malformed.
  static Result<Synonyms> load(const std::filesystem::path& path, Analyzer& analyzer);
  // The same from text, for tests; `name` is used in messages.
  static Result<Synonyms> parse(std::string_view text, const std::string& name, Analyzer& analyzer);

  // The alternatives of an entry (its analysed words), or null when it has none.
  const std::vector<Words>* alternatives(const Words& entry) const;
  bool empty() const { return rules_.empty(); }

 private:
  std::map<Words, std::vector<Words>> rules_;
};

}  // namespace cs::searcher
