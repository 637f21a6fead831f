// The one table of term prefixes, value slots and metadata keys that the indexer writes and
// the searcher reads. Prefixes follow Xapian/Omega conventions where one exists.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs::schema {

// Bump when a database written by an older cs-index can no longer be searched correctly.
// 2: story clusters (kStorySlot, kSignatureSlot, kStoryPrefix).
// 3: acronyms as dotted terms ("u.s") and hyphenated words joined (Token::alternative);
//    articles stemmed in their own language (kStemLanguagesKey); passage term hashes
//    for the second stage (kPassageTermsSlot).
// 4: one facet key per passage (kFacetKeySlot) instead of a slot per counted field.
// 5: one document per article (not per passage): the passages' texts in value slots from
//    kPassageTextSlotBase, their bounds in kArticleTermsSlot; text stems positional.
// 6: stems carry the positions (phrases and NEAR match stems), words none; passage texts
//    deflated (passage_text.hpp).
// 7: the facet key holds the day and no article id, so articles that share their fields
//    share one value.
// 8: a story is named by an 8-byte key (story_key), not its first article's id: Xapian's
//    collapse reads every candidate's value, and ids (paths, 75 bytes on average) took it
//    from 36 to 124 us a query at news 1x, against 85 us for keys.
// 9: passage texts and article records compressed with Zstandard (compact_text.hpp), not
//    deflated by zlib (passage texts) or by Xapian (records): a hit decodes each in about
//    2 us instead of 5.
// 10: a passage's value holds its sentences before its text (passage_text.hpp), so a hit's
//    snippet needs no sentence breaks.
// 11: passage texts and article records compressed with dictionaries trained on the
//    database's first articles (stored_dictionaries.hpp): passages keep 38% of their size
//    instead of 57%, records 30% instead of 60% and decode in a third of the time.
// 12: the articles and pronouns French and Italian write elided onto a word ("l'", "qu'",
//    "dell'") are cut off it (Analyzer::tokenize): "l'Assemblée" is the word "assemblée";
//    story signatures hash their shingles by multiply-shift (stories.cpp).
// 13: the spelling words and their counts are kept in metadata buckets (spelling_table.hpp,
//    kSpellingWordsPrefix), not in Xapian's spelling table with its index of fragments;
//    title positions start past the body however long it is (kTitlePositionBase).
// 14: no term for a word as written, only its stem: the words as written were 0.29x of the
//    text in index size at speeches 1x (1.75x -> 1.46x) and most of the writer's postings
//    (cs-index news 1x: 4.4 s -> 3.2 s); a document's length is its stems' count. Story
//    signatures are one-permutation MinHash (stories.cpp).
// 15: Japanese (text with kana) is cut into words as written and each word then folded to
//    simplified Chinese characters, instead of folded first (Analyzer::tokenize).
inline constexpr std::string_view kSchemaVersion = "15";
inline constexpr std::string_view kSchemaVersionKey = "cs:schema";
// The Snowball stemmers (stemmer_for in language.hpp) articles were indexed with, joined by
// kListSeparator: the searcher stems each query word in every one of them.
inline constexpr std::string_view kStemLanguagesKey = "cs:stem_languages";
// The Xapian stub file in a sharded database folder, naming its shards one a line (Xapian
// opens a folder holding it as those shards).
inline constexpr const char* kStubFile = "XAPIANDB";
// The database's size on disk when it was last compacted (compaction.hpp), in decimal.
inline constexpr std::string_view kCompactedBytesKey = "cs:compacted_bytes";
// The ids (decimal) of the Zstandard dictionaries cs-index compresses new passages and
// records with, and the prefix of the keys holding each dictionary under its id
// (stored_dictionaries.hpp).
inline constexpr std::string_view kPassageDictionaryKey = "cs:passage_dictionary";
inline constexpr std::string_view kRecordDictionaryKey = "cs:record_dictionary";
inline constexpr std::string_view kDictionaryPrefix = "cs:dictionary:";
// Prefix of the metadata keys holding spelling counts not yet in the spelling table
// (indexer/write/pending_spelling.hpp), one key a batch: "word count" lines.
inline constexpr std::string_view kPendingSpellingPrefix = "cs:spelling:";
// Prefix of the metadata keys of the spelling table's buckets (spelling_table.hpp).
inline constexpr std::string_view kSpellingWordsPrefix = "cs:words:";
// Prefix of the metadata keys holding what each indexed file contributed (file_states.hpp):
// its size, modification time, content hash and the ids and hashes of its articles.
inline constexpr std::string_view kFileStatePrefix = "cs:file:";

