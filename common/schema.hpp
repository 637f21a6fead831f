// The one table of term prefixes, value slots and metadata keys that the indexer writes and
// the searcher reads. Prefixes follow Xapian/Omega conventions where one exists.
#pragma once

#include <xapian.h>

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
inline constexpr std::string_view kSchemaVersion = "4";
inline constexpr std::string_view kSchemaVersionKey = "cs:schema";
// The Snowball stemmers (stemmer_for in language.hpp) articles were indexed with, joined by
// kListSeparator: the searcher stems each query word in every one of them.
inline constexpr std::string_view kStemLanguagesKey = "cs:stem_languages";
// Prefix of the metadata keys holding what each indexed file contributed (file_states.hpp):
// its size, modification time, content hash and the ids and hashes of its articles.
inline constexpr std::string_view kFileStatePrefix = "cs:file:";

// --- Free-text terms ----------------------------------------------------------------
// Unprefixed: the normalised, unstemmed word with positions (phrases use these).
// Stemmed form of an unprefixed word, without positions (Xapian's "Z" convention).
inline constexpr std::string_view kStemPrefix = "Z";
// Words of the article's title, unstemmed; their stems get kStemPrefix + kTitlePrefix.
inline constexpr std::string_view kTitlePrefix = "S";

// --- Boolean (filter / bookkeeping) terms ---------------------------------------------
// Unique id of one passage document: "<article id>#<passage index>".
inline constexpr std::string_view kPassageIdPrefix = "Q";
// Article id, on every passage of the article: replaces or deletes an article as a whole.
inline constexpr std::string_view kArticleIdPrefix = "XA";
// Source file path relative to the indexed root: finds what a file contributed.
inline constexpr std::string_view kPathPrefix = "XP";
// Source (publication) name, case-folded.
inline constexpr std::string_view kSourcePrefix = "XS";
// Story id, on each article's first passage only: lists the articles of a story.
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
// Article id: the collapse key, so each article contributes only its best passage.
inline constexpr Xapian::valueno kArticleIdSlot = 0;
// Publication date, ISO 8601 (sorts as a string); empty when unknown.
inline constexpr Xapian::valueno kDateSlot = 1;
// Passage index within its article, Xapian::sortable_serialise'd.
inline constexpr Xapian::valueno kPassageIndexSlot = 2;
// Story id: the near-duplicate cluster (the same wire story saved from several outlets),
// named by its first article's id. The searcher collapses on it: one hit per story.
inline constexpr Xapian::valueno kStorySlot = 3;
// The article's MinHash signature (256 bytes), on its first passage only (one per article):
// cs-index reads them back to put new articles into existing stories.
inline constexpr Xapian::valueno kSignatureSlot = 4;
// What --facets and --histogram count, the same on every passage of an article: its id,
// date, source, author, language and topics (encode_facet_key). One built-in
// Xapian::ValueCountMatchSpy on this slot then sees each matching article once, as one
// distinct value; Xapian's remote backend runs built-in spies on the servers and merges
// their counts, where a spy of our own would not run at all.
inline constexpr Xapian::valueno kFacetKeySlot = 5;
// The passage's stems and its title's as 32-bit hashes (passage_terms.hpp), for the
// searcher's second-stage scoring loop.
inline constexpr Xapian::valueno kPassageTermsSlot = 9;
inline constexpr char kListSeparator = '\x1F';
// A list of values as one value or metadata string, and back (empty items are dropped).
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(std::string_view joined);

struct FacetKey {
  std::string article_id, date, source, author, lang;
  std::vector<std::string> topics;
};
// The fields joined by '\x1E' (topics by kListSeparator), and back; separators inside a
// field become spaces.
std::string encode_facet_key(const FacetKey& key);
FacetKey decode_facet_key(std::string_view encoded);

// Positions of title words start here, far past any passage's own words, so that a phrase
// never spans from the passage into the title.
inline constexpr Xapian::termpos kTitlePositionBase = 100000;

// Xapian refuses terms longer than 245 bytes; a boolean term built from a longer value is
// shortened to a prefix of the value plus a hash of the whole, so it stays unique.
std::string boolean_term(std::string_view prefix, std::string_view value);

}  // namespace cs::schema

namespace cs::schema {

// The positional term for a normalised word in a field ("" = body text).
inline std::string exact_term(std::string_view field_prefix, std::string_view word) {
  std::string term(field_prefix);
  term.append(word);
  return term;
}

// The stemmed term for a stem in a field: "Z" + field prefix + stem, as Xapian's own
// TermGenerator writes it, so Xapian tools read our databases the usual way.
inline std::string stemmed_term(std::string_view field_prefix, std::string_view stem) {
  std::string term(kStemPrefix);
  term.append(field_prefix).append(stem);
  return term;
}

}  // namespace cs::schema
