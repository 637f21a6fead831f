// The web page of a real `cs-search --serve`, used in a real headless Chromium as a reader
// would (issue #22): type a query, follow a facet and a bar of the timeline, open an article;
// and documents whose fields hold HTML show it as text, with no element and no script run.
// Each step waits for the browser's load event (ChromiumDriver), never for a fixed time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "browser/chromium_driver.hpp"
#include "serve/served.hpp"
#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

const fs::path kArtifacts = CS_BROWSER_ARTIFACTS_DIR;

// The names of the parameters in `url`'s query string, in order.
std::vector<std::string> query_parameter_names(const std::string& url) {
  std::vector<std::string> names;
  const std::size_t query = url.find('?');
  if (query == std::string::npos) return names;
  const std::string params = url.substr(query + 1, url.find('#') - query - 1);
  for (std::size_t at = 0; at <= params.size();) {
    const std::size_t end = std::min(params.find('&', at), params.size());
    const std::string param = params.substr(at, end - at);
    if (!param.empty()) names.push_back(param.substr(0, param.find('=')));
    at = end + 1;
  }
  return names;
}

// `url` without its scheme, host and port.
std::string path_of(const std::string& url) {
  const std::size_t host = url.find("://");
  const std::size_t path = url.find('/', host == std::string::npos ? 0 : host + 3);
  return path == std::string::npos ? "/" : url.substr(path);
}

// A browser on a served database, with the DOM questions the tests ask.
class PageInBrowser {
 public:
  explicit PageInBrowser(const Served& served) : origin_("http://127.0.0.1:" + std::to_string(served.port())) {}
  ChromiumDriver& browser() { return browser_; }
  void open(const std::string& target) { browser_.navigate(origin_ + target); }
  int count(const std::string& selector) {
    return browser_.evaluate("document.querySelectorAll(" + nlohmann::json(selector).dump() + ").length").get<int>();
  }
  // The text of every element matching `selector`, whitespace at the ends trimmed.
  std::vector<std::string> texts(const std::string& selector) {
    return browser_.evaluate("Array.from(document.querySelectorAll(" + nlohmann::json(selector).dump() +
                             "), element => element.textContent.trim())")
        .get<std::vector<std::string>>();
  }
  // The first one's, or "(no SELECTOR)": no expectation matches it, and its failure says why.
  std::string text(const std::string& selector) {
    const std::vector<std::string> all = texts(selector);
    return all.empty() ? "(no " + selector + ")" : all.front();
  }
  // When a test failed, the page it failed on, to look at next to the log.
  void keep_screenshot_if_failed() {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    if (!::testing::Test::HasFailure()) return;
    try {
      browser_.screenshot(kArtifacts / (std::string(test->test_suite_name()) + "." + test->name() + "-failed.png"));
    } catch (const std::exception& e) {
      ADD_FAILURE() << "no screenshot of the failure: " << e.what();
    }
  }

 private:
  std::string origin_;
  ChromiumDriver browser_;
};

// A suite's corpus indexed and served once, and a fresh browser on it for each test (so a
// test's dialogs and history are its own). A failed test leaves a screenshot of its page.
template <typename Corpus>
class BrowsedOnce : public ServedOnce<Corpus> {
 protected:
  void SetUp() override { page_ = std::make_unique<PageInBrowser>(ServedOnce<Corpus>::served()); }
  void TearDown() override {
    if (page_) page_->keep_screenshot_if_failed();
  }
  std::unique_ptr<PageInBrowser> page_;
};

// The bundled corpus: "China" matches its 4 articles, from 4 sources and 2 years.
using WebPage = BrowsedOnce<BundledCorpus>;

