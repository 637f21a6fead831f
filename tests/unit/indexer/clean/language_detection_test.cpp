#include "indexer/clean/language_detection.hpp"

#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

TEST(LanguageDetection, NamesTheLanguageOfNewsText) {
  EXPECT_EQ(detect_language("The United States and China agreed on Thursday to resume trade talks next month."), "en");
  EXPECT_EQ(detect_language("Les négociations commerciales entre la Chine et les États-Unis ont repris cette semaine."),
            "fr");
  EXPECT_EQ(detect_language("Die Verhandlungen zwischen China und den Vereinigten Staaten wurden in Wien fortgesetzt."),
            "de");
  EXPECT_EQ(detect_language("中华人民共和国主席习近平同美国总统拜登通电话。"), "zh");
  EXPECT_EQ(detect_language("台灣總統府表示，雙方通話內容涉及區域安全與經濟合作。"), "zh-Hant");
}

TEST(LanguageDetection, SaysNothingWhenUnsure) {
  EXPECT_EQ(detect_language(""), "");
  EXPECT_EQ(detect_language("Taiwan"), "");
  EXPECT_EQ(detect_language("2021-02-11 12:00"), "");
}

TEST(LanguageDetection, LongTextIsSampledAtACharacterBoundary) {
  std::string text;
  while (text.size() < 40000) text += "美国国务院发言人对此表示欢迎，并重申一个中国政策没有改变。";
  EXPECT_EQ(detect_language(text), "zh");
}

}  // namespace
}  // namespace cs::indexer
