#include "support/indexed_once.hpp"

#include <stdexcept>

namespace cs::test {

IndexedCorpus::IndexedCorpus(const std::function<std::filesystem::path(const std::filesystem::path&)>& make,
                             const std::vector<DatabaseSpec>& databases)
    : corpus_(make(dir_.path())) {
  for (const DatabaseSpec& database : databases) {
    std::vector<std::string> args = {"--db", db(database.name)};
    args.insert(args.end(), database.options.begin(), database.options.end());
    args.push_back(corpus_.string());
    runs_[database.name] = run_cli(cs_index_binary(), args);
  }
}

std::string IndexedCorpus::db(const std::string& name) const { return (dir_ / name).string(); }

const CliResult& IndexedCorpus::index_run(const std::string& name) const {
  const auto run = runs_.find(name);
  if (run == runs_.end()) throw std::logic_error("no database '" + name + "' was built for this suite");
  return run->second;
}

}  // namespace cs::test