// --- Free-text terms ----------------------------------------------------------------
// Stemmed form of a word (Xapian's "Z" convention), with the word's position: phrases and
// NEAR match stems at their places, and the second stage places the query's stems in
// passages by them. A word as written has no term: a quoted word matches by its stem as
// in Lucene and Elasticsearch, and the words themselves (for wildcards, completion and
// suggestions) are the spelling table's (spelling_table.hpp).
inline constexpr std::string_view kStemPrefix = "Z";
// The field of the article's titles: their stems get kStemPrefix + kTitlePrefix.
inline constexpr std::string_view kTitlePrefix = "S";

// --- Boolean (filter / bookkeeping) terms ---------------------------------------------
// Article id, the document's unique term: replaces or deletes an article.
inline constexpr std::string_view kArticleIdPrefix = "XA";
// Source file path relative to the indexed root: finds what a file contributed.
inline constexpr std::string_view kPathPrefix = "XP";
// Source (publication) name, case-folded.
inline constexpr std::string_view kSourcePrefix = "XS";
// Story key, in hex (story_term): lists the articles of a story.
inline constexpr std::string_view kStoryPrefix = "XC";
// Author name, case-folded (Omega's "A").
inline constexpr std::string_view kAuthorPrefix = "A";
// Topic or tag, case-folded (Omega's "K").
inline constexpr std::string_view kTopicPrefix = "K";
// Language tag, case-folded, and its primary subtag alone ("en-us" and "en").
inline constexpr std::string_view kLanguagePrefix = "L";
// Publication date as YYYYMMDD, YYYYMM and YYYY (Omega's "D", "M", "Y").
inline constexpr std::string_view kDayPrefix = "D";
inline constexpr std::string_view kMonthPrefix = "M";
inline constexpr std::string_view kYearPrefix = "Y";

// --- Value slots -------------------------------------------------------------------------
// Article id (ties between equal scores are broken on it).
inline constexpr Xapian::valueno kArticleIdSlot = 0;
// Publication date, ISO 8601 as the article gives it, a time with its offset from UTC
// ("2024-04-30T07:05:13+09:00"): its first ten characters are the day of the place of
// publication, which filters (--since, date:) and recency read; empty when unknown.
inline constexpr Xapian::valueno kDateSlot = 1;
// The same moment in UTC (utc_instant: "2024-04-29T22:05:13Z"; a date alone as written),
// which sorts as time does: --sort orders by it.
inline constexpr Xapian::valueno kInstantSlot = 2;
// Story key (story_key): the near-duplicate cluster (the same wire story saved from several
// outlets), named by its first article's id and signature hashed. The searcher collapses
// on it: one hit per story.
inline constexpr Xapian::valueno kStorySlot = 3;
// The article's MinHash signature (256 bytes): cs-index reads them back to put new articles
// into existing stories.
inline constexpr Xapian::valueno kSignatureSlot = 4;
// What --facets and --histogram count: the article's day, source, author, language and
// topics (encode_facet_key), for one built-in Xapian::ValueCountMatchSpy on this slot, which
// counts the articles of each distinct value; articles that share all their fields share a
// value, so the spy's table stays small however many articles match. Xapian's remote
// backend runs built-in spies on the servers and merges their counts, where a spy of our
// own would not run at all.
inline constexpr Xapian::valueno kFacetKeySlot = 5;
// Where each of the article's passages begins among its words, and its title's stem hashes
// (passage_terms.hpp), for the searcher's second stage, which picks the best passage.
inline constexpr Xapian::valueno kArticleTermsSlot = 9;
// Passage K's text (pack_passage_text) is the value in slot kPassageTextSlotBase + K: a hit
// reads the one passage it shows, not its whole article (Xapian reads one slot of a
// document at a time).
inline constexpr Xapian::valueno kPassageTextSlotBase = 16;
inline constexpr Xapian::valueno passage_text_slot(std::uint32_t passage_index) {
  return kPassageTextSlotBase + passage_index;
}
inline constexpr char kListSeparator = '\x1F';
// A list of values as one value or metadata string, and back (empty items are dropped).
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(std::string_view joined);

