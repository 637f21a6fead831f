// Plain structs shared by the indexer and the searcher: a source file, an article read from
// it, and the passages the article is split into.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace cs {

// One file handed to a reader: its bytes and where it came from.
struct SourceFile {
  std::filesystem::path path;  // as found on disk
  std::string relative_path;   // relative to the indexed root, '/'-separated; the default id
  std::string bytes;           // raw content, any encoding
};

// A bounded stretch of an article's body: the unit that is indexed, ranked and shown.
struct Passage {
  std::uint32_t index = 0;  // 0-based position among the article's passages
  std::uint32_t begin = 0;  // byte offsets into Article::body, [begin, end)
  std::uint32_t end = 0;
};

// One article as read and cleaned: UTF-8 text and normalised metadata.
struct Article {
  std::string id;       // stable: the record's own id, else the relative path (path#N in a multi-article file)
  std::string path;     // relative path of the file it came from
  std::string title;
  std::vector<std::string> other_titles;  // other titles the source gives: searchable as title words, never shown
  // The summary a page prints under its headline when its text leaves it out (html_standfirst.hpp):
  // searchable as title words (not counted by the title signal), never shown, not the body.
  std::string standfirst;
  std::string source;   // publication or site name
  std::string author;   // searchable as title words, not counted by the title signal
  std::string date;     // ISO 8601: YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS and the offset it was given in
                        // (Z, or +09:00); empty if unknown
  std::string url;
  std::string lang;     // BCP 47 code when known
  std::vector<std::string> topics;
  std::string body;     // clean text; paragraphs separated by one blank line
  bool preview = false; // saved behind a paywall or preview: the text is partial
  // The page showed no article text (a video page, an index of links): the body is its
  // description or the line or two found, searchable but not the story.
  bool no_article_text = false;
  std::string story_key;    // near-duplicate cluster: schema::story_key of its first article (set by cs-index)
  std::string signature;    // MinHash of the body's word shingles (binary); empty when too short
};

}  // namespace cs
