// A hit's story: the other articles collapsed into it by the first stage ("also in").
#pragma once

#include <xapian.h>

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "common/compact_text.hpp"
#include "common/error.hpp"
#include "searcher/results.hpp"

namespace cs::searcher {

class ValueTable;  // value_table.hpp

// Members listed under a hit: enough to see who else ran the story.
inline constexpr std::size_t kMaxStoryMembers = 10;

// The story's articles besides `own`, at most kMaxStoryMembers, in index order: from the
// story's term, or from `articles`, the story's documents in document id order as a
// session's table of story keys lists them (value_table.hpp), without reading the term.
std::vector<Xapian::docid> story_documents(const Xapian::Database& db, const std::string& story, Xapian::docid own);
std::vector<Xapian::docid> story_documents(std::span<const Xapian::docid> articles, Xapian::docid own);

// Where the members' fields come from.
struct MemberSources {
  const compact_text::DictionaryLookup& dictionaries;  // for their records
  const std::filesystem::path& path;                   // named by the error of an unreadable record
  const ValueTable* sources = nullptr;                 // a session's (ValueTables::source_table), or null
};

// The articles `documents` as members, with what `detail` asks: kWhole reads each record
// (one that cannot be read is a kDatabase error about `from.path`; Xapian errors
// propagate); kSources each source alone, from `from.sources` or else from the article's
// facet key, and the article id of one without a source; kNone nothing.
Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> documents,
                                               StoryDetail detail, const MemberSources& from);

}  // namespace cs::searcher
