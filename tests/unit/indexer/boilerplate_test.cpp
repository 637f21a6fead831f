#include "indexer/boilerplate.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(Boilerplate, DropsSiteChromeFromTheSeeds) {
  for (const char* line : {"Back to Top", "You might also like", "More on:", "Read Entire Article",
                           "Language : English 简体 繁體", "Already a subscriber? Log in.",
                           "Want all of The Times? Subscribe.", "2 hours ago 3", "Chattythat Icon",
                           "Images of Xi Jinping at the Games.Credit...Jade Gao/Agence France-Presse — Getty Images"}) {
    EXPECT_EQ(classify_line(line), LineKind::kChrome) << line;
  }
}

TEST(Boilerplate, PaywallNoticesMarkAPreview) {
  EXPECT_EQ(classify_line("You have a preview view of this article while we are checking your access."),
            LineKind::kPreviewNotice);
  EXPECT_EQ(classify_line("Thank you for your patience while we verify access."), LineKind::kPreviewNotice);
}

TEST(Boilerplate, DropsShortPublisherDisclaimers) {
  EXPECT_EQ(classify_line("Blog posts represent the views of CFR fellows and staff and not those of CFR, which takes "
                          "no institutional positions."),
            LineKind::kChrome);
  std::string paragraph = "The think tank, which says it takes no institutional positions, published";
  for (int i = 0; i < 40; ++i) paragraph += " more";
  EXPECT_EQ(classify_line(paragraph + "."), LineKind::kText) << "a long paragraph may quote a disclaimer";
}

TEST(Boilerplate, KeepsArticleText) {
  for (const char* line : {"Phone Call Diplomacy", "More on the call later, officials said.",
                           "The two leaders spoke for 2 hours about trade.", "Top officials met in Beijing.",
                           "Xi and Trump Speak Via Phone"}) {
    EXPECT_EQ(classify_line(line), LineKind::kText) << line;
  }
}

}  // namespace
}  // namespace cs::indexer
