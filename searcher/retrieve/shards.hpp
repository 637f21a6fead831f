// The shards a search reads, each opened on its own: a database folder is one shard; a
// Xapian stub file (or a sharded folder's XAPIANDB) lists several, local or remote
// (xapian-tcpsrv). Opening them one by one is what lets a search leave out a remote shard
// that does not answer (stopped, paused, unreachable) and answer from the others, as
// Elasticsearch does, instead of ending with the first network error.
#pragma once

#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace cs::searcher {

// What a search does about remote shards that do not answer.
struct ShardPolicy {
  // --shard-timeout: the longest a remote shard may take to connect, and to answer each
  // request of a search, before it is left out.
  std::chrono::milliseconds timeout{5000};
  // --strict-shards: a shard that does not answer fails the search (all or nothing).
  bool strict = false;
};

// One database a stub line names.
struct ShardAddress {
  enum class Kind { kLocal, kTcp, kProgram };
  Kind kind = Kind::kLocal;
  std::string name;            // for messages: the folder, "HOST:PORT" or the program's command
  std::filesystem::path path;  // kLocal
  std::string host;            // kTcp
  unsigned port = 0;           // kTcp
  std::string program, args;   // kProgram: a program speaking Xapian's remote protocol on its stdin and stdout
  bool remote() const { return kind != Kind::kLocal; }
};

// The shards that `db` stands for: itself when it is a database folder, or the lines of
// its stub file (a file, or a folder holding XAPIANDB), local paths taken relative to the
// stub's folder. A stub that cannot be read, names nothing, or has a line that is no
// database ("auto PATH", "glass PATH", "remote HOST:PORT", "remote :PROGRAM ARGS") is a
// kDatabase error naming the line.
Result<std::vector<ShardAddress>> shards_of(const std::filesystem::path& db);

// Opens one shard read-only. Throws Xapian's errors: NetworkError (NetworkTimeoutError
// after the policy's timeout) when a remote one does not answer.
Xapian::Database open_shard(const ShardAddress& address, const ShardPolicy& policy);

}  // namespace cs::searcher
