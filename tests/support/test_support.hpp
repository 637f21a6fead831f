// Helpers every test binary shares: temporary folders, files, and running the real
// cs-index / cs-search binaries with captured output and exit status.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cs::test {

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, creating parent folders.
void write_file(const std::filesystem::path& path, const std::string& content);
std::string read_file(const std::filesystem::path& path);

// Every file and folder under `root`, by relative path, with the file's bytes (a folder's
// value is "/"): to show a folder came through an operation byte for byte.
std::map<std::string, std::string> folder_contents(const std::filesystem::path& root);

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `program` with `args`; `env` entries are set (an empty value unsets); `input` is
// fed to standard input. XDG_CONFIG_HOME points nowhere unless `env` sets it, so no user
// config file is read. Does not go through a shell.
CliResult run_cli(const std::filesystem::path& program, const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env = {}, const std::string& input = "");

// Runs `program` like run_cli, but as the unprivileged user a service runs as when the tests
// run as root (through setpriv, as `nobody`), so file permissions apply as they do to it;
// as the caller otherwise.
CliResult run_cli_unprivileged(const std::filesystem::path& program, const std::vector<std::string>& args);
// The user run_cli_unprivileged runs as: the owner to give a folder that user must write.
uid_t unprivileged_uid();
gid_t unprivileged_gid();

// Starts `program` with `args` in the background, standard streams on /dev/null, `env` set as
// run_cli sets it; returns its pid for wait_for (which returns the waitpid status) or kill.
pid_t start_cli(const std::filesystem::path& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env = {});
int wait_for(pid_t pid);
// The same with its standard output on a pipe: `output` is the read end, for the caller to
// read (so the program learns no SIGPIPE) and close.
pid_t start_cli_piped(const std::filesystem::path& program, const std::vector<std::string>& args, int& output);
// The same with standard input on a pipe too: `input` is the write end (close it to end the
// program's input).
pid_t start_cli_duplex(const std::filesystem::path& program, const std::vector<std::string>& args, int& input,
                       int& output);
// Reads `fd` until what was read holds `marker` and ends a line, or the writer closes it;
// returns all read.
std::string read_until(int fd, std::string_view marker);
// Writes all of `text` to `fd`.
void write_all(int fd, std::string_view text);
// Waits until `pid` stops (at a failpoint's pause: CS_FAILPOINT=NAME:N:pause) or ends, and
// returns the waitpid status: WIFSTOPPED when it stopped; continue_process lets it go on.
int wait_until_stopped(pid_t pid);
void continue_process(pid_t pid);

std::filesystem::path cs_index_binary();
std::filesystem::path cs_search_binary();
std::filesystem::path corpus_dir();
std::filesystem::path fixtures_dir();
std::filesystem::path source_dir();  // the source tree's top (README.md, corpus/)
// Every file of the bundled corpus and of the test fixtures, with its bytes: real pages and
// notes to hold an analysis to a reference over.
std::vector<std::pair<std::filesystem::path, std::string>> corpus_and_fixture_files();

// `count` made-up lowercase words of 3 to 2 + `max_length` letters, drawn from `random`: a
// vocabulary for generated corpora.
std::vector<std::string> made_up_words(std::mt19937& random, int count, int max_length);

// Non-empty lines of `text`.
std::vector<std::string> lines(const std::string& text);
// Each non-empty line of `text` parsed as JSON (cs-search --format jsonl).
std::vector<nlohmann::json> json_lines(const std::string& text);

// The article ids the real cs-search returns, in rank order, for `query` and `options` on
// database `db` (read from its jsonl output). A usage or query error (exit 2) fails the
// calling test.
std::vector<std::string> search_article_ids(const std::string& db, const std::string& query,
                                            const std::vector<std::string>& options = {});

// The texts highlighted in the passages of `hits` (the "results" of cs-search --format json).
std::set<std::string> highlighted_texts(const nlohmann::json& hits);

}  // namespace cs::test
