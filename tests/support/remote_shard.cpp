#include "support/remote_shard.hpp"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/ascii.hpp"
#include "support/loopback.hpp"
#include "support/test_support.hpp"

namespace cs::test {

namespace fs = std::filesystem;

fs::path find_program(const std::string& name) {
  std::istringstream path(std::getenv("PATH") != nullptr ? std::getenv("PATH") : "/usr/bin");
  std::string folder;
  while (std::getline(path, folder, ':')) {
    if (::access((fs::path(folder) / name).c_str(), X_OK) == 0) return fs::path(folder) / name;
  }
  return {};
}

std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (!all_ascii_digits(name)) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    if (!std::getline(stat, line)) continue;  // gone meanwhile
    // "PID (COMMAND) STATE PPID ...": the command may hold spaces and parentheses.
    std::istringstream rest(line.substr(line.rfind(')') + 1));
    std::string state;
    pid_t ppid = 0;
    if (rest >> state >> ppid && ppid == parent) children.push_back(static_cast<pid_t>(std::stoi(name)));
  }
  return children;
}

RemoteShard::RemoteShard(const fs::path& db) : port_(free_port()) {
  const fs::path server = find_program("xapian-tcpsrv");
  if (server.empty()) return;
  int output = -1;
  pid_ = start_cli_piped(server, {"--interface", "127.0.0.1", "--port", std::to_string(port_), db.string()}, output);
  std::string printed;
  char buffer[4096];
  for (ssize_t n; printed.find("Listening...\n") == std::string::npos && (n = ::read(output, buffer, sizeof buffer)) > 0;) {
    printed.append(buffer, static_cast<std::size_t>(n));
  }
  listening_ = printed.find("Listening...\n") != std::string::npos;
  std::thread([output] {
    char rest[4096];
    while (::read(output, rest, sizeof rest) > 0) {
    }
    ::close(output);
  }).detach();
}

RemoteShard::~RemoteShard() {
  if (pid_ > 0) {
    for (const pid_t child : children_of(pid_)) ::kill(child, SIGKILL);  // paused ones too
    ::kill(pid_, SIGKILL);
    wait_for(pid_);
  }
}

bool RemoteShard::running() const {
  if (!listening_) return false;
  const int fd = connect_loopback(port_);
  if (fd >= 0) ::close(fd);
  return fd >= 0;
}

void RemoteShard::pause() const {
  for (const pid_t pid : children_of(pid_)) ::kill(pid, SIGSTOP);
  ::kill(pid_, SIGSTOP);
}

}  // namespace cs::test
