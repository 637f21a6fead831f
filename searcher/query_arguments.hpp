// Lets a query word start with '-' on the command line: "cs-search xi -trump" excludes
// "trump" rather than failing on an unknown option "-t".
#pragma once

#include <boost/program_options/options_description.hpp>

#include <string>
#include <vector>

namespace cs::searcher {

// Rewrites argv (without the program name) for Boost.Program_options: the options `known`
// declares, with their values, come first, then "--", then every other argument in its
// original order. An argument is an option when it is "--name" or "--name=value", or a
// declared short option on its own ("-n 5") or with a numeric value ("-n5"). Anything else
// starting with '-' ("-trump", "-n-gram") is a query word. After "--" all are query words.
// Unknown "--name" arguments stay options so the parser reports them.
std::vector<std::string> separate_query_words(const std::vector<std::string>& args,
                                              const boost::program_options::options_description& known);

}  // namespace cs::searcher