// Issue #22: query, facet, histogram bar, article, each followed in the browser.
TEST_F(WebPage, ASearchIsTypedThenNarrowedByAFacetAndABarAndAnArticleOpens) {
  PageInBrowser& page = *page_;
  ChromiumDriver& browser = page.browser();
  page.open("/");
  ASSERT_EQ(page.count("form#search[method=get i][action='/'] input#q[name=q]"), 1);
  browser.type("#q", "China");
  browser.click("form#search button");

  const std::string results = browser.current_url();
  EXPECT_THAT(path_of(results), StartsWith("/?"));
  EXPECT_THAT(query_parameter_names(results), Contains("q"));
  const int hits = page.count("ol#results > li.hit");
  ASSERT_GT(hits, 0) << page.text("body");
  EXPECT_GT(page.count("ol#results > li.hit .passage mark"), 0);
  EXPECT_THAT(page.text("p#count"), HasSubstr(std::to_string(hits)));
  EXPECT_EQ(page.count("ol#results > li.hit a.title[href^='/article/']"), hits);
  fs::create_directories(kArtifacts);
  browser.screenshot(kArtifacts / "search-page.png");
  EXPECT_EQ(read_file(kArtifacts / "search-page.png").substr(0, 8), "\x89PNG\r\n\x1a\n");

  // A facet adds its filter to the query and keeps only the articles it names.
  browser.click("nav#facets a.facet");
  const std::vector<std::string> faceted = query_parameter_names(browser.current_url());
  EXPECT_THAT(faceted, Contains("q"));
  EXPECT_THAT(faceted, Contains(AnyOf("source", "author", "topic", "lang", "since", "until")))
      << browser.current_url();
  EXPECT_GT(faceted.size(), query_parameter_names(results).size()) << browser.current_url();
  const int faceted_hits = page.count("ol#results > li.hit");
  EXPECT_GT(faceted_hits, 0) << page.text("body");
  EXPECT_LT(faceted_hits, hits) << "the first facet (" << browser.current_url() << ") did not narrow the results";

  // A bar of the timeline is a date range.
  browser.navigate(results);
  browser.click("svg#timeline a.bar");
  const std::vector<std::string> dated = query_parameter_names(browser.current_url());
  EXPECT_THAT(dated, Contains("since")) << browser.current_url();
  EXPECT_THAT(dated, Contains("until")) << browser.current_url();
  EXPECT_GT(page.count("ol#results > li.hit"), 0) << page.text("body");

  // A hit's title opens the article whole.
  browser.navigate(results);
  const std::string title = page.text("ol#results > li.hit a.title");
  browser.click("ol#results > li.hit a.title");
  EXPECT_THAT(path_of(browser.current_url()), StartsWith("/article/"));
  EXPECT_EQ(page.text("article#article h1"), title);
  EXPECT_GT(page.count("article#article section.passage"), 0) << page.text("body");
  EXPECT_EQ(page.count("article#article section.passage#p-0"), 1);
  EXPECT_THAT(page.text("article#article .meta"), Not(IsEmpty()));
  EXPECT_THAT(browser.dialogs_opened(), IsEmpty());
}

// Two articles whose titles are markup that would run script if the page pasted them in.
struct HostileTitlesCorpus {
  static constexpr const char* kScriptTitle = "<script>alert(1)</script>";
  static constexpr const char* kAttributeTitle = "\"><img src=x onerror=alert(2)>";
  static fs::path make(const fs::path& scratch) {
    const fs::path corpus = scratch / "corpus";
    write_file(corpus / "script.md", std::string("---\ntitle: ") + kScriptTitle +
                                         "\ndate: 2024-03-01\nsource: Example Wire\n---\n\n"
                                         "The lighthouse keeper wrote down every ship that passed the cape.\n");
    // Single-quoted in YAML, as a value that starts with '"' must be.
    write_file(corpus / "attribute.md", std::string("---\ntitle: '") + kAttributeTitle +
                                            "'\ndate: 2024-04-01\nsource: Example Wire\n---\n\n"
                                            "A storm kept the lighthouse dark for a night.\n");
    return corpus;
  }
};

class HostileTitles : public BrowsedOnce<HostileTitlesCorpus> {
 protected:
  // No element came out of a document: none of the markup's elements, no script of it (the
  // page's own script is a src= one, outside the results and the article).
  void expect_markup_stayed_text(const std::string& where) {
    EXPECT_EQ(page_->count("img"), 0) << where;
    EXPECT_EQ(page_->count("#results script, #article script"), 0) << where;
    const std::string inline_alerts = "Array.from(document.scripts).filter(s => s.text.includes('alert(')).length";
    EXPECT_EQ(page_->browser().evaluate(inline_alerts), 0) << where;
  }
};

// Issue #22: every document field is HTML-escaped.
TEST_F(HostileTitles, ShowAsTextInResultsAndArticles) {
  PageInBrowser& page = *page_;
  ChromiumDriver& browser = page.browser();
  page.open("/?q=lighthouse");
  const std::vector<std::string> titles = page.texts("ol#results > li.hit a.title");
  EXPECT_THAT(titles, UnorderedElementsAre(HostileTitlesCorpus::kScriptTitle, HostileTitlesCorpus::kAttributeTitle))
      << page.text("body");
  expect_markup_stayed_text("the results");
  const std::string results = browser.current_url();
  for (int hit = 1; hit <= 2; ++hit) {
    browser.navigate(results);
    const std::string selector = "ol#results > li.hit:nth-child(" + std::to_string(hit) + ") a.title";
    const std::string title = page.text(selector);
    browser.click(selector);
    EXPECT_EQ(page.text("article#article h1"), title);
    expect_markup_stayed_text("the article " + browser.current_url());
  }
  EXPECT_THAT(browser.dialogs_opened(), IsEmpty());
}

}  // namespace
}  // namespace cs::test
