#include "searcher/query_arguments.hpp"

#include <algorithm>

namespace cs::searcher {

namespace {

namespace po = boost::program_options;

// Null when `name` ("--limit", "-n") is not declared.
const po::option_description* declared(const po::options_description& known, const std::string& name) {
  return known.find_nothrow(name, /*approx=*/false);
}

bool takes_value(const po::option_description* option) {
  return option != nullptr && option->semantic()->max_tokens() > 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> separate_query_words(const std::vector<std::string>& args,
                                              const po::options_description& known) {
  std::vector<std::string> options;
  std::vector<std::string> words;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      words.insert(words.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
      break;
    }
    if (arg.starts_with("--")) {
      options.push_back(arg);
      const std::size_t equals = arg.find('=');
      if (equals == std::string::npos && takes_value(declared(known, arg.substr(2))) && i + 1 < args.size()) {
        options.push_back(args[++i]);
      }
      continue;
    }
    if (arg.size() >= 2 && arg[0] == '-') {
      const po::option_description* option = declared(known, arg.substr(0, 2));
      if (option != nullptr && arg.size() == 2) {
        options.push_back(arg);
        if (takes_value(option) && i + 1 < args.size()) options.push_back(args[++i]);
        continue;
      }
      if (takes_value(option) && all_digits(std::string_view(arg).substr(2))) {
        options.push_back(arg);
        continue;
      }
    }
    words.push_back(arg);
  }
  options.push_back("--");
  options.insert(options.end(), words.begin(), words.end());
  return options;
}

}  // namespace cs::searcher
