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

// The hit a story's members are listed under: its document, and its article id, whose other
// copies are no members (several databases searched as one may each hold the article).
struct StoryHit {
  Xapian::docid document = 0;
  const std::string& article_id;
};

// The story's other articles, at most kMaxStoryMembers, in index order: from the story's
// term, or from `articles`, the story's documents in document id order as a session's table
// of story keys lists them (value_table.hpp), without reading the term.
std::vector<Xapian::docid> story_documents(const Xapian::Database& db, const std::string& story, const StoryHit& hit);
std::vector<Xapian::docid> story_documents(const Xapian::Database& db, std::span<const Xapian::docid> articles,
                                           const StoryHit& hit);

// How the members' fields are read.
struct MemberReading {
  const compact_text::DictionaryLookup& dictionaries;  // for their records
  const std::filesystem::path& path;                   // named by the error of an unreadable record
  const ValueTable* source_table = nullptr;            // a session's (ValueTables::source_table), or null
};

// The articles `documents` as members, with what `detail` asks: kWhole reads each record
// (one that cannot be read is a kDatabase error about `reading.path`; Xapian errors
// propagate); kSources each source alone, from `reading.source_table` or else from the
// article's facet key, and the article id of one without a source; kNone nothing.
Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> documents,
                                               StoryDetail detail, const MemberReading& reading);

}  // namespace cs::searcher
