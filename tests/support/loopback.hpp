// TCP on 127.0.0.1 for the tests that run servers (cs-search --serve, xapian-tcpsrv).
#pragma once

namespace cs::test {

// A port nobody listens on now (the kernel picks it).
int free_port();

// A raw connection to 127.0.0.1:`port` (the caller closes it), or -1 when nothing accepts
// it: for requests no client library would send, and to see that a server listens.
int connect_loopback(int port);

}  // namespace cs::test
