#include "searcher/retrieve/facet_tally.hpp"

#include <algorithm>

#include "common/ascii.hpp"
#include "common/schema.hpp"
#include "searcher/retrieve/facets.hpp"

namespace cs::searcher {

std::uint32_t FacetTally::Field::number_of(std::string_view value) {
  if (value.empty()) return kNone;  // as Xapian's spy, an empty value is not counted
  // Values that differ in case only are one, shown by the first in byte order (capitals
  // first), whatever order the articles come in: "The Guardian" and "the Guardian" were two
  // sources of two articles each (a query trial). A key is decoded once.
  const std::string folded = ascii_lower(value);
  if (const auto found = numbers.find(folded); found != numbers.end()) {
    if (value < values[found->second]) values[found->second] = std::string(value);
    return found->second;
  }
  const auto number = static_cast<std::uint32_t>(values.size());
  numbers.emplace(folded, number);
  values.emplace_back(value);
  articles.push_back(0);
  return number;
}

void FacetTally::clear() {
  for (Field& f : fields_) {
    for (const std::uint32_t number : f.counted) f.articles[number] = 0;
    f.counted.clear();
  }
}

void FacetTally::decode(Decoded& decoded, std::string_view key) {
  const schema::FacetKeyView fields = schema::view_facet_key(key);
  decoded.source = field(FacetField::kSource).number_of(fields.source);
  const std::string year = period_of(fields.date, Period::kYear);
  decoded.year = field(FacetField::kYear).number_of(year.empty() ? kUndated : std::string_view(year));
  decoded.lang = field(FacetField::kLang).number_of(fields.lang);
  // An article's authors are listed as its byline names them, "A, B": each is counted (a
  // new user's trial saw "Leo Lewis, Kana Inagaki, Ian Smith" counted as one author). Only
  // names of two words or more make such a list: "Smith, John" and "Martin Luther King, Jr."
  // are one person each.
  decoded.first_author = static_cast<std::uint32_t>(listed_.size());
  bool listed = true;
  for (std::string_view rest = fields.author; listed && !rest.empty();) {
    const std::size_t comma = rest.find(", ");
    listed = rest.substr(0, comma).find(' ') != std::string_view::npos;
    rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 2);
  }
  for (std::string_view authors = fields.author; !authors.empty();) {
    const std::size_t comma = listed ? authors.find(", ") : std::string_view::npos;
    const std::uint32_t number = field(FacetField::kAuthor).number_of(authors.substr(0, comma));
    if (number != kNone && std::find(listed_.begin() + decoded.first_author, listed_.end(), number) == listed_.end()) {
      listed_.push_back(number);
    }
    authors.remove_prefix(comma == std::string_view::npos ? authors.size() : comma + 2);
  }
  decoded.end_author = static_cast<std::uint32_t>(listed_.size());
  schema::for_each_listed(fields.topics, [&](std::string_view topic) {
    listed_.push_back(field(FacetField::kTopic).number_of(topic));
  });
  decoded.end_topic = static_cast<std::uint32_t>(listed_.size());
  decoded.known = true;
}

void FacetTally::count(Field& f, std::uint32_t number, std::uint64_t articles) {
  if (number == kNone) return;
  if (f.articles[number] == 0) f.counted.push_back(number);
  f.articles[number] += articles;
}

void FacetTally::add(std::uint32_t id, std::string_view key, std::uint64_t articles) {
  if (id >= keys_.size()) keys_.resize(static_cast<std::size_t>(id) + 1);
  if (!keys_[id].known) decode(keys_[id], key);
  const Decoded& decoded = keys_[id];
  count(field(FacetField::kSource), decoded.source, articles);
  count(field(FacetField::kYear), decoded.year, articles);
  count(field(FacetField::kLang), decoded.lang, articles);
  for (std::uint32_t a = decoded.first_author; a < decoded.end_author; ++a) count(field(FacetField::kAuthor), listed_[a], articles);
  for (std::uint32_t t = decoded.end_author; t < decoded.end_topic; ++t) count(field(FacetField::kTopic), listed_[t], articles);
}

void FacetTally::add(std::string_view key, std::uint64_t articles) {
  auto found = numbered_keys_.find(key);
  if (found == numbered_keys_.end()) {
    found = numbered_keys_.emplace(std::string(key), static_cast<std::uint32_t>(numbered_keys_.size())).first;
  }
  add(found->second, key, articles);
}

std::vector<FacetCount> FacetTally::top(FacetField which, std::size_t per_field) const {
  const Field& f = field(which);
  std::vector<std::uint32_t> order = f.counted;
  const auto before = [&](std::uint32_t a, std::uint32_t b) {
    if (f.articles[a] != f.articles[b]) return f.articles[a] > f.articles[b];
    return f.values[a] < f.values[b];
  };
  const std::size_t shown = std::min(per_field, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(), before);
  std::vector<FacetCount> top;
  for (std::size_t i = 0; i < shown; ++i) top.push_back(FacetCount{f.values[order[i]], f.articles[order[i]]});
  return top;
}

}  // namespace cs::searcher
