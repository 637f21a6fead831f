#include "searcher/query_arguments.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/program_options.hpp>

namespace cs::searcher {
namespace {

namespace po = boost::program_options;
using ::testing::ElementsAre;

po::options_description declared_options() {
  po::options_description known;
  known.add_options()("limit,n", po::value<int>(), "")("format,f", po::value<std::string>(), "")("help,h", "");
  return known;
}

std::vector<std::string> separate(std::vector<std::string> args) {
  return separate_query_words(args, declared_options());
}

TEST(QueryArguments, ExcludedWordsAreQueryWords) {
  EXPECT_THAT(separate({"xi", "-trump", "-n", "5"}), ElementsAre("-n", "5", "--", "xi", "-trump"));
}

TEST(QueryArguments, WordsStartingWithAShortOptionLetterAreQueryWords) {
  EXPECT_THAT(separate({"-nuclear", "-happy", "-f"}), ElementsAre("-f", "--", "-nuclear", "-happy"));
}

TEST(QueryArguments, OptionValuesStayWithTheirOptions) {
  EXPECT_THAT(separate({"--format", "-weird", "--limit=3", "-n7", "taiwan"}),
              ElementsAre("--format", "-weird", "--limit=3", "-n7", "--", "taiwan"));
}

TEST(QueryArguments, FlagsTakeNoValue) {
  EXPECT_THAT(separate({"-h", "taiwan"}), ElementsAre("-h", "--", "taiwan"));
}

TEST(QueryArguments, EverythingAfterDoubleDashIsQuery) {
  EXPECT_THAT(separate({"a", "--", "--limit", "-n"}), ElementsAre("--", "a", "--limit", "-n"));
}

TEST(QueryArguments, UnknownLongOptionsAreLeftForTheParserToReject) {
  const std::vector<std::string> args = separate({"--colour", "taiwan"});
  EXPECT_THAT(args, ElementsAre("--colour", "--", "taiwan"));
  po::options_description known = declared_options();
  EXPECT_THROW(po::command_line_parser(args).options(known).run(), po::unknown_option);
}

}  // namespace
}  // namespace cs::searcher
