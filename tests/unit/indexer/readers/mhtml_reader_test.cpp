// The MHTML reader's own cases; whole archives as browsers write them are golden fixtures
// (fixtures/readers/mhtml).
#include "indexer/readers/mhtml_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs::indexer {
namespace {

using ::testing::HasSubstr;

std::string archive(const std::string& parts, const std::string& type_parameters = "") {
  return "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"" + type_parameters +
         "\r\n\r\n" + parts + "--b--\r\n";
}

std::string part(const std::string& headers, const std::string& body) { return "--b\r\n" + headers + "\r\n\r\n" + body + "\r\n"; }

TEST(MhtmlReader, TheStartPartIsThePage) {
  const auto page = archived_page(
      archive(part("Content-Type: text/html", "<p>cover</p>") +
                  part("Content-Type: text/html\r\nContent-ID: <main@x>\r\nContent-Location: https://news.example/a",
                       "<p>the page</p>"),
              "; start=\"<main@x>\""));
  ASSERT_TRUE(page) << page.error().reason;
  EXPECT_EQ(page->html, "<p>the page</p>");
  EXPECT_EQ(page->location, "https://news.example/a");
}

TEST(MhtmlReader, QuotedPrintableAndACharsetAreUndone) {
  const auto page = archived_page(archive(part(
      "Content-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable",
      "<p>Caf=E9 cr=E8me, =\r\nsoft line break</p>")));
  ASSERT_TRUE(page) << page.error().reason;
  EXPECT_EQ(page->html, "<p>Caf\xC3\xA9 cr\xC3\xA8me, soft line break</p>");
}

// A review's archives: a UTF-8 page labelled us-ascii kept its letters only as the HTML
// reader keeps them (valid UTF-8 is UTF-8); a file of millions of parts took gigabytes.
TEST(MhtmlReader, ValidUtf8StaysAndTooManyPartsAreRefused) {
  const auto mislabelled = archived_page(archive(part("Content-Type: text/html; charset=us-ascii",
                                                      "<p>Caf\xC3\xA9 cr\xC3\xA8me in Z\xC3\xBCrich</p>")));
  ASSERT_TRUE(mislabelled) << mislabelled.error().reason;
  EXPECT_EQ(mislabelled->html, "<p>Caf\xC3\xA9 cr\xC3\xA8me in Z\xC3\xBCrich</p>");
  std::string parts;
  for (int i = 0; i < 10001; ++i) parts += "--b\r\n\r\n";
  const auto many = archived_page(archive(parts));
  ASSERT_FALSE(many);
  EXPECT_THAT(many.error().reason, HasSubstr("more than 10000 parts"));
}

TEST(MhtmlReader, AnArchiveWithoutAPageOrNoArchiveIsAReason) {
  const auto images = archived_page(archive(part("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", "iVBO")));
  ASSERT_FALSE(images);
  EXPECT_THAT(images.error().reason, HasSubstr("holds no HTML page"));
  EXPECT_FALSE(archived_page("\x89PNG\r\n\x1A\n binary bytes"));
  EXPECT_FALSE(archived_page(""));
}

TEST(MhtmlReader, SniffsMailHeadersOfARelatedMultipart) {
  const MhtmlReader reader;
  EXPECT_TRUE(reader.sniff("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"));
  EXPECT_FALSE(reader.sniff("MIME-Version: 1.0\r\nContent-Type: multipart/alternative;"));
  EXPECT_FALSE(reader.sniff("<!DOCTYPE html><html>"));
}

}  // namespace
}  // namespace cs::indexer