struct FacetKey {
  std::string date, source, author, lang;  // date: YYYY-MM-DD, or empty
  std::vector<std::string> topics;
};
// The fields joined by '\x1E' (topics by kListSeparator), the date cut to its day, and
// back; separators inside a field become spaces.
std::string encode_facet_key(const FacetKey& key);
FacetKey decode_facet_key(std::string_view encoded);
// The same fields as views into `encoded` (which must outlive them), the topics still
// joined (for_each_listed walks them): counting facets decodes thousands of keys a query.
struct FacetKeyView {
  std::string_view date, source, author, lang, topics;
};
FacetKeyView view_facet_key(std::string_view encoded);
// Calls `visit` with each non-empty item of a joined list, as split_list gives them.
template <typename Visit>
void for_each_listed(std::string_view joined, Visit&& visit) {
  while (!joined.empty()) {
    const std::size_t separator = joined.find(kListSeparator);
    if (separator != 0) visit(joined.substr(0, separator));
    if (separator == std::string_view::npos) break;
    joined.remove_prefix(separator + 1);
  }
}

// Days since 1970-01-01 of a stored date's first ten characters (YYYY-MM-DD), or nullopt
// when they are not a day of the calendar.
std::optional<std::int64_t> day_number(std::string_view date);

// Seconds since 1970 of a stored date with a time ("2024-04-29T22:05:13Z", or with its
// offset, "2024-04-30T07:05:13+09:00": the same moment); nullopt for a day alone.
std::optional<std::int64_t> epoch_seconds(std::string_view date);

// A UTC offset as a stored time ends with it: "Z" for none, "+09:00", "-05:30".
std::string offset_suffix(int minutes_east);

// A stored date's moment in UTC, "YYYY-MM-DDTHH:MM:SSZ" ("2024-04-30T07:05:13+09:00" is
// "2024-04-29T22:05:13Z"); a date alone, or one already in UTC, as it is.
std::string utc_instant(std::string_view date);

// Positions of title words start here, or more than kOtherTitleGap past the last of a
// longer article's own words: a phrase or NEAR over the body's and the title's positions
// as one list never joins the two.
inline constexpr Xapian::termpos kTitlePositionBase = 100000;
// An article's other titles (Article::other_titles) follow its title, each this many
// positions after the one before, wider than the widest NEAR window (kMaxNearWindow,
// searcher/query/query_lexer.hpp), so neither a phrase nor NEAR joins words of two titles.
inline constexpr Xapian::termpos kOtherTitleGap = 1000;

// Xapian refuses terms longer than 245 bytes; a boolean term built from a longer value is
// shortened to a prefix of the value plus a hash of the whole, so it stays unique.
std::string boolean_term(std::string_view prefix, std::string_view value);

// The story an article with id `first_article_id` and story signature `signature` begins:
// 8 bytes (XXH3-64 of the id, then of the signature seeded with it; big-endian), the value
// in kStorySlot of every article of the story. The same article gives the same key in every
// run and version of this schema; its id alone did not do: an id that names another article
// in a later run ("latest.json#1" of a news API's page saved over the last) gave the new
// article the old one's story, and cs-search showed the two as one (a new user's trial).
// Two stories share a key with a chance of about 2^-64.
std::string story_key(std::string_view first_article_id, std::string_view signature);
// The boolean term that lists a story's articles: kStoryPrefix and its key in hex.
std::string story_term(std::string_view story_key);

}  // namespace cs::schema

namespace cs::schema {

// The stemmed term for a stem in a field: "Z" + field prefix + stem, as Xapian's own
// TermGenerator writes it, so Xapian tools read our databases the usual way.
inline std::string stemmed_term(std::string_view field_prefix, std::string_view stem) {
  std::string term(kStemPrefix);
  term.append(field_prefix).append(stem);
  return term;
}

}  // namespace cs::schema
