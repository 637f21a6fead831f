#include "common/manual.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace cs {
namespace {

namespace po = boost::program_options;
using ::testing::HasSubstr;
using ::testing::Not;

const Manual kManual{.program = "cs-demo",
                     .summary = "a program for tests",
                     .synopsis = {"[OPTIONS] WORD...", "[OPTIONS] --batch FILE"},
                     .description = "Does things with words.",
                     .sections = {{"Query syntax",
                                   "A paragraph with a \\backslash, a -dash and\n"
                                   ".a line starting with a dot, and \xE2\x80\xA6 an ellipsis.\n"
                                   "\n"
                                   "- first item\n"
                                   "  continued\n"
                                   "- second item\n"
                                   "\n"
                                   "After the list:\n"
                                   "\n"
                                   "    cs-demo --limit 3 'a | b'\n",
                                   false},
                                  {"Exit status", "- 0: done.\n- 2: an error.", true}},
                     .choices = {{"format", "text json"}},
                     .operands_are_paths = false,
                     .see_also = "cs-other(1)"};

po::options_description demo_options() {
  po::options_description options("Options");
  options.add_options()("limit,n", po::value<int>()->value_name("N")->default_value(10), "hits | per query")(
      "format", po::value<std::string>()->value_name("FORMAT"), "text or json")("batch", po::value<std::string>()->value_name("FILE"),
                                                                              "queries from FILE")("explain", "show scores");
  return options;
}

TEST(Manual, ManPageEscapesRoffAndNamesEveryOptionWithItsDefault) {
  const std::string page = render_man_page(kManual, demo_options(), "1.2.3", "2026-11-30");
  EXPECT_THAT(page, HasSubstr(".TH CS-DEMO 1 \"2026-11-30\" \"cs-demo 1.2.3\" \"User Commands\"\n"));
  EXPECT_THAT(page, HasSubstr(".SH NAME\ncs\\-demo \\- a program for tests\n"));
  EXPECT_THAT(page, HasSubstr(".B cs\\-demo\n[OPTIONS] WORD...\n.br\n.B cs\\-demo\n[OPTIONS] \\-\\-batch FILE\n"));
  EXPECT_THAT(page, HasSubstr("\\fB\\-n\\fR, \\fB\\-\\-limit\\fR \\fIN\\fR\nhits | per query (default: 10)\n"));
  EXPECT_THAT(page, HasSubstr(".TP\n\\fB\\-\\-explain\\fR\nshow scores\n"));
  EXPECT_THAT(page, HasSubstr("a \\ebackslash, a \\-dash and\n"));
  EXPECT_THAT(page, HasSubstr("\n\\&.a line starting with a dot, and \\[u2026] an ellipsis.\n"));
  EXPECT_THAT(page, HasSubstr(".PD 0\n.IP \\(bu 2\nfirst item\ncontinued\n.IP \\(bu 2\nsecond item\n.PD\n.PP\nAfter the list:\n"));
  EXPECT_THAT(page, HasSubstr(".sp\n.RS 4\n.nf\ncs\\-demo \\-\\-limit 3 'a | b'\n.fi\n.RE\n"));
  EXPECT_THAT(page, HasSubstr(".SH QUERY SYNTAX\n"));
  EXPECT_THAT(page, HasSubstr(".SH SEE ALSO\ncs\\-other(1)\n"));
}

TEST(Manual, ManPageEscapesEveryNonAsciiCharacterAndReplacesInvalidBytes) {
  Manual manual = kManual;
  manual.description = "caf\xC3\xA9, \xF0\x9F\x93\xB0 and a stray \xFF byte";
  const std::string page = render_man_page(manual, demo_options(), "1", "d");
  EXPECT_THAT(page, HasSubstr("\n.PP\ncaf\\[u00E9], \\[u1F4F0] and a stray \\[uFFFD] byte\n"));
}

TEST(Manual, HelpIndentsSectionsUnderTheirTitlesBeforeTheOptions) {
  const std::string help = render_help(kManual, demo_options());
  EXPECT_THAT(help, HasSubstr("Usage: cs-demo [OPTIONS] WORD...\n       cs-demo [OPTIONS] --batch FILE\n\nDoes things"));
  EXPECT_THAT(help, HasSubstr("\nQuery syntax:\n  A paragraph with a \\backslash"));
  EXPECT_THAT(help, HasSubstr("\n  - first item\n    continued\n"));
  EXPECT_THAT(help, HasSubstr("\n      cs-demo --limit 3 'a | b'\n"));
  EXPECT_LT(help.find("Exit status:"), help.find("Options:"));
  EXPECT_THAT(help, HasSubstr("-n [ --limit ] N (=10) hits | per query"));
}

TEST(Manual, MarkdownHasTheOptionsTableAndOnlyTheReadmeSections) {
  const std::string markdown = render_markdown(kManual, demo_options());
  EXPECT_THAT(markdown, HasSubstr("### cs-demo\n\n    cs-demo [OPTIONS] WORD...\n    cs-demo [OPTIONS] --batch FILE\n"));
  EXPECT_THAT(markdown, HasSubstr("| `-n`, `--limit N` | hits \\| per query (default: 10) |\n"));
  EXPECT_THAT(markdown, HasSubstr("| `--explain` | show scores |\n"));
  EXPECT_THAT(markdown, HasSubstr("#### cs-demo: Exit status\n\n- 0: done.\n- 2: an error.\n"));
  EXPECT_THAT(markdown, Not(HasSubstr("Query syntax")));
}

TEST(Manual, BashCompletionKnowsValuesFilesAndFlags) {
  const std::string script = render_bash_completion(kManual, demo_options());
  EXPECT_THAT(script, HasSubstr("--format) mapfile -t COMPREPLY < <(compgen -W 'text json' -- \"$cur\"); return ;;"));
  EXPECT_THAT(script, HasSubstr("--batch) compopt -o filenames"));
  EXPECT_THAT(script, HasSubstr("--limit|-n) return ;;"));
  EXPECT_THAT(script, HasSubstr("compgen -W '--limit --format --batch --explain'"));
  EXPECT_THAT(script, HasSubstr("complete -F _cs_demo cs-demo\n"));
}

TEST(Manual, GeneratedKindsAreTheThreeRenderings) {
  EXPECT_TRUE(render_generated("man", kManual, demo_options(), "1", "d"));
  EXPECT_TRUE(render_generated("complete-bash", kManual, demo_options(), "1", "d"));
  EXPECT_TRUE(render_generated("markdown", kManual, demo_options(), "1", "d"));
  EXPECT_FALSE(render_generated("html", kManual, demo_options(), "1", "d"));
}

}  // namespace
}  // namespace cs
