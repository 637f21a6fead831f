#include "searcher/retrieve/shards.hpp"

#include <charconv>
#include <fstream>

#include "common/ascii.hpp"
#include "common/schema.hpp"

namespace cs::searcher {

namespace fs = std::filesystem;

namespace {

Error stub_error(const fs::path& stub, std::size_t line, std::string reason) {
  return Error{ErrorKind::kDatabase, stub.string(), "line " + std::to_string(line), std::move(reason),
               "a stub file lists one database a line: auto PATH, glass PATH, remote HOST:PORT or remote :PROGRAM ARGS"};
}

// "HOST:PORT", "[IPV6]:PORT" or ":PROGRAM ARGS", as Xapian's stub files write a remote shard.
Result<ShardAddress> remote_address(std::string_view where, const fs::path& stub, std::size_t line) {
  ShardAddress address;
  if (!where.empty() && where.front() == ':') {
    const std::string_view command = where.substr(1);
    const std::size_t space = command.find(' ');
    address.kind = ShardAddress::Kind::kProgram;
    address.program = std::string(command.substr(0, space));
    address.args = space == std::string_view::npos ? "" : std::string(command.substr(space + 1));
    address.name = std::string(command);
    if (address.program.empty()) return stub_error(stub, line, "'remote :' names no program");
    return address;
  }
  const std::size_t colon = where.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return stub_error(stub, line, "'remote " + std::string(where) + "' has no HOST:PORT");
  std::string_view host = where.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string_view port_text = where.substr(colon + 1);
  unsigned port = 0;
  const auto [end, failed] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (failed != std::errc() || end != port_text.data() + port_text.size() || port == 0 || port > 65535) {
    return stub_error(stub, line, "'" + std::string(port_text) + "' is not a port number");
  }
  address.kind = ShardAddress::Kind::kTcp;
  address.host = std::string(host);
  address.port = port;
  address.name = std::string(where);
  return address;
}

Result<std::vector<ShardAddress>> read_stub(const fs::path& stub) {
  std::ifstream in(stub);
  if (!in) return Error{ErrorKind::kDatabase, stub.string(), "", "cannot read the stub file", "check permissions"};
  std::vector<ShardAddress> shards;
  std::size_t number = 0;
  for (std::string text; std::getline(in, text);) {
    ++number;
    const std::string_view line = ascii_trim(text);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find_first_of(" \t");
    const std::string_view type = line.substr(0, space);
    const std::string_view where = space == std::string_view::npos ? std::string_view{} : ascii_trim(line.substr(space + 1));
    if (type == "remote") {
      auto address = remote_address(where, stub, number);
      if (!address) return address.error();
      shards.push_back(std::move(*address));
    } else if ((type == "auto" || type == "glass" || type == "chert") && !where.empty()) {
      ShardAddress address;
      address.path = stub.parent_path() / fs::path(std::string(where));
      address.name = address.path.string();
      shards.push_back(std::move(address));
    } else {
      return stub_error(stub, number, "'" + std::string(line) + "' names no database cs-search can read");
    }
  }
  if (shards.empty()) return stub_error(stub, number, "the stub file names no database");
  return shards;
}

}  // namespace

Result<std::vector<ShardAddress>> shards_of(const fs::path& db) {
  std::error_code ec;
  if (fs::is_regular_file(db, ec)) return read_stub(db);
  if (fs::is_regular_file(db / schema::kStubFile, ec)) return read_stub(db / schema::kStubFile);
  ShardAddress folder;
  folder.path = db;
  folder.name = db.string();
  return std::vector<ShardAddress>{std::move(folder)};
}

Xapian::Database open_shard(const ShardAddress& address, const ShardPolicy& policy) {
  const auto timeout = static_cast<useconds_t>(policy.timeout.count());
  switch (address.kind) {
    case ShardAddress::Kind::kTcp:
      return Xapian::Remote::open(address.host, address.port, timeout, timeout);
    case ShardAddress::Kind::kProgram:
      return Xapian::Remote::open(address.program, address.args, timeout);
    case ShardAddress::Kind::kLocal:
      break;
  }
  return Xapian::Database(address.path.string());
}

}  // namespace cs::searcher
