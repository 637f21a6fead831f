#include "common/schema.hpp"

#include <xxhash.h>

#include <chrono>
#include <cstdio>
#include <functional>

namespace cs::schema {

namespace {
// Xapian's documented maximum term length for the glass backend.
constexpr std::size_t kMaxTermBytes = 245;
}  // namespace

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  char hash[20];
  std::snprintf(hash, sizeof hash, "#%016zx", std::hash<std::string_view>{}(value));
  term.resize(kMaxTermBytes - 17);
  // Do not leave half a UTF-8 sequence before the hash.
  while (!term.empty() && (static_cast<unsigned char>(term.back()) & 0xC0) == 0x80) term.pop_back();
  if (!term.empty() && static_cast<unsigned char>(term.back()) >= 0xC0) term.pop_back();
  term.append(hash);
  return term;
}

std::string story_key(std::string_view first_article_id, std::string_view signature) {
  std::uint64_t hash = XXH3_64bits(first_article_id.data(), first_article_id.size());
  if (!signature.empty()) hash = XXH3_64bits_withSeed(signature.data(), signature.size(), hash);
  std::string key(8, '\0');
  for (int byte = 7; byte >= 0; --byte, hash >>= 8) key[static_cast<std::size_t>(byte)] = static_cast<char>(hash & 0xFF);
  return key;
}

std::string story_term(std::string_view story_key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string term(kStoryPrefix);
  for (const char c : story_key) {
    term.push_back(kHex[static_cast<unsigned char>(c) >> 4]);
    term.push_back(kHex[static_cast<unsigned char>(c) & 0xF]);
  }
  return term;
}

std::string join_list(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) {
    if (item.empty()) continue;
    if (!joined.empty()) joined.push_back(kListSeparator);
    joined.append(item);
  }
  return joined;
}

std::vector<std::string> split_list(std::string_view joined) {
  std::vector<std::string> items;
  for_each_listed(joined, [&](std::string_view item) { items.emplace_back(item); });
  return items;
}

namespace {
constexpr char kFieldSeparator = '\x1E';

void append_field(std::string& out, std::string_view field) {
  for (const char c : field) out.push_back(c == kFieldSeparator || c == kListSeparator ? ' ' : c);
}
}  // namespace

std::string encode_facet_key(const FacetKey& key) {
  std::string out;
  append_field(out, std::string_view(key.date).substr(0, 10));
  out.push_back(kFieldSeparator);
  for (const std::string* field : {&key.source, &key.author, &key.lang}) {
    append_field(out, *field);
    out.push_back(kFieldSeparator);
  }
  for (std::size_t i = 0; i < key.topics.size(); ++i) {
    if (i > 0) out.push_back(kListSeparator);
    append_field(out, key.topics[i]);
  }
  return out;
}

FacetKeyView view_facet_key(std::string_view encoded) {
  FacetKeyView key;
  for (std::string_view* field : {&key.date, &key.source, &key.author, &key.lang}) {
    const std::size_t end = encoded.find(kFieldSeparator);
    *field = encoded.substr(0, end);
    encoded.remove_prefix(end == std::string_view::npos ? encoded.size() : end + 1);
  }
  key.topics = encoded;
  return key;
}

FacetKey decode_facet_key(std::string_view encoded) {
  const FacetKeyView view = view_facet_key(encoded);
  return FacetKey{std::string(view.date), std::string(view.source), std::string(view.author), std::string(view.lang),
                  split_list(view.topics)};
}

std::optional<std::int64_t> day_number(std::string_view date) {
  if (date.size() < 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t ends[3] = {4, 7, 10};
  for (std::size_t f = 0; f < 3; ++f) {
    for (std::size_t i = starts[f]; i < ends[f]; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      fields[f] = fields[f] * 10 + (date[i] - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{fields[0]}, std::chrono::month{static_cast<unsigned>(fields[1])},
                                        std::chrono::day{static_cast<unsigned>(fields[2])}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

std::optional<std::int64_t> epoch_seconds(std::string_view date) {
  // "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS+HH:MM".
  const bool utc = date.size() == 20 && date[19] == 'Z';
  const bool offset = date.size() == 25 && (date[19] == '+' || date[19] == '-') && date[22] == ':';
  if ((!utc && !offset) || date[10] != 'T' || date[13] != ':' || date[16] != ':') return std::nullopt;
  const auto number = [date](std::size_t at) -> std::optional<int> {
    if (date[at] < '0' || date[at] > '9' || date[at + 1] < '0' || date[at + 1] > '9') return std::nullopt;
    return (date[at] - '0') * 10 + (date[at + 1] - '0');
  };
  const auto day = day_number(date);
  const auto hours = number(11), minutes = number(14), seconds = number(17);
  if (!day || !hours || !minutes || !seconds) return std::nullopt;
  std::int64_t at = *day * 86400 + *hours * 3600 + *minutes * 60 + *seconds;
  if (offset) {
    const auto east_hours = number(20), east_minutes = number(23);
    if (!east_hours || !east_minutes) return std::nullopt;
    at -= (date[19] == '-' ? -1 : 1) * (*east_hours * 3600 + *east_minutes * 60);
  }
  return at;
}

std::string offset_suffix(int minutes_east) {
  if (minutes_east == 0) return "Z";
  const int east = minutes_east < 0 ? -minutes_east : minutes_east;
  char out[16];
  std::snprintf(out, sizeof out, "%c%02d:%02d", minutes_east < 0 ? '-' : '+', east / 60, east % 60);
  return out;
}

std::string utc_instant(std::string_view date) {
  const std::optional<std::int64_t> at = date.size() == 25 ? epoch_seconds(date) : std::nullopt;
  if (!at) return std::string(date);  // a day alone, already in UTC, or no date of ours
  const std::int64_t days = *at >= 0 ? *at / 86400 : (*at - 86399) / 86400;
  const std::int64_t of_day = *at - days * 86400;
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(of_day / 3600),
                static_cast<int>(of_day / 60 % 60), static_cast<int>(of_day % 60));
  return out;
}

}  // namespace cs::schema
