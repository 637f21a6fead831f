// A real `cs-search --serve` on an ephemeral loopback port, for the HTTP tests: started on
// port 0, its port read back from the line it prints, stopped with SIGTERM.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "support/indexed_once.hpp"
#include "support/loopback.hpp"  // connect_loopback, for raw requests no client library would send

namespace cs::test {

class Served {
 public:
  // cs-search --serve 127.0.0.1:0 ARGS (--db ... and options).
  explicit Served(const std::vector<std::string>& args);
  ~Served();
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;

  int port() const { return port_; }
  // A client of the server (a connection of its own each).
  std::unique_ptr<httplib::Client> client() const;
  // GET `target` (path and query, as sent).
  httplib::Result get(const std::string& target) const;
  // Sends SIGTERM; the exit status (as waitpid gives it) and what it printed after.
  int stop();
  const std::string& printed() const { return printed_; }

 private:
  pid_t pid_ = -1;
  int output_ = -1;
  int port_ = 0;
  std::string printed_;
};

// A suite's corpus indexed once (IndexedOnce) and served once by cs-search --serve over its
// database, for every test of the suite.
template <typename Corpus>
class ServedOnce : public IndexedOnce<Corpus> {
 protected:
  static void SetUpTestSuite() {
    IndexedOnce<Corpus>::SetUpTestSuite();
    served_ = std::make_unique<Served>(std::vector<std::string>{"--db", IndexedOnce<Corpus>::db()});
  }
  static void TearDownTestSuite() {
    served_.reset();
    IndexedOnce<Corpus>::TearDownTestSuite();
  }
  static Served& served() { return *served_; }

 private:
  static inline std::unique_ptr<Served> served_;
};

// Everything the peer sends until it closes the connection.
std::string read_all(int fd);

}  // namespace cs::test
