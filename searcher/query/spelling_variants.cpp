#include "searcher/query/spelling_variants.hpp"

namespace cs::searcher {

namespace {

// Words news writes both ways, British first; a pair is left out when either spelling, or
// its stem, is also another common word's: "tyre" and "tire", "cheque" and "check", and
// most of -ise and -ize, whose American stems are other words' ("authorize" -> "author",
// "legalize" -> "legal", "organization" -> "organ"). Pairs the stemmer already joins
// ("travelled" and "traveled", "ageing" and "aging", "fulfil" and "fulfill") need no entry.
constexpr SpellingPair kPairs[] = {
    {"defence", "defense", "defenc", "defens"},
    {"offence", "offense", "offenc", "offens"},
    {"licence", "license", "licenc", "licens"},
    {"labour", "labor", "labour", "labor"},
    {"favour", "favor", "favour", "favor"},
    {"favourite", "favorite", "favourit", "favorit"},
    {"honour", "honor", "honour", "honor"},
    {"neighbour", "neighbor", "neighbour", "neighbor"},
    {"neighbourhood", "neighborhood", "neighbourhood", "neighborhood"},
    {"colour", "color", "colour", "color"},
    {"behaviour", "behavior", "behaviour", "behavior"},
    {"harbour", "harbor", "harbour", "harbor"},
    {"rumour", "rumor", "rumour", "rumor"},
    {"humour", "humor", "humour", "humor"},
    {"vapour", "vapor", "vapour", "vapor"},
    {"endeavour", "endeavor", "endeavour", "endeavor"},
    {"centre", "center", "centr", "center"},
    {"theatre", "theater", "theatr", "theater"},
    {"metre", "meter", "metr", "meter"},
    {"litre", "liter", "litr", "liter"},
    {"fibre", "fiber", "fibr", "fiber"},
    {"calibre", "caliber", "calibr", "calib"},
    {"recognise", "recognize", "recognis", "recogn"},
    {"realise", "realize", "realis", "realiz"},
    {"analyse", "analyze", "analys", "analyz"},
    {"paralyse", "paralyze", "paralys", "paralyz"},
    {"catalogue", "catalog", "catalogu", "catalog"},
    {"programme", "program", "programm", "program"},
    {"counsellor", "counselor", "counsellor", "counselor"},
    {"jewellery", "jewelry", "jewelleri", "jewelri"},
    {"grey", "gray", "grey", "gray"},
    {"aluminium", "aluminum", "aluminium", "aluminum"},
    {"sceptic", "skeptic", "sceptic", "skeptic"},
    {"manoeuvre", "maneuver", "manoeuvr", "maneuv"},
    {"paediatric", "pediatric", "paediatr", "pediatr"},
    {"anaemia", "anemia", "anaemia", "anemia"},
    {"oestrogen", "estrogen", "oestrogen", "estrogen"},
    {"foetus", "fetus", "foetus", "fetus"},
    {"diarrhoea", "diarrhea", "diarrhoea", "diarrhea"},
    {"haemorrhage", "hemorrhage", "haemorrhag", "hemorrhag"},
    {"leukaemia", "leukemia", "leukaemia", "leukemia"},
    {"orthopaedic", "orthopedic", "orthopaed", "orthoped"},
    {"pyjamas", "pajamas", "pyjama", "pajama"},
    {"mould", "mold", "mould", "mold"},
    {"smoulder", "smolder", "smoulder", "smolder"},
    {"judgement", "judgment", "judgement", "judgment"},
    {"artefact", "artifact", "artefact", "artifact"},
    {"sulphur", "sulfur", "sulphur", "sulfur"},
    {"moustache", "mustache", "moustach", "mustach"},
    {"plough", "plow", "plough", "plow"},
    {"cosy", "cozy", "cosi", "cozi"},
};

}  // namespace

std::span<const SpellingPair> english_spelling_pairs() { return kPairs; }

std::string_view other_english_spelling(std::string_view stem) {
  for (const SpellingPair& pair : kPairs) {
    if (pair.british_stem == stem) return pair.american_stem;
    if (pair.american_stem == stem) return pair.british_stem;
  }
  return {};
}

}  // namespace cs::searcher
