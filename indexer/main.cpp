// cs-index: reads article files into a cs-search database. Options in, summary out.
#include <cstdio>

#include "common/command_line.hpp"
#include "common/db_location.hpp"
#include "common/exit_codes.hpp"
#include "common/terminal.hpp"
#include "indexer/index_run.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kProgram = "cs-index";

constexpr const char* kUsage = R"(Usage: cs-index [OPTIONS] [PATH...]

Index articles into a cs-search database. PATHs are files or folders (walked recursively);
with none, the bundled corpus is indexed. Re-running replaces each article by its id.

Formats: .txt/.text (plain text, one paragraph per line), .md/.markdown (with optional YAML
front matter), .html/.htm (the page's main content and metadata), .rss/.atom/.xml (RSS and
Atom feeds, one article per item), .json (an object, an array of objects, or {"articles": [...]}) and
.jsonl/.ndjson (one object per line). Record fields: id, title, text|body|content,
excerpt|summary|description, date|published|publishedDateTime, url, source|provider (a
string or {name}), author|authors, lang, topics|tags. Files with no extension are sniffed. Names listed in a folder's .csignore file
(shell patterns) and hidden files are not indexed.

Database: --db DIR, else $CS_DB, else $XDG_DATA_HOME/cs-search/db, else
~/.local/share/cs-search/db (cs-search looks in the same place).

Exit status: 0 the run completed (bad files are warned about, counted and skipped),
2 usage error, a PATH that does not exist or cannot be read (the rest is still indexed), or
the database could not be written (locked, not a database, disk full).
)";

// The corpus shipped with cs-search: the source tree's when run from a build folder, else
// the installed share/cs-search/corpus next to bin/.
fs::path bundled_corpus(const char* argv0) {
  std::error_code ec;
  if (fs::is_directory(CS_SOURCE_CORPUS_DIR, ec)) return CS_SOURCE_CORPUS_DIR;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  const fs::path installed = (ec ? fs::path(argv0) : exe).parent_path() / ".." / "share" / "cs-search" / "corpus";
  return installed.lexically_normal();
}

}  // namespace

int main(int argc, char** argv) {
  cs::CommandLine command_line(kProgram, kUsage);
  std::string db_option;
  double max_file_mb = 64;
  double batch_mb = 8;
  command_line.add_options()
      ("db,d", po::value(&db_option)->value_name("DIR"), "database folder to write")
      ("max-file-size", po::value(&max_file_mb)->value_name("MB")->default_value(64),
       "skip files larger than this")
      ("batch-mb", po::value(&batch_mb)->value_name("MB")->default_value(8),
       "commit after this much text (bounds memory; a killed run keeps every earlier commit)")
      ("quiet,q", "print no summary");
  if (const auto exit_now = command_line.parse(argc, argv)) return *exit_now;
  if (!(max_file_mb > 0) || !(batch_mb > 0)) return command_line.usage_error("--max-file-size and --batch-mb must be positive");

  cs::indexer::IndexOptions options;
  options.db = cs::resolve_db_path(db_option);
  options.max_file_bytes = static_cast<std::uintmax_t>(max_file_mb * 1024 * 1024);
  options.batch_bytes = static_cast<std::size_t>(batch_mb * 1024 * 1024);
  for (const auto& path : command_line.operands()) options.roots.emplace_back(path);
  if (options.roots.empty()) {
    options.roots.push_back(bundled_corpus(argv[0]));
  }

  std::size_t warnings = 0;
  const auto summary = cs::indexer::run_index(options, [&](const cs::Error& issue) {
    ++warnings;
    command_line.print(issue, "warning");
  });
  if (!summary) {
    command_line.print(summary.error());
    return cs::exit_code::kError;
  }
  if (!command_line.given("quiet")) {
    const auto& s = *summary;
    const double mb = static_cast<double>(s.bytes) / (1024.0 * 1024.0);
    std::printf("cs-index: %zu files: %zu indexed, %zu skipped (bad input), %zu ignored (not articles)\n",
                s.files, s.indexed, s.skipped, s.ignored);
    std::printf("cs-index: %zu articles, %zu passages, %.2f MB in %.2f s (%.1f MB/s); %zu warnings\n",
                s.articles, s.passages, mb, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0, warnings);
    if (s.repeated_lines > 0) {
      std::printf("cs-index: %zu site lines left out (repeated across articles of one source)\n", s.repeated_lines);
    }
    std::printf("cs-index: database %s holds %llu passages\n",
                cs::terminal::sanitize_line(options.db.string()).c_str(),
                static_cast<unsigned long long>(s.db_passages));
  }
  // Like grep and ripgrep: a path that could not be read fails the run, after the rest indexed.
  return summary->unreadable_paths > 0 ? cs::exit_code::kError : cs::exit_code::kSuccess;
}
