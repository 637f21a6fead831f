// The documentation of the real programs: --help, the man pages (rendered by man -l), the
// bash completion and the README's command reference agree, and the man pages render
// without warnings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

const std::vector<fs::path>& programs() {
  static const std::vector<fs::path> both = {cs_index_binary(), cs_search_binary()};
  return both;
}

std::string help_of(const fs::path& program) {
  const CliResult help = run_cli(program, {"--help"});
  EXPECT_EQ(help.exit_code, 0) << help.err;
  return help.out;
}

// The long options --help lists in its Options part ("  -n [ --limit ] N", "  --rebuild").
std::set<std::string> options_in_help(const std::string& help) {
  std::set<std::string> options;
  const std::size_t table = help.rfind("\nOptions:\n");
  EXPECT_NE(table, std::string::npos) << "no Options: in the help";
  static const std::regex option(R"(^  (?:-\w \[ )?--([a-z0-9-]+))");
  std::istringstream lines(help.substr(table + 1));
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_search(line, match, option)) options.insert(match[1]);
  }
  return options;
}

// The section titles of --help ("Query syntax:" on a line of its own, unindented).
std::vector<std::string> sections_in_help(const std::string& help) {
  std::vector<std::string> titles;
  static const std::regex title(R"(^([A-Z][a-z ]+):$)");
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (std::regex_match(line, match, title) && match[1] != "Options") titles.push_back(match[1]);
  }
  return titles;
}

struct Rendered {
  int exit_code = -1;
  std::string text;
  std::string warnings;
};

// The man page `program --generate man` writes, as man -l renders it, with groff's
// warnings (the checks Debian's lintian runs).
Rendered render_man_page(const fs::path& program, const TempDir& dir) {
  const CliResult page = run_cli(program, {"--generate", "man"});
  EXPECT_EQ(page.exit_code, 0) << page.err;
  const fs::path file = dir / (program.filename().string() + ".1");
  write_file(file, page.out);
  const CliResult shown = run_cli("/usr/bin/man", {"--warnings", "-E", "UTF-8", "-l", "-Tutf8", file.string()},
                                  {{"LC_ALL", "C.UTF-8"}, {"MANROFFSEQ", ""}, {"MANWIDTH", "250"}, {"MAN_KEEP_FORMATTING", ""}});
  // Bold and underline reach a pipe as overstrikes ("N\bNA\bA"); keep the letters only.
  return {shown.exit_code, std::regex_replace(shown.out, std::regex(".\b"), ""), shown.err};
}

TEST(DocsCli, ManPagesRenderWithoutWarnings) {
  TempDir dir;
  for (const fs::path& program : programs()) {
    const Rendered page = render_man_page(program, dir);
    EXPECT_EQ(page.exit_code, 0) << program << ": is man-db installed? (scripts/install-deps.sh) " << page.warnings;
    EXPECT_EQ(page.warnings, "") << program;
    EXPECT_THAT(page.text, ::testing::HasSubstr("SYNOPSIS")) << program;
  }
}

TEST(DocsCli, ManPagesHoldEveryOptionAndSectionOfTheHelp) {
  TempDir dir;
  for (const fs::path& program : programs()) {
    const std::string help = help_of(program);
    const Rendered page = render_man_page(program, dir);
    const std::set<std::string> options = options_in_help(help);
    EXPECT_GE(options.size(), 10u) << program;
    for (const std::string& option : options) {
      // An option's own entry starts a line: "       -n, --limit N" or "       --rebuild".
      const std::regex entry("\n +(-\\w, )?--" + option + "( [\\[\\]A-Z0-9_,=:]+)?\n");
      EXPECT_TRUE(std::regex_search(page.text, entry)) << program << ": no entry for --" << option << " in the man page";
    }
    const std::vector<std::string> sections = sections_in_help(help);
    EXPECT_GE(sections.size(), 5u) << program;
    for (std::string section : sections) {
      for (char& c : section) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_NE(page.text.find("\n" + section + "\n"), std::string::npos) << program << ": no " << section << " section";
    }
  }
}

// The README's block for `program`, between the markers scripts/update-docs.sh writes.
std::string readme_block(const std::string& readme, const std::string& program) {
  const std::string begin = "<!-- BEGIN " + program + " --generate markdown (scripts/update-docs.sh rewrites this) -->\n";
  const std::string end = "<!-- END " + program + " --generate markdown -->";
  const std::size_t from = readme.find(begin);
  const std::size_t to = readme.find(end);
  if (from == std::string::npos || to == std::string::npos || to < from) return "(no block for " + program + ")";
  return readme.substr(from + begin.size(), to - from - begin.size());
}

