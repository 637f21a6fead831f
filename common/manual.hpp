// A program's manual, written once and rendered four ways: --help, the man page
// (--generate man), bash completion (--generate complete-bash) and the README's command
// reference (--generate markdown). The options come from the program's own
// Boost.Program_options declarations, so the help, the man page, the completion and the
// README cannot disagree about them.
#pragma once

#include <boost/program_options.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cs {

// Section text is made of three kinds of lines, which every rendering lays out its own way:
//   - paragraphs of plain lines, a blank line between paragraphs;
//   - list items: a line starting "- ", continued by lines indented two spaces;
//   - literal lines (commands, examples): indented four spaces, kept as written.
// Text is ASCII, wrapped at 90 columns.
struct ManualSection {
  std::string_view title;    // "Query syntax" (upper-cased in the man page)
  std::string_view text;
  bool in_readme = false;    // also part of the README's command reference
};

struct Manual {
  std::string_view program;                // "cs-search"
  std::string_view summary;                // the man page's NAME line, after "cs-search - "
  std::vector<std::string_view> synopsis;  // what follows the program's name on each usage line
  std::string_view description;            // the paragraphs right after the usage lines
  std::vector<ManualSection> sections;
  // Completion: the values an option takes, by long name ("format" -> "text json jsonl"),
  // when it takes one of a few words. Options whose value is a FILE, DIR or QRELS complete
  // file names; other values complete nothing.
  std::vector<std::pair<std::string_view, std::string_view>> choices;
  bool operands_are_paths = false;         // cs-index PATH... (cs-search takes words)
  std::string_view see_also;               // "cs-index(1), xapian-tcpsrv(1)"
};

// What --generate KIND prints (render_generated), and the kinds as a phrase for --help and
// errors: "man, complete-bash or markdown".
inline constexpr std::array<std::string_view, 3> kGeneratedKinds = {"man", "complete-bash", "markdown"};
std::string generated_kinds_phrase();

// --help: the usage lines, the description, each section under "Title:", then the options
// as Boost prints them.
std::string render_help(const Manual& manual, const boost::program_options::options_description& options);

// A man(7) page in section 1: NAME, SYNOPSIS, DESCRIPTION, OPTIONS, the sections in order,
// SEE ALSO. `version` goes in the page's footer.
std::string render_man_page(const Manual& manual, const boost::program_options::options_description& options,
                            std::string_view version, std::string_view date);

// A bash completion script defining _<program> and registering it with `complete`. It needs
// nothing but bash (not the bash-completion package's helpers).
std::string render_bash_completion(const Manual& manual, const boost::program_options::options_description& options);

// The README's reference for the program: its usage lines, an options table and the
// sections marked in_readme, in Markdown.
std::string render_markdown(const Manual& manual, const boost::program_options::options_description& options);

// The text `kind` names (see kGeneratedKinds), or nothing for an unknown kind.
std::optional<std::string> render_generated(std::string_view kind, const Manual& manual,
                                            const boost::program_options::options_description& options,
                                            std::string_view version, std::string_view date);

}  // namespace cs
