// Runs a fuzz target's LLVMFuzzerTestOneInput on given inputs without libFuzzer, so a build
// with any compiler replays the seed corpus as a test. Each argument is a file (one input) or
// a folder (each file under it, in name order); arguments starting with '-' are libFuzzer
// options and are ignored. A failed check aborts, which fails the test; "replay.cpp: ran N
// inputs" and status 0 otherwise. The input is named on standard error before it runs, so
// the last name is the one that failed.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  std::vector<fs::path> inputs;
  for (int i = 1; i < argc; ++i) {
    const fs::path given = argv[i];
    if (argv[i][0] == '-') continue;
    if (fs::is_directory(given)) {
      std::vector<fs::path> found;
      for (const auto& entry : fs::recursive_directory_iterator(given)) {
        if (entry.is_regular_file()) found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      inputs.insert(inputs.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(given)) {
      inputs.push_back(given);
    } else {
      std::fprintf(stderr, "replay: %s: no such file or folder\n", given.c_str());
      return 2;
    }
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "replay: no inputs given\n");
    return 2;
  }
  for (const fs::path& input : inputs) {
    std::fprintf(stderr, "replay: %s\n", input.c_str());
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  std::fprintf(stderr, "replay: ran %zu inputs\n", inputs.size());
  return 0;
}
