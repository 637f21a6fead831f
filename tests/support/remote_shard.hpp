// A remote shard for the scale-out tests: xapian-tcpsrv serving one database on 127.0.0.1,
// which a test can stop (SIGSTOP) like a hung host; and the process helpers it needs
// (loopback.hpp has the socket ones).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "support/loopback.hpp"

namespace cs::test {

// `name` found on PATH, or empty.
std::filesystem::path find_program(const std::string& name);

// The processes whose parent is `parent` (from /proc).
std::vector<pid_t> children_of(pid_t parent);

// xapian-tcpsrv serving `db` on 127.0.0.1, stopped on destruction. It is ready once it
// prints "Listening..." (after listen(2)); its later output is drained until it and the
// children it forks for connections are gone (by a thread left to end on its own, so a child
// still closing a connection never holds up the test).
class RemoteShard {
 public:
  explicit RemoteShard(const std::filesystem::path& db);
  ~RemoteShard();
  RemoteShard(const RemoteShard&) = delete;
  RemoteShard& operator=(const RemoteShard&) = delete;

  // Whether it started (xapian-tcpsrv, package xapian-tools, is on PATH) and accepts
  // connections.
  bool running() const;
  int port() const { return port_; }
  // Stops the server and the children it forked for connections (SIGSTOP): it still
  // accepts connections (the kernel queues them) but answers nothing, like a hung host.
  void pause() const;

 private:
  int port_;
  pid_t pid_ = -1;
  bool listening_ = false;
};

}  // namespace cs::test
