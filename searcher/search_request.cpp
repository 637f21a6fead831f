#include "searcher/search_request.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

namespace cs::searcher {

namespace {

// A whole decimal number from `lowest` to `highest`, or nullopt.
std::optional<float> bounded_number(std::string_view text, float lowest, float highest) {
  float value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!(value >= lowest && value <= highest)) return std::nullopt;
  return value;
}

}  // namespace

Result<ScoringWeights> parse_weights(const std::vector<std::string>& assignments, ScoringWeights weights) {
  for (const std::string& assignment : assignments) {
    const std::size_t equals = assignment.find('=');
    const Signal* signal = find_signal(std::string_view(assignment).substr(0, equals));
    const auto value = equals == std::string::npos
                           ? std::nullopt
                           : bounded_number(std::string_view(assignment).substr(equals + 1), 0, 10);
    if (signal == nullptr || !value) {
      return Error{ErrorKind::kUsage, "", "", "--weight '" + assignment + "' is not NAME=VALUE",
                   "NAME is " + signal_names() + "; VALUE from 0 to 10"};
    }
    weights.*(signal->weight) = *value;
  }
  return weights;
}

Result<std::size_t> parse_limit(std::string_view text) {
  if (text.size() == 3 && (text[0] | 0x20) == 'a' && (text[1] | 0x20) == 'l' && (text[2] | 0x20) == 'l') return kAllMatches;
  std::size_t limit = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), limit);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return Error{ErrorKind::kUsage, "", "", "--limit takes a number or all, not '" + std::string(text) + "'",
                 "give -n 20, -n 0 for the counts alone, or -n all for every match"};
  }
  return limit;
}

Result<Bm25Parameters> parse_bm25(std::string_view text) {
  const std::size_t comma = text.find(',');
  const auto k1 = comma == std::string_view::npos ? std::nullopt : bounded_number(text.substr(0, comma), 0, 10);
  const auto b = comma == std::string_view::npos ? std::nullopt : bounded_number(text.substr(comma + 1), 0, 1);
  if (!k1 || !b) {
    return Error{ErrorKind::kUsage, "", "", "--bm25 '" + std::string(text) + "' is not K1,B",
                 "K1 from 0 to 10 and B from 0 to 1, e.g. --bm25 0.9,0.4"};
  }
  return Bm25Parameters{static_cast<double>(*k1), static_cast<double>(*b)};
}

Result<float> parse_half_life(std::string_view text) {
  const Error bad{ErrorKind::kUsage, "", "", "--recency takes a half-life such as 90, 90d, 12w, 6m or 2y",
                  "days unless a unit follows"};
  if (text.empty() || text.size() > 8) return bad;
  float unit = 1;
  switch (text.back()) {
    case 'd': unit = 1; break;
    case 'w': unit = 7; break;
    case 'm': unit = 30; break;
    case 'y': unit = 365; break;
    default: unit = 0;
  }
  if (unit > 0) text.remove_suffix(1);
  if (unit == 0) unit = 1;
  if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) return bad;
  const float days = static_cast<float>(std::stoi(std::string(text))) * unit;
  if (days <= 0 || days > 36500) return bad;
  return days;
}

}  // namespace cs::searcher
