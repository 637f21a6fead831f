// The standfirst under a headline, found by the page's description (html_standfirst.hpp):
// a new user's trial searched the Guardian's, Le Monde's and El País's and found nothing.
#include "indexer/readers/html_standfirst.hpp"

#include <gtest/gtest.h>

#include <string>

#include "indexer/readers/html_text.hpp"

namespace cs::indexer {
namespace {

constexpr const char* kReformStory =
    "<article><p>Officials said on Tuesday that the plan would be reviewed by the committee before the end of the "
    "month, and that the first results were expected in the spring after a long consultation.</p><p>The committee "
    "meets again on Friday, when ministers are expected to present a revised timetable for the reform.</p></article>";

HtmlPage standfirst_page(const std::string& description, const std::string& header) {
  return read_html_page("<html><head><meta property='og:description' content=\"" + description +
                        "\"></head><body><header><h1>Ministers delay the pension reform</h1>" + header + "</header>" +
                        kReformStory + "</body></html>");
}

TEST(HtmlStandfirst, TheElementShowingTheDescriptionUnderTheHeadlineIsTheStandfirst) {
  // Straight quotes in the meta tag, typographic ones on the page (the Guardian's).
  const HtmlPage page = standfirst_page("Beijing calls the drills a 'stern warning' to separatist forces on the island",
                                  "<div data-gu-name='standfirst'><p>Beijing calls the drills a \xE2\x80\x98stern "
                                  "warning\xE2\x80\x99 to separatist forces on the island</p></div>");
  EXPECT_EQ(page.standfirst, "Beijing calls the drills a \xE2\x80\x98stern warning\xE2\x80\x99 to separatist forces on the island");
  for (const TextBlock& block : page.blocks) EXPECT_EQ(block.text.find("separatist"), std::string::npos) << "not the body";
}

TEST(HtmlStandfirst, ADescriptionThePageDoesNotShowIsNone) {
  EXPECT_EQ(standfirst_page("The latest news, analysis and opinion from our correspondents around the world", "").standfirst, "");
  EXPECT_EQ(standfirst_page("The latest news, analysis and opinion from our correspondents around the world",
                      "<p>Ministers say the delay will last a year at most, unions call it a defeat</p>")
                .standfirst,
            "");
}

TEST(HtmlStandfirst, AStandfirstTheTextHoldsIsNotRepeated) {
  const HtmlPage page = standfirst_page("Officials said on Tuesday that the plan would be reviewed by the committee",
                                  "<p>Officials said on Tuesday that the plan would be reviewed by the committee</p>");
  EXPECT_EQ(page.standfirst, "") << "the first paragraph holds it";
}

}  // namespace
}  // namespace cs::indexer
