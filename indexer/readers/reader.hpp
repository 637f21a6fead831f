// The one interface every article reader implements: one file in, articles and issues out.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "common/article.hpp"
#include "common/error.hpp"

namespace cs::indexer {

struct ReadResult {
  std::vector<Article> articles;  // ids and paths filled in; body may be empty
  std::vector<Error> issues;      // problems that were salvaged or that skipped the file
  // The file is well formed and listed entries (a feed): with no articles, every entry was
  // empty and skipped, and the file is read, holding none, rather than bad input. JSON
  // records of the wrong shape still make a bad file.
  bool records_listed = false;
};

class Reader {
 public:
  virtual ~Reader() = default;
  // Short format name for messages and --help ("text", "markdown").
  virtual std::string_view name() const = 0;
  // Lower-case file extensions with the dot (".md") that this reader claims.
  virtual std::span<const std::string_view> extensions() const = 0;
  // True when the first bytes of a file with no known extension look like this format.
  virtual bool sniff(std::string_view head) const = 0;
  // Reads one file. Never throws: anything wrong is an issue, and what can be salvaged is.
  virtual ReadResult read(const SourceFile& file) const = 0;
};

}  // namespace cs::indexer
