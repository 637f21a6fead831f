#include "searcher/query/spelling_variants.hpp"

#include <xapian.h>

#include <string_view>
#include <unordered_map>
#include <utility>

namespace cs::searcher {

namespace {

// Words news writes both ways, British first; a pair is left out when either spelling, or
// its stem, is also another common word's: "tyre" and "tire", "cheque" and "check", and
// most of -ise and -ize, whose American stems are other words' ("authorize" -> "author",
// "legalize" -> "legal", "organization" -> "organ").
constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
    {"defence", "defense"},         {"offence", "offense"},           {"licence", "license"},
    {"labour", "labor"},            {"favour", "favor"},              {"favourite", "favorite"},
    {"honour", "honor"},            {"neighbour", "neighbor"},        {"neighbourhood", "neighborhood"},
    {"colour", "color"},            {"behaviour", "behavior"},        {"harbour", "harbor"},
    {"rumour", "rumor"},            {"humour", "humor"},              {"vapour", "vapor"},
    {"endeavour", "endeavor"},      {"centre", "center"},             {"theatre", "theater"},
    {"metre", "meter"},             {"litre", "liter"},               {"fibre", "fiber"},
    {"calibre", "caliber"},         {"recognise", "recognize"},       {"realise", "realize"},
    {"analyse", "analyze"},         {"paralyse", "paralyze"},         {"catalogue", "catalog"},
    {"programme", "program"},       {"travelled", "traveled"},        {"travelling", "traveling"},
    {"cancelled", "canceled"},      {"cancelling", "canceling"},      {"modelling", "modeling"},
    {"counsellor", "counselor"},    {"jewellery", "jewelry"},         {"grey", "gray"},
    {"aluminium", "aluminum"},      {"sceptical", "skeptical"},       {"sceptic", "skeptic"},
    {"manoeuvre", "maneuver"},      {"paediatric", "pediatric"},      {"anaemia", "anemia"},
    {"oestrogen", "estrogen"},      {"foetus", "fetus"},              {"diarrhoea", "diarrhea"},
    {"haemorrhage", "hemorrhage"},  {"leukaemia", "leukemia"},        {"orthopaedic", "orthopedic"},
    {"pyjamas", "pajamas"},         {"mould", "mold"},                {"smoulder", "smolder"},
    {"fulfil", "fulfill"},          {"instalment", "installment"},    {"judgement", "judgment"},
    {"ageing", "aging"},            {"artefact", "artifact"},         {"sulphur", "sulfur"},
    {"moustache", "mustache"},      {"plough", "plow"},               {"cosy", "cozy"},
};

std::unordered_map<std::string, std::string> make_table() {
  const Xapian::Stem english("english");
  std::unordered_map<std::string, std::string> table;
  for (const auto& [british, american] : kPairs) {
    std::string one = english(std::string(british)), other = english(std::string(american));
    if (one == other) continue;  // the stemmer makes them one already
    table.emplace(one, other);
    table.emplace(std::move(other), std::move(one));
  }
  return table;
}

}  // namespace

const std::string& other_english_spelling(const std::string& stem) {
  static const std::unordered_map<std::string, std::string> table = make_table();
  static const std::string none;
  const auto found = table.find(stem);
  return found == table.end() ? none : found->second;
}

}  // namespace cs::searcher
