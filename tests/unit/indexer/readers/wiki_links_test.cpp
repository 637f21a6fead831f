// Notes written in Obsidian, as a second new user's trial kept them: links, embeds, marks.
#include "indexer/readers/wiki_links.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(WikiLinks, LinksAreTheirTextAndEmbedsAreNone) {
  EXPECT_EQ(without_note_syntax("expect [[Antwerp-Bruges]] and [[Hamburg|the Elbe port]] surcharges"),
            "expect Antwerp-Bruges and the Elbe port surcharges");
  EXPECT_EQ(without_note_syntax("See [[Maersk#Advisories]]."), "See Maersk.");
  EXPECT_EQ(without_note_syntax("![[rotterdam-ships-anchorage.png]]"), "");
  EXPECT_EQ(without_note_syntax("![[chart.png]] See also [[FT - Rotterdam strike]]"), " See also FT - Rotterdam strike");
}

TEST(WikiLinks, MarksCalloutsAndTaskBoxesAreNoWords) {
  EXPECT_EQ(without_note_syntax("[!summary] Bottom line"), "Bottom line");
  EXPECT_EQ(without_note_syntax("[!note]- Folded"), "Folded");
  EXPECT_EQ(without_note_syntax("[ ] Ask Niek Stam's office."), "Ask Niek Stam's office.");
  EXPECT_EQ(without_note_syntax("[x] Checked the 2001 strike."), "Checked the 2001 strike.");
  EXPECT_EQ(without_note_syntax("the ==key figure== is 63"), "the key figure is 63");
  EXPECT_EQ(without_note_syntax("if a == b and [[x]] then"), "if a == b and x then") << "a comparison is no mark";
  EXPECT_EQ(without_note_syntax("an unclosed [[link stays"), "an unclosed [[link stays");
}

TEST(WikiLinks, FrontMatterLinksAreRead) {
  nlohmann::json fields = nlohmann::json::parse(
      R"({"source": "[[FT - Rotterdam dockworkers strike]]", "related": ["[[Hamburg diversions]]"], "n": 3})");
  read_note_links(fields);
  EXPECT_EQ(fields["source"], "FT - Rotterdam dockworkers strike");
  EXPECT_EQ(fields["related"][0], "Hamburg diversions");
  EXPECT_EQ(fields["n"], 3);
}

}  // namespace
}  // namespace cs::indexer
