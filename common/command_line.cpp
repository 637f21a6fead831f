#include "common/command_line.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "common/ascii.hpp"
#include "common/exit_codes.hpp"
#include "common/terminal.hpp"
#include "common/version.hpp"

namespace cs {

namespace po = boost::program_options;

namespace {

constexpr const char* kOperands = "operand";

// Null when `name` ("--limit", "-n") is not declared.
const po::option_description* declared(const po::options_description& known, const std::string& name) {
  return known.find_nothrow(name, /*approx=*/false);
}

bool takes_value(const po::option_description* option) {
  return option != nullptr && option->semantic()->max_tokens() > 0;
}

// An option that needs a value but ends the command line ("cs-search Taiwan -n") would
// otherwise take the "--" placed before the operands as its value.
void require_value_after(const po::option_description* option, std::size_t i, std::size_t count) {
  if (takes_value(option) && i + 1 >= count) {
    throw po::error("--" + option->long_name() + " needs a value");
  }
}

}  // namespace

CommandLine::CommandLine(const Manual& manual) : manual_(manual), program_(manual.program) {}

std::optional<int> CommandLine::parse(int argc, const char* const* argv) {
  // Declared last so --help lists the program's own options first.
  visible_.add_options()("config", po::value<std::string>()->value_name("FILE"),
                         "read default options from FILE (else the config file named under Files)")(
      "generate", po::value<std::string>()->value_name("KIND"),
      ("print this manual as a man page, a bash completion script or the README's reference: " +
       generated_kinds_phrase())
          .c_str())("help,h", "show this help")("version,V", "show versions");
  po::options_description all;
  all.add(visible_);
  all.add_options()(kOperands, po::value<std::vector<std::string>>(), "");
  po::positional_options_description positional;
  positional.add(kOperands, -1);
  try {
    const std::vector<std::string> args = separate_operands(std::vector<std::string>(argv + 1, argv + argc), all);
    po::store(po::command_line_parser(args)
                  .options(all)
                  .positional(positional)
                  .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
                  .run(),
              values_);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  // The config file fills in what the command line left out.
  const bool named = given("config");
  const std::filesystem::path config = named ? std::filesystem::path(values_["config"].as<std::string>()) : config_path();
  std::error_code ec;
  if (named || (!config.empty() && std::filesystem::is_regular_file(config, ec))) {
    std::ifstream in(config);
    if (!in) {
      print(Error{ErrorKind::kUsage, config.string(), "", "cannot read config file", "check the path"});
      return exit_code::kError;
    }
    try {
      po::store(po::parse_config_file(in, visible_, /*allow_unregistered=*/false), values_);
    } catch (const po::error& e) {
      print(Error{ErrorKind::kUsage, config.string(), "", e.what(), "fix the file, or pass --config FILE"});
      return exit_code::kError;
    }
  }
  try {
    po::notify(values_);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (given("help")) {
    std::cout << render_help(manual_, visible_);
    return exit_code::kSuccess;
  }
  if (given("generate")) {
    const std::string kind = values_["generate"].as<std::string>();
    const auto text = render_generated(kind, manual_, visible_, version_number(), release_date());
    if (!text) return usage_error("--generate takes " + generated_kinds_phrase() + ", not '" + kind + "'");
    std::cout << *text;
    return exit_code::kSuccess;
  }
  if (given("version")) {
    std::cout << version_line(program_) << '\n';
    return exit_code::kSuccess;
  }
  if (given(kOperands)) operands_ = values_[kOperands].as<std::vector<std::string>>();
  return std::nullopt;
}

std::filesystem::path CommandLine::config_path() const {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  const std::string file = program_ + ".conf";
  if (xdg != nullptr && *xdg != '\0') return std::filesystem::path(xdg) / "cs-search" / file;
  if (home != nullptr && *home != '\0') return std::filesystem::path(home) / ".config" / "cs-search" / file;
  return {};
}

void CommandLine::print(const Error& error, std::string_view severity) const {
  std::cerr << terminal::sanitize_line(format_error(program_, severity, error)) << '\n';
}

int CommandLine::usage_error(const std::string& reason) const {
  print(Error{ErrorKind::kUsage, "", "", reason, "see " + program_ + " --help"});
  return exit_code::kError;
}

std::vector<std::string> separate_operands(const std::vector<std::string>& args, const po::options_description& known) {
  std::vector<std::string> options;
  std::vector<std::string> operands;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      operands.insert(operands.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg.starts_with("--")) {
      options.push_back(arg);
      const std::size_t equals = arg.find('=');
      const po::option_description* option = declared(known, arg.substr(2));
      if (equals == std::string::npos && takes_value(option)) {
        if (option->semantic()->min_tokens() == 0) {
          // An optional value ("--serve" or "--serve 8080"): the next word, unless it is an
          // option; given to the parser as "--serve=8080", the only form it reads.
          if (i + 1 < args.size() && !args[i + 1].starts_with("-")) options.back() += "=" + args[++i];
          continue;
        }
        require_value_after(option, i, args.size());
        options.push_back(args[++i]);
      }
      continue;
    }
    if (arg.size() >= 2 && arg[0] == '-') {
      const po::option_description* option = declared(known, arg.substr(0, 2));
      if (option != nullptr && arg.size() == 2) {
        options.push_back(arg);
        if (takes_value(option)) {
          require_value_after(option, i, args.size());
          options.push_back(args[++i]);
        }
        continue;
      }
      if (takes_value(option) && all_ascii_digits(std::string_view(arg).substr(2))) {
        options.push_back(arg);
        continue;
      }
    }
    operands.push_back(arg);
  }
  options.push_back("--");
  options.insert(options.end(), operands.begin(), operands.end());
  return options;
}

}  // namespace cs
