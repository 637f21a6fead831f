#include "searcher/cli/serve_command.hpp"

#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "common/exit_codes.hpp"

namespace cs::searcher {

namespace {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

}  // namespace

int serve_until_signalled(ServeOptions options, const std::function<void(const Error&, const char*)>& print) {
  if (!is_loopback(options.host)) {
    print(Error{ErrorKind::kUsage, options.host, "", "the index is readable by anyone who can reach this address",
                "serve on 127.0.0.1 unless the network is trusted"},
          "warning");
  }
  // SIGINT and SIGTERM are taken by one thread that waits for them (every thread the server
  // starts inherits the mask), so no handler runs inside the server's code.
  sigset_t stopping;
  sigemptyset(&stopping);
  sigaddset(&stopping, SIGINT);
  sigaddset(&stopping, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
  // A client that closes its connection mid-answer must not end the server.
  ::signal(SIGPIPE, SIG_IGN);

  const std::string where = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
  SearchServer server(std::move(options));
  if (Status bound = server.bind(); !bound) {
    print(bound.error(), "error");
    return exit_code::kError;
  }
  std::thread waiter([&server, stopping] {
    int signal_number = 0;
    sigwait(&stopping, &signal_number);
    server.stop();
  });
  std::cout << "cs-search: serving at http://" << where << ':' << server.port() << "/ (Ctrl-C stops)" << std::endl;
  const bool clean = server.run();
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter when run() ended otherwise
  waiter.join();
  std::cout << "cs-search: stopped" << std::endl;
  return clean ? exit_code::kSuccess : exit_code::kError;
}

}  // namespace cs::searcher
