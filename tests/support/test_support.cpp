#include "support/test_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

extern char** environ;

namespace cs::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device random;
  const fs::path base = fs::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path candidate = base / ("cs-test-" + std::to_string(random()));
    if (fs::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

void write_file(const fs::path& path, const std::string& content) {
  if (path.has_parent_path()) fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

namespace {

// This process's environment with `env` applied (an empty value unsets), and no user config.
std::vector<std::string> environment_with(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> environment;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::size_t eq = entry.find('=');
    if (eq != std::string::npos) environment[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  // The user's own config files must not change what the tests see.
  environment["XDG_CONFIG_HOME"] = "/nonexistent/cs-search-tests";
  for (const auto& [name, value] : env) {
    if (value.empty()) {
      environment.erase(name);
    } else {
      environment[name] = value;
    }
  }
  std::vector<std::string> entries;
  for (const auto& [name, value] : environment) entries.push_back(name + "=" + value);
  return entries;
}

// argv/envp form of `strings`, which must outlive it.
std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

}  // namespace

namespace {

// A program may end without reading all the input a test feeds it (a usage error, say),
// and a test process descheduled meanwhile would die of SIGPIPE at its next write: test
// processes ignore SIGPIPE and see EPIPE, while the programs they start keep the default
// (spawn below).
[[maybe_unused]] const bool kSigpipeIgnored = ::signal(SIGPIPE, SIG_IGN) != SIG_ERR;

// Starts `program` with `args` and `env` (see environment_with), its standard streams set up
// by `actions`; throws when it cannot be started.
pid_t spawn(const fs::path& program, const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const posix_spawn_file_actions_t& actions) {
  std::vector<std::string> env_strings = environment_with(env);
  std::vector<char*> envp = c_strings(env_strings);
  std::vector<std::string> argv_strings = {program.string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv = c_strings(argv_strings);
  // The programs keep SIGPIPE's default, which the test process ignores (kSigpipeIgnored).
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int failed = posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawnattr_destroy(&attributes);
  if (failed != 0) throw std::runtime_error("cannot run " + program.string());
  return pid;
}

}  // namespace

pid_t start_cli(const fs::path& program, const std::vector<std::string>& args,
                const std::map<std::string, std::string>& env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  for (int fd = 0; fd <= 2; ++fd) posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0);
  const pid_t pid = spawn(program, args, env, actions);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

namespace {

// Starts `program` with its standard output on a pipe, and its standard input on another when
// `input` is given (else /dev/null); standard error goes to /dev/null.
pid_t start_with_pipes(const fs::path& program, const std::vector<std::string>& args, int* input, int& output) {
  int in_pipe[2] = {-1, -1};
  int out_pipe[2] = {-1, -1};
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  if (input != nullptr && pipe(in_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    throw std::runtime_error("pipe failed");
  }
  const std::vector<int> fds = input != nullptr ? std::vector{in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1]}
                                                : std::vector{out_pipe[0], out_pipe[1]};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (input != nullptr) {
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  for (const int fd : fds) posix_spawn_file_actions_addclose(&actions, fd);
  pid_t pid = -1;
  try {
    pid = spawn(program, args, {}, actions);
  } catch (...) {
    posix_spawn_file_actions_destroy(&actions);
    for (const int fd : fds) close(fd);
    throw;
  }
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  output = out_pipe[0];
  if (input != nullptr) {
    close(in_pipe[0]);
    *input = in_pipe[1];
  }
  return pid;
}

}  // namespace

pid_t start_cli_piped(const fs::path& program, const std::vector<std::string>& args, int& output) {
  return start_with_pipes(program, args, nullptr, output);
}

pid_t start_cli_duplex(const fs::path& program, const std::vector<std::string>& args, int& input, int& output) {
  return start_with_pipes(program, args, &input, output);
}

std::string read_until(int fd, std::string_view marker) {
  std::string read_so_far;
  char buffer[4096];
  while (read_so_far.find(marker) == std::string::npos || !read_so_far.ends_with('\n')) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    read_so_far.append(buffer, static_cast<std::size_t>(got));
  }
  return read_so_far;
}

void write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t put = ::write(fd, text.data(), text.size());
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) throw std::runtime_error("write to a pipe failed");
    text.remove_prefix(static_cast<std::size_t>(put));
  }
}

int wait_for(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

int wait_until_stopped(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, WUNTRACED) < 0 && errno == EINTR) {
  }
  return status;
}

void continue_process(pid_t pid) { ::kill(pid, SIGCONT); }

