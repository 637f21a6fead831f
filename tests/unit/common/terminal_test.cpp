#include "common/terminal.hpp"

#include <gtest/gtest.h>

#include <random>

namespace cs::terminal {
namespace {

TEST(Terminal, RemovesEscapeSequencesWhole) {
  EXPECT_EQ(sanitize("red \x1B[31mtext\x1B[0m here"), "red text here");
  EXPECT_EQ(sanitize("title \x1B]0;owned\x07 end"), "title  end");
}

TEST(Terminal, RemovesControlCharactersButKeepsNewlinesAndTabs) {
  EXPECT_EQ(sanitize(std::string("a\x01\x08\x7F" "b\nc\td\r", 11)), "ab\nc\td");
  EXPECT_EQ(sanitize("a\nb", false), "ab");
}

TEST(Terminal, RemovesC1ControlsAndBidiOverrides) {
  EXPECT_EQ(sanitize("a\xC2\x9B" "b"), "ab");                       // U+009B, C1 CSI
  EXPECT_EQ(sanitize("file\xE2\x80\xAEtxt.exe"), "filetxt.exe");      // U+202E
  EXPECT_EQ(sanitize("x\xE2\x81\xA6y\xE2\x81\xA9"), "xy");             // U+2066, U+2069
}

TEST(Terminal, ReplacesInvalidUtf8) {
  EXPECT_EQ(sanitize("caf\xE9!"), "caf\xEF\xBF\xBD!");
}

TEST(Terminal, KeepsOrdinaryUnicode) {
  const std::string text = "Xi’s call — 简体 繁體 “quoted”";
  EXPECT_EQ(sanitize(text), text);
}

TEST(Terminal, SanitizeLineFoldsWhitespace) {
  EXPECT_EQ(sanitize_line("  one\n\ntwo\tthree  "), "one two three");
}

TEST(Terminal, SanitizeIsIdempotentOnRandomBytes) {
  std::mt19937 random(42);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 2000; ++round) {
    std::string text(static_cast<std::size_t>(round % 64), '\0');
    for (char& c : text) c = static_cast<char>(byte(random));
    const std::string once = sanitize(text);
    ASSERT_EQ(sanitize(once), once);
    ASSERT_EQ(once.find('\x1B'), std::string::npos);
    const std::string line = sanitize_line(text);
    ASSERT_EQ(sanitize_line(line), line);
    ASSERT_EQ(line.find('\n'), std::string::npos);
  }
}

}  // namespace
}  // namespace cs::terminal
