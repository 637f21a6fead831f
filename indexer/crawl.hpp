// Turns the paths given to cs-index into the files to read, in a stable order.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace cs::indexer {

// A file to read. A run holds one for every file it looks at, in several lists at once (the
// crawl's, a part's): the folder is shared by the files under it and the whole path made
// when asked for, where two std::filesystem::path members, their components each a path of
// its own, took 1 KB a file (16 MB at news 10x, each list).
struct CrawlEntry {
  std::shared_ptr<const std::filesystem::path> root_folder;  // the folder its id is relative to
  std::string relative_path;  // '/'-separated, relative to the root
  std::uintmax_t size = 0;
  bool named = false;  // given on the command line itself, not found in a folder

  const std::filesystem::path& root() const { return *root_folder; }
  std::filesystem::path path() const { return root() / relative_path; }  // the file
};

// What a crawl learnt about folders, for telling a file that is gone from one not looked at.
struct CrawledFolders {
  // Each folder root that was walked (absolute): files indexed from under them before and
  // not found now are gone.
  std::vector<std::filesystem::path> walked;
  // Folders under them that could not be listed: their files were not looked at, not gone.
  std::vector<std::filesystem::path> unreadable;
};

// Files under each root, sorted by relative path. Folders are walked recursively; hidden
// files and folders (".name"), database folders (cs-search's, or Xapian's), the "Page_files"
// folder a browser saves beside "Page.html", symbolic links
// to folders, and links to files outside the root are not followed; paths matching the
// .csignore files of the root and of the folders below it are left out, as git reads
// .gitignore files (ignore_rules.hpp; a deeper file's patterns win). A file
// given directly has its parent folder as root. Missing or unreadable paths, folders
// included, are reported to `report` and skipped; `folders`, when given, is filled.
std::vector<CrawlEntry> crawl(const std::vector<std::filesystem::path>& roots,
                              const std::function<void(const Error&)>& report, CrawledFolders* folders = nullptr);

// The files a run looks at, found once for all its parts.
struct Crawled {
  std::vector<CrawlEntry> entries;
  CrawledFolders folders;
  std::size_t unreadable_paths = 0;
};

// crawl(), with what it found kept together and the unreadable paths counted as they are
// reported to `report`.
Crawled crawl_roots(const std::vector<std::filesystem::path>& roots, const std::function<void(const Error&)>& report);

// True when `path` lies below `folder` (both absolute and normalised), compared by path
// components: "/a/bc" is not inside "/a/b".
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& folder);

}  // namespace cs::indexer
