// Finds an article as a user names it (its id, one of its passages' ids, or its file as
// cs-search shows it) and reads it whole: every passage in order, with its story's other
// articles. For --show, --like and the HTTP API's article view.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <string>

#include "common/compact_text.hpp"
#include "common/error.hpp"
#include "searcher/results.hpp"

namespace cs::searcher {

// The article_id `given` names: an article_id; a passage id ("<article id>#3", the article
// being the one shown); or an indexed file as cs-search prints it (the indexed root joined
// with the file's path, relative to the working directory, or only the part below the root)
// when that file gave one article. A file of several articles lists their ids, and a name
// that is none of these is a kQuery error. Records are read with the dictionaries
// `dictionaries` finds. Xapian errors propagate.
Result<std::string> resolve_article_id(const Xapian::Database& db, const std::string& given,
                                       const compact_text::DictionaryLookup& dictionaries);

// The article `article_id` whole, its passages and records decompressed with the
// dictionaries `dictionaries` finds. An id the database does not hold is a kQuery error; an unreadable
// record or passage a kDatabase error about `path`. Xapian errors propagate.
Result<ArticleView> read_article(const Xapian::Database& db, const std::string& article_id,
                                 const std::filesystem::path& path, const compact_text::DictionaryLookup& dictionaries);

}  // namespace cs::searcher
