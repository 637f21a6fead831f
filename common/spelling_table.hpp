// The index's words (schema.hpp keeps their stems, not the words), each with the number of
// articles that hold it, kept in the database's metadata: the list a wildcard and the search
// box complete from, and cs-search's "did you mean" corrects from (its words of letters a to
// z). One key a bucket of words (their first byte: a few dozen keys, so reading a remote
// shard's table takes a few dozen round trips), its value the bucket's "word count" lines in
// word order. cs-search reads only the words and their counts (searcher/query/spelling.hpp
// searches them itself), never the index of letter fragments Xapian's own spelling table
// keeps beside them: building that index was a serial third of an index run at its end
// (cs-index --jobs 2, news 1x: 4.97 s with it, 3.11 s without) and most of the spelling
// table's size. A bucket is stored compressed (Zstandard, no dictionary): sorted words keep
// about 40% of their size, 0.27 MB -> 0.11 MB a database of the speeches at 1x, each
// shard's own.
#pragma once

#include <xapian.h>

#include <charconv>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cs::spelling_table {

// The words listed: of three bytes or more, with a letter (of any script): not a number,
// nor one or two letters. A word holds no space or line break (the analyzer's words never
// do; add() leaves out one that does).
bool is_listed_word(std::string_view word);
// The words "did you mean" corrects from and to: letters a to z only, after folding.
bool is_correctable_word(std::string_view word);

// The metadata key of the bucket holding `word`.
std::string bucket_key(std::string_view word);
// Whether `key` (as stored, or as Xapian passes it to a Compactor, after its own two-byte
// prefix of metadata keys) is a bucket's.
bool is_bucket_key(std::string_view key);

// A bucket's "word count" lines as stored (compressed unless too short to shrink), and
// back; bucket_lines throws Xapian::DatabaseCorruptError for a compressed value it cannot
// read (never taken for an empty bucket, which a merge would write back over it).
std::string stored_bucket(std::string_view lines);
std::string bucket_lines(std::string_view stored);
// Bucket `key` of `db`, as lines. Throws Xapian::Error.
std::string read_bucket(const Xapian::Database& db, const std::string& key);

// Calls `visit(word, count)` for each line of a bucket's lines, in word order. A table's
// counts are positive; the counts waiting for it (indexer's pending_spelling.hpp) are
// negative for the words of articles a run deleted or replaced.
template <typename Visit>
void for_each_count(std::string_view bucket, Visit&& visit) {
  while (!bucket.empty()) {
    const std::size_t end = std::min(bucket.find('\n'), bucket.size());
    const std::string_view line = bucket.substr(0, end);
    bucket.remove_prefix(std::min(end + 1, bucket.size()));
    const std::size_t space = line.rfind(' ');
    if (space == std::string_view::npos || space == 0) continue;  // not a line this module wrote
    std::int64_t count = 0;
    const char* end_of_line = line.data() + line.size();
    const auto [stop, error] = std::from_chars(line.data() + space + 1, end_of_line, count);
    if (error == std::errc() && stop == end_of_line) visit(line.substr(0, space), count);
  }
}

// Appends a line of `word` and `count` to a bucket's lines (the lines must then be merged
// into word order: merge()).
void append_count(std::string& bucket, std::string_view word, std::int64_t count);

// Buckets' lines merged: each word once, its counts summed; a word whose sum is not
// positive (its articles deleted) is left out.
std::string merge(const std::vector<std::string_view>& buckets);

// Adds `counts` (word -> articles, negative for articles removed) to `db`'s buckets, inside
// the caller's transaction.
void add(Xapian::WritableDatabase& db, const std::unordered_map<std::string, std::int64_t>& counts);

// Every word of `db` with its count (for tests and tools; the searcher reads the buckets
// itself).
std::map<std::string, std::int64_t> read_all(const Xapian::Database& db);

}  // namespace cs::spelling_table
