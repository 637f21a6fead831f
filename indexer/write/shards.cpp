#include "indexer/write/shards.hpp"

#include <xapian.h>
#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/schema.hpp"
#include "common/spelling_table.hpp"
#include "indexer/write/db_folder.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kShardFolderPrefix = "shard-";

Error layout_error(const fs::path& db, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, db.string(), "", std::move(reason), std::move(hint)};
}

// Keeps the first value of a metadata key the parts share, except the stemmers in use (a
// merged database was stemmed with every part's) and the spelling table's buckets (each
// word's counts are summed). Two parts' dictionaries of one id but other
// bytes (ids are hashes of the bytes: a chance of about 2^-31) would decode one part's
// texts with the other's dictionary, as other text: the merge is refused instead.
class MetadataJoiner : public Xapian::Compactor {
 public:
  std::string resolve_duplicate_metadata(const std::string& key, size_t num_tags, const std::string tags[]) override {
    // Xapian passes the key as stored, after a prefix of its own.
    if (spelling_table::is_bucket_key(key)) {
      std::vector<std::string> lines;
      for (size_t i = 0; i < num_tags; ++i) lines.push_back(spelling_table::bucket_lines(tags[i]));
      return spelling_table::stored_bucket(spelling_table::merge({lines.begin(), lines.end()}));
    }
    if (key.find(schema::kDictionaryPrefix) != std::string::npos) {
      for (size_t i = 1; i < num_tags; ++i) clashing_dictionaries_ |= tags[i] != tags[0];
      return tags[0];
    }
    const std::string_view wanted = schema::kStemLanguagesKey;
    if (key.size() < wanted.size() || key.compare(key.size() - wanted.size(), wanted.size(), wanted) != 0) return tags[0];
    std::set<std::string> languages;
    for (size_t i = 0; i < num_tags; ++i) {
      for (std::string& language : schema::split_list(tags[i])) languages.insert(std::move(language));
    }
    return schema::join_list(std::vector<std::string>(languages.begin(), languages.end()));
  }
  bool clashing_dictionaries() const { return clashing_dictionaries_; }

 private:
  bool clashing_dictionaries_ = false;
};

}  // namespace

bool is_shard_folder_name(std::string_view name) {
  return name.size() > kShardFolderPrefix.size() && name.starts_with(kShardFolderPrefix) &&
         name.find_first_not_of("0123456789", kShardFolderPrefix.size()) == std::string_view::npos;
}

bool is_sharded(const fs::path& db) {
  std::error_code ec;
  return fs::is_regular_file(db / kStubFile, ec);
}

Result<std::vector<fs::path>> shard_paths(const fs::path& db) {
  std::ifstream stub(db / kStubFile);
  if (!stub) return layout_error(db, "cannot read its stub file " + std::string(kStubFile), "check permissions");
  std::vector<fs::path> shards;
  std::string line;
  while (std::getline(stub, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string backend, name;
    words >> backend >> name;
    const bool own_shard = backend == "auto" && is_shard_folder_name(name);
    if (!own_shard) {
      return layout_error(db, "stub file line '" + line + "' is not one of cs-index's shards",
                          "cs-index writes only the shard folders it made; index into each database on its own");
    }
    shards.push_back(db / name);
  }
  if (shards.empty()) return layout_error(db, "stub file names no shards", "run cs-index --rebuild --shards N");
  return shards;
}

Result<std::vector<fs::path>> create_shards(const fs::path& db, std::size_t shards) {
  if (!holds_only_marker(db)) {
    return layout_error(db, "folder is not empty", "pass --db with a new or empty folder, or use --rebuild");
  }
  std::vector<fs::path> paths;
  std::ofstream stub(db / kStubFile, std::ios::trunc);
  stub << "# The shards of one cs-search database (a Xapian stub file); written by cs-index --shards.\n";
  for (std::size_t i = 1; i <= shards; ++i) {
    const std::string name = std::string(kShardFolderPrefix) + std::to_string(i);
    stub << "auto " << name << '\n';
    paths.push_back(db / name);
  }
  stub.close();
  if (!stub) return layout_error(db, "cannot write its stub file " + std::string(kStubFile), "check free disk space");
  return paths;
}

std::size_t shard_of(const std::string& relative_path, std::size_t shards) {
  return shards <= 1 ? 0 : static_cast<std::size_t>(XXH3_64bits(relative_path.data(), relative_path.size()) % shards);
}

Status merge_databases(const std::vector<fs::path>& parts, const fs::path& dest) {
  try {
    Xapian::Database sources;
    for (const fs::path& part : parts) sources.add_database(Xapian::Database(part.string()));
    MetadataJoiner joiner;
    sources.compact(dest.string(), 0, 0, joiner);
    if (joiner.clashing_dictionaries()) {
      return layout_error(dest, "cannot merge the parts of a parallel build (two parts trained different dictionaries of one id)",
                          "run cs-index --rebuild --jobs 1");
    }
    return ok_status();
  } catch (const Xapian::Error& e) {
    return layout_error(dest, "cannot merge the parts of a parallel build (" + e.get_description() + ")",
                        "check free disk space, or run with --jobs 1");
  }
}

}  // namespace cs::indexer
