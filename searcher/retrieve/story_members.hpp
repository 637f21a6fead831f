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

// Members listed under a hit: enough to see who else ran the story.
inline constexpr std::size_t kMaxStoryMembers = 10;

// At most kMaxStoryMembers articles of `story` besides `article_id`, in index order, their
// records read with the dictionaries `dictionaries` finds. An unreadable record is a
// kDatabase error about `path`; Xapian errors propagate.
Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, const std::string& story,
                                               const std::string& article_id, const std::filesystem::path& path,
                                               const compact_text::DictionaryLookup& dictionaries);
// The same for a story whose articles are known, in document id order (from a session's
// table of story keys, value_table.hpp): the story's term is not read.
Result<std::vector<StoryMember>> story_members(const Xapian::Database& db, std::span<const Xapian::docid> articles,
                                               const std::string& article_id, const std::filesystem::path& path,
                                               const compact_text::DictionaryLookup& dictionaries);

}  // namespace cs::searcher
