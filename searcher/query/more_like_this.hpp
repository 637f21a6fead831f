// --like: a query for the articles most like a given one, from the terms that best tell it
// from the rest of the database (Xapian's relevance feedback).
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

#include "common/compact_text.hpp"
#include "common/error.hpp"
#include "searcher/query/query.hpp"

namespace cs::searcher {

// The stems of passage text that best tell an article from the rest of `db` (an ESet, Bo1),
// any of them, the article itself excluded. The article is named by its article_id or by
// its file as cs-search shows it (the indexed root joined with the file's path; relative to
// the working directory, or only the part below the root), when that file gave one
// article. An unknown article, a file of several, or an article with no words is a kQuery
// error; a failed read a kDatabase error about `path`. Records are read with the
// dictionaries `dictionaries` finds.
Result<ParsedQuery> like_query(const Xapian::Database& db, const std::string& article_id,
                               const std::filesystem::path& path, const compact_text::DictionaryLookup& dictionaries);

}  // namespace cs::searcher
