// Tallies the fields of counted facet keys (schema::FacetKey: source, date, author, topics,
// lang). Each distinct key is decoded once into the numbers of its fields' values, so
// tallying a key again is array arithmetic: counting a faceted query's keys field by field,
// through string maps, cost 3 M instructions a query at news 10x (callgrind), for keys
// that recur from query to query. A session keeps one FacetTally for its facet-key table
// (value_table.hpp), numbered as the table numbers its keys; a search without a table
// numbers the keys it meets itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "searcher/results.hpp"

namespace cs::searcher {

class FacetTally {
 public:
  // Starts a tally; the keys decoded so far stay decoded.
  void clear();
  // Adds `articles` to each field value of the key numbered `id`, whose text is `key`
  // (read only the first time the number is met).
  void add(std::uint32_t id, std::string_view key, std::uint64_t articles);
  // Adds `articles` to the key `key`, numbering it by its text.
  void add(std::string_view key, std::uint64_t articles);
  // The `per_field` values of `field` with the most articles, ties by value.
  std::vector<FacetCount> top(FacetField field, std::size_t per_field) const;

 private:
  // Strings looked up by their views: a value already numbered costs no string.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  using Numbers = std::unordered_map<std::string, std::uint32_t, ViewHash, std::equal_to<>>;
  // A field's values, numbered from 0 as first met (by their letters in lower case, each
  // shown by its first spelling in byte order), and their articles in this tally.
  struct Field {
    Numbers numbers;
    std::vector<std::string> values;
    std::vector<std::uint64_t> articles;
    std::vector<std::uint32_t> counted;  // the numbers counted in this tally
    std::uint32_t number_of(std::string_view value);
  };
  // A key's fields, as value numbers; its authors are `listed_[first_author, end_author)`,
  // one a name, and its topics `listed_[end_author, end_topic)`.
  struct Decoded {
    bool known = false;
    std::uint32_t source = kNone, year = kNone, lang = kNone;
    std::uint32_t first_author = 0, end_author = 0, end_topic = 0;
  };
  static constexpr std::uint32_t kNone = UINT32_MAX;  // an empty field: not counted

  Field& field(FacetField which) { return fields_[static_cast<std::size_t>(which)]; }
  const Field& field(FacetField which) const { return fields_[static_cast<std::size_t>(which)]; }
  void decode(Decoded& decoded, std::string_view key);
  void count(Field& field, std::uint32_t number, std::uint64_t articles);

  Field fields_[5];
  std::vector<Decoded> keys_;            // by key number
  std::vector<std::uint32_t> listed_;    // the keys' author and topic numbers
  Numbers numbered_keys_;                // for add(key, articles)
};

}  // namespace cs::searcher