CliResult run_cli(const fs::path& program, const std::vector<std::string>& args,
                  const std::map<std::string, std::string>& env, const std::string& input) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0 || pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) {
    posix_spawn_file_actions_addclose(&actions, fd);
  }

  pid_t pid = 0;
  try {
    pid = spawn(program, args, env, actions);
  } catch (...) {
    posix_spawn_file_actions_destroy(&actions);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]}) close(fd);
    throw;
  }
  posix_spawn_file_actions_destroy(&actions);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);

  // Feed stdin and drain stdout/stderr together, so no pipe fills up and blocks the child.
  CliResult result;
  std::size_t written = 0;
  int in_fd = in_pipe[1];
  if (input.empty()) {
    close(in_fd);
    in_fd = -1;
  } else {
    fcntl(in_fd, F_SETFL, O_NONBLOCK);
  }
  bool out_open = true, err_open = true;
  char buffer[65536];
  while (out_open || err_open) {
    pollfd fds[3] = {{out_open ? out_pipe[0] : -1, POLLIN, 0}, {err_open ? err_pipe[0] : -1, POLLIN, 0}, {in_fd, POLLOUT, 0}};
    if (poll(fds, 3, -1) < 0) break;
    if (fds[2].revents != 0 && in_fd >= 0) {
      const ssize_t n = write(in_fd, input.data() + written, input.size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if (n < 0 || written == input.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
    for (int k = 0; k < 2; ++k) {
      if (fds[k].revents == 0) continue;
      const ssize_t n = read(fds[k].fd, buffer, sizeof buffer);
      if (n <= 0) {
        (k == 0 ? out_open : err_open) = false;
      } else {
        (k == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  if (in_fd >= 0) close(in_fd);
  close(out_pipe[0]);
  close(err_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::map<std::string, std::string> folder_contents(const fs::path& root) {
  std::map<std::string, std::string> contents;
  for (const fs::directory_entry& entry : fs::recursive_directory_iterator(root)) {
    const std::string relative = fs::relative(entry.path(), root).string();
    contents[relative] = entry.is_directory() ? "/" : read_file(entry.path());
  }
  return contents;
}

namespace {
constexpr uid_t kNobody = 65534;  // Debian's `nobody` and `nogroup`
}  // namespace

uid_t unprivileged_uid() { return ::geteuid() == 0 ? kNobody : ::geteuid(); }
gid_t unprivileged_gid() { return ::geteuid() == 0 ? kNobody : ::getegid(); }

namespace {

// A copy of `file` that the unprivileged user can reach whatever the folders above the
// build tree allow (a clone in a private folder), made once per file and process.
fs::path reachable_copy(const fs::path& file) {
  // One folder for the process, so the copies are reused; removed with them at exit.
  static const TempDir shared;
  static const bool reachable = [] {
    fs::permissions(shared.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                       fs::perms::others_read | fs::perms::others_exec);
    return true;
  }();
  static_cast<void>(reachable);
  const fs::path copy = shared.path() / file.filename();
  if (!fs::exists(copy)) fs::copy_file(file, copy);
  return copy;
}

}  // namespace

CliResult run_cli_unprivileged(const fs::path& program, const std::vector<std::string>& args) {
  if (::geteuid() != 0) return run_cli(program, args);
  std::vector<std::string> setpriv_args = {"--reuid=" + std::to_string(kNobody), "--regid=" + std::to_string(kNobody),
                                           "--clear-groups", reachable_copy(program).string()};
  setpriv_args.insert(setpriv_args.end(), args.begin(), args.end());
  std::map<std::string, std::string> env;
  // Under LeakSanitizer the suppressions file must be readable by that user too.
  if (const char* lsan = std::getenv("LSAN_OPTIONS"); lsan != nullptr) {
    std::string options = lsan;
    const std::string key = "suppressions=";
    if (const std::size_t at = options.find(key); at != std::string::npos) {
      const std::size_t end = std::min(options.find(':', at), options.size());
      const fs::path file = options.substr(at + key.size(), end - at - key.size());
      options.replace(at + key.size(), end - at - key.size(), reachable_copy(file).string());
    }
    env["LSAN_OPTIONS"] = options;
  }
  return run_cli("/usr/bin/setpriv", setpriv_args, env);
}

fs::path cs_index_binary() { return CS_INDEX_BINARY; }
fs::path cs_search_binary() { return CS_SEARCH_BINARY; }
fs::path corpus_dir() { return CS_CORPUS_DIR; }
fs::path fixtures_dir() { return CS_FIXTURES_DIR; }

std::vector<std::pair<fs::path, std::string>> corpus_and_fixture_files() {
  std::vector<std::pair<fs::path, std::string>> files;
  for (const fs::path& root : {corpus_dir(), fixtures_dir()}) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file()) files.emplace_back(entry.path(), read_file(entry.path()));
    }
  }
  return files;
}
fs::path source_dir() { return CS_SOURCE_DIR; }

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> parsed;
  for (const auto& line : lines(text)) parsed.push_back(nlohmann::json::parse(line));
  return parsed;
}

std::vector<std::string> search_article_ids(const std::string& db, const std::string& query,
                                            const std::vector<std::string>& options) {
  std::vector<std::string> args = {"--db", db, "--format", "jsonl"};
  args.insert(args.end(), options.begin(), options.end());
  args.insert(args.end(), {"--", query});
  const CliResult r = run_cli(cs_search_binary(), args);
  EXPECT_NE(r.exit_code, 2) << query << ": " << r.err;
  std::vector<std::string> ids;
  for (const auto& hit : json_lines(r.out)) ids.push_back(hit["article_id"]);
  return ids;
}

std::set<std::string> highlighted_texts(const nlohmann::json& hits) {
  std::set<std::string> texts;
  for (const auto& hit : hits) {
    const std::string passage = hit["passage"];
    for (const auto& span : hit["highlights"]) {
      const std::size_t begin = span[0].get<std::size_t>();
      texts.insert(passage.substr(begin, span[1].get<std::size_t>() - begin));
    }
  }
  return texts;
}

std::vector<std::string> made_up_words(std::mt19937& random, int count, int max_length) {
  const std::string letters = "abcdefghijklmnopqrstuvwxyz";
  std::vector<std::string> words;
  for (int i = 0; i < count; ++i) {
    std::string word;
    const int length = 3 + static_cast<int>(random() % static_cast<unsigned>(max_length));
    for (int c = 0; c < length; ++c) word.push_back(letters[random() % letters.size()]);
    words.push_back(word);
  }
  return words;
}

}  // namespace cs::test
