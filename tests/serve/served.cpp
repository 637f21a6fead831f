#include "serve/served.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

#include "support/test_support.hpp"

namespace cs::test {

Served::Served(const std::vector<std::string>& args) {
  // The server may answer (413, 414) and close before a client has sent all it meant to.
  ::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> all = args;
  all.insert(all.end(), {"--serve", "127.0.0.1:0"});
  pid_ = start_cli_piped(cs_search_binary(), all, output_);
  printed_ = read_until(output_, "(Ctrl-C stops)");
  constexpr std::string_view kAt = "http://127.0.0.1:";
  const std::size_t at = printed_.find(kAt);
  if (at == std::string::npos) throw std::runtime_error("cs-search --serve did not start: " + printed_);
  port_ = std::stoi(printed_.substr(at + kAt.size()));
}

Served::~Served() {
  if (pid_ > 0) stop();
}

std::unique_ptr<httplib::Client> Served::client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_read_timeout(30, 0);
  return client;
}

httplib::Result Served::get(const std::string& target) const { return client()->Get(target); }

int Served::stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  printed_ += read_until(output_, "cs-search: stopped");
  ::close(output_);
  const int status = wait_for(pid_);
  pid_ = -1;
  return status;
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) break;
    out.append(buffer, static_cast<std::size_t>(got));
  }
  return out;
}

}  // namespace cs::test
