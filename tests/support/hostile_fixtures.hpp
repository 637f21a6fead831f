// The hostile corpus that tests/cli/cs_index_hostile_cli_test.cpp indexes: the small files
// committed in tests/fixtures/hostile/, and the large ones, each one pattern repeated, that are
// written here at test time instead of being committed (the README there lists them).
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace cs::test {

// The generated files of the hostile corpus, by name, with their bytes: the same bytes the
// repository once held under those names.
std::map<std::string, std::string> generated_hostile_files();

// Copies tests/fixtures/hostile/ to `folder` (which must not exist) and writes the generated
// files beside the committed ones; returns `folder`.
std::filesystem::path write_hostile_corpus(const std::filesystem::path& folder);

}  // namespace cs::test