TEST(DocsCli, TheReadmeReferenceIsWhatTheProgramsGenerate) {
  const std::string readme = read_file(source_dir() / "README.md");
  for (const fs::path& program : programs()) {
    const CliResult generated = run_cli(program, {"--generate", "markdown"});
    ASSERT_EQ(generated.exit_code, 0) << generated.err;
    EXPECT_EQ(readme_block(readme, program.filename().string()), generated.out)
        << "README.md's reference for " << program.filename()
        << " is stale: run scripts/update-docs.sh build and commit README.md";
  }
}

// Every "--option" on a line that runs `program` (in the README, or in an example of the
// program's own manual) is an option the program has.
void expect_real_options(const std::string& text, const std::string& where) {
  std::map<std::string, std::set<std::string>> options;
  for (const fs::path& program : programs()) options[program.filename().string()] = options_in_help(help_of(program));
  static const std::regex command(R"(^\s*(?:[\w.-]*\$ )?(?:build/)?(cs-index|cs-search)( .*)$)");
  static const std::regex option(R"((?:^|\s)--([a-z][a-z0-9-]*))");
  std::istringstream lines(text);
  std::size_t commands = 0;
  for (std::string line; std::getline(lines, line);) {
    std::smatch match;
    if (!std::regex_match(line, match, command)) continue;
    ++commands;
    const std::string program = match[1];
    const std::string rest = match[2];
    for (auto it = std::sregex_iterator(rest.begin(), rest.end(), option); it != std::sregex_iterator(); ++it) {
      EXPECT_EQ(options[program].count((*it)[1]), 1u) << where << ": " << program << " has no --" << (*it)[1] << ": " << line;
    }
  }
  EXPECT_GE(commands, 3u) << where << ": expected example commands";
}

TEST(DocsCli, ExampleCommandsUseOnlyOptionsTheProgramsHave) {
  expect_real_options(read_file(source_dir() / "README.md"), "README.md");
  for (const fs::path& program : programs()) expect_real_options(help_of(program), program.filename().string() + " --help");
}

// What the generated bash completion offers for the words typed so far (the last is
// being completed), run in a bash of its own from `folder`.
std::vector<std::string> complete(const fs::path& program, const std::vector<std::string>& words,
                                  const fs::path& folder = fs::temp_directory_path()) {
  TempDir dir;
  const CliResult script = run_cli(program, {"--generate", "complete-bash"});
  EXPECT_EQ(script.exit_code, 0) << script.err;
  write_file(dir / "completion.bash", script.out);
  std::string typed;
  for (const std::string& word : words) typed += " '" + word + "'";
  const std::string function = "_" + std::regex_replace(program.filename().string(), std::regex("-"), "_");
  const CliResult completed =
      run_cli("/bin/bash", {"-c", "cd '" + folder.string() + "' && source '" + (dir / "completion.bash").string() +
                                      "' && COMP_WORDS=(" + typed + ") && COMP_CWORD=" + std::to_string(words.size() - 1) +
                                      " && " + function + " && printf '%s\\n' \"${COMPREPLY[@]}\""});
  EXPECT_EQ(completed.exit_code, 0) << completed.err;
  std::vector<std::string> offered = lines(completed.out);
  std::sort(offered.begin(), offered.end());
  return offered;
}

TEST(DocsCli, BashCompletionOffersOptionsValuesAndPaths) {
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "--for"}), ElementsAre("--format"));
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "--format", "j"}), ElementsAre("json", "jsonl"));
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "--format", "=", "t"}), ElementsAre("text", "trec", "tsv"));
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "--sort", "-"}), ElementsAre("-date"));
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "-n", ""}), IsEmpty()) << "a number: nothing to offer";
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "tai"}), IsEmpty()) << "query words are not file names";
  EXPECT_THAT(complete(cs_index_binary(), {"cs-index", "--reb"}), ElementsAre("--rebuild"));

  TempDir folder;
  write_file(folder / "notes.md", "x");
  write_file(folder / "news.jsonl", "{}");
  write_file(folder / "other.txt", "x");
  EXPECT_THAT(complete(cs_index_binary(), {"cs-index", "n"}, folder.path()), ElementsAre("news.jsonl", "notes.md"));
  EXPECT_THAT(complete(cs_search_binary(), {"cs-search", "--batch", "o"}, folder.path()), ElementsAre("other.txt"));
}

}  // namespace
}  // namespace cs::test
