#include "common/command_line.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/program_options.hpp>

namespace cs {
namespace {

namespace po = boost::program_options;
using ::testing::ElementsAre;

po::options_description declared_options() {
  po::options_description known;
  known.add_options()("limit,n", po::value<int>(), "")("format,f", po::value<std::string>(), "")("help,h", "")(
      "serve", po::value<std::string>()->implicit_value("8080"), "");
  return known;
}

std::vector<std::string> separate(std::vector<std::string> args) {
  return separate_operands(args, declared_options());
}

TEST(CommandLine, WordsStartingWithADashAreOperands) {
  EXPECT_THAT(separate({"xi", "-trump", "-n", "5"}), ElementsAre("-n", "5", "--", "xi", "-trump"));
}

TEST(CommandLine, WordsStartingWithAShortOptionLetterAreOperands) {
  EXPECT_THAT(separate({"-nuclear", "-happy", "-f", "json"}), ElementsAre("-f", "json", "--", "-nuclear", "-happy"));
}

TEST(CommandLine, AnOptionEndingTheLineWithoutItsValueIsRejected) {
  // Before, "-n" took the "--" that precedes the operands as its value.
  EXPECT_THROW(separate({"taiwan", "-n"}), po::error);
  EXPECT_THROW(separate({"--format"}), po::error);
  EXPECT_THAT(separate({"taiwan", "-h"}), ElementsAre("-h", "--", "taiwan"));
}

TEST(CommandLine, OptionValuesStayWithTheirOptions) {
  EXPECT_THAT(separate({"--format", "-weird", "--limit=3", "-n7", "taiwan"}),
              ElementsAre("--format", "-weird", "--limit=3", "-n7", "--", "taiwan"));
}

TEST(CommandLine, AnOptionalValueIsTheNextWordUnlessItIsAnOption) {
  EXPECT_THAT(separate({"--serve", "9000", "-n", "3"}), ElementsAre("--serve=9000", "-n", "3", "--"));
  EXPECT_THAT(separate({"--serve", "-n", "3"}), ElementsAre("--serve", "-n", "3", "--"));
  EXPECT_THAT(separate({"--serve"}), ElementsAre("--serve", "--"));
}

TEST(CommandLine, FlagsTakeNoValue) {
  EXPECT_THAT(separate({"-h", "taiwan"}), ElementsAre("-h", "--", "taiwan"));
}

TEST(CommandLine, EverythingAfterDoubleDashIsAnOperand) {
  EXPECT_THAT(separate({"a", "--", "--limit", "-n"}), ElementsAre("--", "a", "--limit", "-n"));
}

TEST(CommandLine, UnknownLongOptionsAreLeftForTheParserToReject) {
  const std::vector<std::string> args = separate({"--colour", "taiwan"});
  EXPECT_THAT(args, ElementsAre("--colour", "--", "taiwan"));
  po::options_description known = declared_options();
  EXPECT_THROW(po::command_line_parser(args).options(known).run(), po::unknown_option);
}

struct Parsed {
  std::optional<int> exit_now;
  std::vector<std::string> operands;
  std::string limit;
  std::string err;
};

const Manual kTestManual{.program = "cs-test", .summary = "a test", .synopsis = {"[OPTIONS] WORD..."},
                        .description = "Tests the command line.", .sections = {}, .choices = {},
                        .operands_are_paths = false, .see_also = ""};

Parsed parse(std::vector<const char*> args) {
  CommandLine command_line(kTestManual);
  std::string limit;
  command_line.add_options()("limit,n", po::value(&limit), "")("lines", "");
  args.insert(args.begin(), "cs-test");
  ::testing::internal::CaptureStderr();
  ::testing::internal::CaptureStdout();
  Parsed parsed;
  parsed.exit_now = command_line.parse(static_cast<int>(args.size()), args.data());
  ::testing::internal::GetCapturedStdout();
  parsed.err = ::testing::internal::GetCapturedStderr();
  parsed.operands = command_line.operands();
  parsed.limit = limit;
  return parsed;
}

TEST(CommandLine, ParsesOptionsAndOperandsInOrder) {
  const Parsed p = parse({"xi", "-n", "3", "-trump", "call"});
  EXPECT_FALSE(p.exit_now.has_value());
  EXPECT_EQ(p.limit, "3");
  EXPECT_THAT(p.operands, ElementsAre("xi", "-trump", "call"));
}

TEST(CommandLine, UnknownOptionIsAOneLineUsageError) {
  const Parsed p = parse({"--colour", "x"});
  EXPECT_EQ(p.exit_now, 2);
  EXPECT_EQ(p.err, "cs-test: error: unrecognised option '--colour'; see cs-test --help\n");
}

TEST(CommandLine, AMissingValueNamesTheOption) {
  const Parsed p = parse({"taiwan", "-n"});
  EXPECT_EQ(p.exit_now, 2);
  EXPECT_EQ(p.err, "cs-test: error: --limit needs a value; see cs-test --help\n");
}

TEST(CommandLine, AbbreviatedOptionsAreNotGuessed) {
  EXPECT_EQ(parse({"--lim", "3"}).exit_now, 2) << "--lim must not silently mean --limit";
}

TEST(CommandLine, HelpAndVersionStopWithSuccess) {
  EXPECT_EQ(parse({"--help"}).exit_now, 0);
  EXPECT_EQ(parse({"-V"}).exit_now, 0);
  EXPECT_EQ(parse({"--generate", "man"}).exit_now, 0);
}

TEST(CommandLine, AnUnknownGeneratedKindIsAUsageError) {
  const Parsed p = parse({"--generate", "fish"});
  EXPECT_EQ(p.exit_now, 2);
  EXPECT_EQ(p.err, "cs-test: error: --generate takes man, complete-bash or markdown, not 'fish'; see cs-test --help\n");
}

}  // namespace
}  // namespace cs
