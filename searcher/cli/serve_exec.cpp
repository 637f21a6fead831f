// cs-search's --serve, without the server. cpp-httplib, and OpenSSL and brotli with it, took
// 28% of a one-query command (loading and relocating them, and OpenSSL's initialisation,
// which cpp-httplib runs as it loads), so cs-search does not link them (issue 23). --serve
// runs cs-search-serve, the same program with the server linked in (searcher/CMakeLists.txt),
// with the same arguments and in the same process: the pid, standard streams, signals and
// exit status are those of cs-search.
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "common/exit_codes.hpp"
#include "searcher/cli/serve_command.hpp"

namespace cs::searcher {

int serve_until_signalled(ServeOptions, const std::function<void(const Error&, const char*)>& print) {
  // This process's arguments, which cs-search-serve reads again.
  std::ifstream cmdline("/proc/self/cmdline", std::ios::binary);
  const std::string all{std::istreambuf_iterator<char>(cmdline), std::istreambuf_iterator<char>()};
  std::vector<std::string> args;
  for (std::size_t at = 0; at < all.size();) {
    const std::size_t end = std::min(all.find('\0', at), all.size());
    args.push_back(all.substr(at, end - at));
    at = end + 1;
  }
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::cout.flush();
  // Next to cs-search in a build tree; in libexec when installed.
  std::error_code ignored;
  const std::filesystem::path here = std::filesystem::read_symlink("/proc/self/exe", ignored).parent_path();
  const std::filesystem::path installed = (here / CS_SERVE_PROGRAM_FROM_BINDIR).lexically_normal();
  int error = ENOENT;
  for (const std::filesystem::path& program : {here / "cs-search-serve", installed}) {
    ::execv(program.c_str(), argv.data());
    if (errno != ENOENT) error = errno;
  }
  print(Error{ErrorKind::kIo, installed.string(), "", std::string("cannot run the server: ") + std::strerror(error),
              "cs-search --serve runs cs-search-serve; reinstall cs-search"},
        "error");
  return exit_code::kError;
}

}  // namespace cs::searcher
