// The command-line conventions cs-index and cs-search share, on Boost.Program_options:
// --help, --version and --generate (the manual's other renderings, manual.hpp), operands in order (and allowed to start with '-', so
// "cs-search xi -trump" excludes "trump"), no guessing of abbreviated options, and one way
// to print errors: "program: error: reason; hint".
#pragma once

#include <boost/program_options.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"
#include "common/manual.hpp"

namespace cs {

class CommandLine {
 public:
  // `manual` is what --help prints above the options, and what --generate renders; it
  // must outlive the CommandLine.
  explicit CommandLine(const Manual& manual);

  // Declares the program's own options; parse() adds --config, --generate, --help and --version.
  boost::program_options::options_description_easy_init add_options() { return visible_.add_options(); }

  // Parses the arguments after the program name, then the config file for what they left
  // out (see config_path); call it once. Returns an exit status when the program
  // should stop now: after printing --help, --version or --generate (0) or a usage error (2).
  std::optional<int> parse(int argc, const char* const* argv);

  bool given(const std::string& option) const { return values_.count(option) > 0; }

  // $XDG_CONFIG_HOME/cs-search/PROGRAM.conf, else ~/.config/cs-search/PROGRAM.conf: lines
  // "option = value" with the long option names ("limit = 20"); a missing file is no error.
  std::filesystem::path config_path() const;
  const std::vector<std::string>& operands() const { return operands_; }

  // Prints `error` as one sanitised line on standard error.
  void print(const Error& error, std::string_view severity = "error") const;
  // Prints a usage error with a pointer to --help; returns the exit status for it.
  int usage_error(const std::string& reason) const;

 private:
  const Manual& manual_;
  std::string program_;
  boost::program_options::options_description visible_{"Options"};
  boost::program_options::variables_map values_;
  std::vector<std::string> operands_;
};

// Rewrites `args` (without the program name) so Boost.Program_options reads them as meant:
// the options `known` declares, with their values, come first, then "--", then every other
// argument in its original order. An argument is an option when it is "--name" or
// "--name=value", or a declared short option on its own ("-n 5") or with a numeric value
// ("-n5"). Anything else starting with '-' ("-trump", "-n-gram") is an operand, and so is
// everything after "--". Unknown "--name" arguments stay options so the parser rejects them.
std::vector<std::string> separate_operands(const std::vector<std::string>& args,
                                           const boost::program_options::options_description& known);

}  // namespace cs
