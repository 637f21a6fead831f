#include "searcher/retrieve/open_database.hpp"

#include <sys/stat.h>

#include <set>

#include "common/schema.hpp"

namespace cs::searcher {

namespace fs = std::filesystem;

namespace {

StemLanguages united_stem_languages(const Xapian::Database& all, std::vector<Xapian::Database>& parts) {
  try {
    std::set<std::string> languages;
    for (Xapian::Database& part : parts) {
      for (std::string& language : schema::split_list(part.get_metadata(std::string(schema::kStemLanguagesKey)))) {
        languages.insert(std::move(language));
      }
    }
    return StemLanguages::read(all, {languages.begin(), languages.end()});
  } catch (const Xapian::Error&) {
    return {};  // queries fall back to the analyzer's language; the search reports the error
  }
}

// The device and inode of what is at `path` now; zeros when nothing is.
std::pair<std::uintmax_t, std::uintmax_t> identity_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return {0, 0};
  return {static_cast<std::uintmax_t>(info.st_dev), static_cast<std::uintmax_t>(info.st_ino)};
}

}  // namespace

Status Databases::catch_up() {
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (identity_of(paths[i]) == identities[i]) continue;
    auto fresh = open_databases(paths);  // another database now lies there: start over
    if (!fresh) return fresh.error();
    *this = std::move(*fresh);
    return ok_status();
  }
  try {
    bool changed = all.reopen();
    for (Xapian::Database& part : parts) changed = part.reopen() || changed;
    if (changed) stem_languages = united_stem_languages(all, parts);
  } catch (const Xapian::Error& e) {
    return database_error(names, "cannot reopen the database (" + e.get_description() + ")", "try again");
  }
  return ok_status();
}

Error database_error(const fs::path& path, std::string reason, std::string hint) {
  return Error{ErrorKind::kDatabase, path.string(), "", std::move(reason), std::move(hint)};
}

void Databases::reopen() {
  all.reopen();
  for (Xapian::Database& part : parts) part.reopen();
  stem_languages = united_stem_languages(all, parts);
}

Result<Databases> open_databases(const std::vector<fs::path>& paths) {
  Databases databases;
  std::string names;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return database_error(path, "no database here", "run cs-index first, or pass --db DIR (or set CS_DB)");
    }
    try {
      Xapian::Database db(path.string());
      const std::string schema = db.get_metadata(std::string(schema::kSchemaVersionKey));
      if (schema != schema::kSchemaVersion) {
        return database_error(path, schema.empty() ? "not a cs-search database" : "written by an incompatible cs-index",
                              "run cs-index to build one, or pass --db DIR");
      }
      databases.all.add_database(db);
      databases.parts.push_back(std::move(db));
      databases.paths.push_back(path);
      databases.identities.push_back(identity_of(path));
    } catch (const Xapian::DatabaseOpeningError& e) {
      return database_error(path, "not a cs-search database (" + e.get_msg() + ")",
                            "run cs-index first, or pass --db DIR (or set CS_DB)");
    } catch (const Xapian::NetworkError& e) {
      return database_error(path, "cannot reach a remote shard (" + e.get_msg() + ")",
                            "check that xapian-tcpsrv runs at the address its stub file names");
    } catch (const Xapian::Error& e) {
      return database_error(path, "cannot open database (" + e.get_description() + ")", "check permissions");
    }
    names += (names.empty() ? "" : ", ") + path.string();
  }
  databases.names = names;
  databases.stem_languages = united_stem_languages(databases.all, databases.parts);
  return databases;
}

}  // namespace cs::searcher
