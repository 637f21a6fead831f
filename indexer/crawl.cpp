#include "indexer/crawl.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "indexer/ignore_rules.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

// The .csignore files that apply to an entry: its folder's and each one's above it up to
// the root, deepest last. The walk is depth first, so the chain follows it as a stack.
class IgnoreScopes {
 public:
  IgnoreScopes(const fs::path& root, const std::function<void(const Error&)>& report) : report_(report) {
    scopes_.push_back({root, IgnoreRules::read(root, report_)});
  }

  // True when the deepest file with a pattern matching `path` leaves it out (git's order:
  // a deeper file's patterns win over a shallower one's, and within a file the last match).
  bool ignored(const fs::path& path, bool is_folder) {
    enter(path.parent_path());
    for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
      if (scope->rules.empty()) continue;
      const std::string relative = path.lexically_relative(scope->folder).generic_string();
      const IgnoreVerdict verdict = scope->rules.match(relative, is_folder);
      if (verdict != IgnoreVerdict::kNoMatch) return verdict == IgnoreVerdict::kIgnore;
    }
    return false;
  }

 private:
  struct Scope {
    fs::path folder;
    IgnoreRules rules;
  };

  void enter(const fs::path& folder) {
    while (scopes_.size() > 1 && scopes_.back().folder != folder && !is_inside(folder, scopes_.back().folder)) {
      scopes_.pop_back();
    }
    if (scopes_.back().folder != folder) scopes_.push_back({folder, IgnoreRules::read(folder, report_)});
  }

  const std::function<void(const Error&)>& report_;
  std::vector<Scope> scopes_;  // from the root down
};

// A cs-search database (its marker), or a Xapian one (its version file and a table, or a
// stub beside a shard), inside a folder being indexed: its files are no articles.
bool is_database_folder(const fs::path& folder) {
  std::error_code ec;
  const auto file = [&](const fs::path& path) { return fs::is_regular_file(path, ec); };
  return file(folder / kDatabaseMarker) || (file(folder / "iamglass") && file(folder / "postlist.glass")) ||
         (file(folder / kStubFile) && file(folder / "shard-1" / "iamglass"));
}

// The folder a browser's "Save Page As..., complete" writes beside the page ("Story.html" and
// "Story_files/"): the page's images, scripts and style sheets, and its ads' and embeds'
// frames as HTML files of their own, none of them an article.
bool is_saved_page_resources(const fs::path& folder) {
  constexpr std::string_view kSuffix = "_files";
  const std::string name = folder.filename().string();
  if (name.size() <= kSuffix.size() || !name.ends_with(kSuffix)) return false;
  const fs::path page = folder.parent_path() / name.substr(0, name.size() - kSuffix.size());
  std::error_code ec;
  for (const char* extension : {".html", ".htm", ".xhtml", ".shtml"}) {
    if (fs::is_regular_file(fs::path(page).concat(extension), ec)) return true;
  }
  return false;
}

// False when the folder itself could not be opened.
bool walk_folder(const fs::path& root, std::vector<CrawlEntry>& out, const std::function<void(const Error&)>& report,
                 std::vector<fs::path>& unreadable) {
  IgnoreScopes ignore(root, report);
  const auto shared_root = std::make_shared<const fs::path>(root);
  std::error_code ec;
  const fs::path real_root = fs::canonical(root, ec);
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    report(Error{ErrorKind::kIo, root.string(), "", "cannot read folder (" + ec.message() + ")", "skipped"});
    return false;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      report(Error{ErrorKind::kIo, it->path().string(), "", "cannot read (" + ec.message() + ")", "skipped"});
      ec.clear();
      continue;
    }
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (name.starts_with(".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    const std::string relative = path.lexically_relative(root).generic_string();
    const bool is_folder = it->is_directory(ec);
    if (ignore.ignored(path, is_folder)) {
      if (is_folder) it.disable_recursion_pending();
      continue;
    }
    if (it->is_symlink(ec)) {
      if (it->is_directory(ec)) {  // never followed: no loops, no walking out of the root
        it.disable_recursion_pending();
        continue;
      }
      // A link to a file is followed only when the file is inside the root too.
      const fs::path target = fs::canonical(path, ec);
      if (ec || !is_inside(target, real_root)) {
        ec.clear();
        continue;
      }
    }
    if (it->is_directory(ec)) {
      // The walk skips a folder it may not open (one bad folder must not end it), so say so.
      if (::access(path.c_str(), R_OK | X_OK) != 0) {
        report(Error{ErrorKind::kIo, path.string(), "", "cannot read folder (" + std::string(std::strerror(errno)) + ")",
                     "skipped; its articles indexed before are kept"});
        unreadable.push_back(path);
        it.disable_recursion_pending();
      } else if (is_database_folder(path) || is_saved_page_resources(path)) {
        it.disable_recursion_pending();  // a database (this one, say) holds no articles
      }
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    out.push_back(CrawlEntry{shared_root, relative, it->file_size(ec), false});
  }
  return true;
}

}  // namespace

bool is_inside(const fs::path& path, const fs::path& folder) {
  const auto [folder_end, path_at] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return folder_end == folder.end() && path_at != path.end();
}

std::vector<CrawlEntry> crawl(const std::vector<fs::path>& roots, const std::function<void(const Error&)>& report,
                              CrawledFolders* folders) {
  std::vector<CrawlEntry> files;
  CrawledFolders ignored;
  CrawledFolders& found_folders = folders != nullptr ? *folders : ignored;
  for (const fs::path& given : roots) {
    std::error_code ec;
    const fs::file_status status = fs::status(given, ec);
    if (ec || !fs::exists(status)) {
      report(Error{ErrorKind::kIo, given.string(), "", "no such file or folder", "check the path"});
      continue;
    }
    fs::path absolute = fs::absolute(given, ec).lexically_normal();
    if (absolute.filename().empty()) absolute = absolute.parent_path();  // "corpus/" -> "corpus"
    if (fs::is_directory(status)) {
      std::vector<CrawlEntry> found;
      if (walk_folder(absolute, found, report, found_folders.unreadable)) found_folders.walked.push_back(absolute);
      std::sort(found.begin(), found.end(),
                [](const CrawlEntry& a, const CrawlEntry& b) { return a.relative_path < b.relative_path; });
      files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    } else if (fs::is_regular_file(status)) {
      files.push_back(CrawlEntry{std::make_shared<const fs::path>(absolute.parent_path()), absolute.filename().string(),
                                 fs::file_size(absolute, ec), true});
    } else {
      report(Error{ErrorKind::kInput, given.string(), "", "not a regular file or folder", "skipped"});
    }
  }
  return files;
}

Crawled crawl_roots(const std::vector<fs::path>& roots, const std::function<void(const Error&)>& report) {
  Crawled crawled;
  crawled.entries = crawl(roots, [&](const Error& error) {
    ++crawled.unreadable_paths;
    report(error);
  }, &crawled.folders);
  return crawled;
}

}  // namespace cs::indexer
