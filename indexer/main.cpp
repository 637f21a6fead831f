// cs-index: reads article files into a cs-search database. Options in, summary out.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <map>
#include <string>

#include "common/command_line.hpp"
#include "common/db_location.hpp"
#include "common/exception_error.hpp"
#include "common/exit_codes.hpp"
#include "common/plural.hpp"
#include "common/terminal.hpp"
#include "indexer/index_run.hpp"
#include "indexer/manual.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

// The corpus shipped with cs-search: share/cs-search/corpus beside the bin/ this program
// was installed in, else (run from a build folder) the source tree's.
fs::path bundled_corpus(const char* argv0) {
  std::error_code ec;
  const fs::path exe = fs::canonical("/proc/self/exe", ec);
  const fs::path installed =
      ((ec ? fs::path(argv0) : exe).parent_path() / ".." / "share" / "cs-search" / "corpus").lexically_normal();
  if (fs::is_directory(installed, ec) || !fs::is_directory(CS_SOURCE_CORPUS_DIR, ec)) return installed;
  return CS_SOURCE_CORPUS_DIR;
}

constexpr double kEtaAfterSeconds = 2;
constexpr double kEtaAfterShare = 20;  // 1/20 of the bytes

// Progress on standard error, redrawn in place at most five times a second; erased before a
// warning is printed and at the end, so warnings and the summary stay readable.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled), started_(Clock::now()) {}

  void update(const cs::indexer::IndexProgress& p) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(200) && p.files_done < p.files_total) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double mb_done = static_cast<double>(p.bytes_done) / (1024.0 * 1024.0);
    const double mb_total = static_cast<double>(p.bytes_total) / (1024.0 * 1024.0);
    const double rate = seconds > 0 ? mb_done / seconds : 0;
    // The first moments (opening the database, the first files' start-up) say little of the
    // rate: no estimate before two seconds and a twentieth of the bytes.
    std::string eta = "";
    if (rate > 0 && seconds >= kEtaAfterSeconds && mb_done * kEtaAfterShare >= mb_total) {
      eta = ", ETA " + std::to_string(static_cast<long>((mb_total - mb_done) / rate + 0.5)) + " s";
    }
    std::fprintf(stderr, "\r\033[Kcs-index: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s%s", p.files_done, p.files_total,
                 mb_done, mb_total, rate, eta.c_str());
    std::fflush(stderr);
    shown_ = true;
  }

  void erase() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point started_;
  Clock::time_point last_;
};

void print_summary(const cs::indexer::IndexSummary& s, const fs::path& db, std::size_t warnings, bool rebuilt) {
  using cs::count_of;
  const double mb = static_cast<double>(s.bytes) / (1024.0 * 1024.0);
  std::printf("cs-index: %s: %zu read, %zu unchanged, %zu skipped (bad input), %zu ignored (not articles)\n",
              count_of(s.files, "file", "files").c_str(), s.read, s.unchanged_files, s.skipped, s.ignored);
  if (s.reread > 0) {
    std::printf("cs-index: %s read again (indexed by an earlier cs-index, which read files otherwise)\n",
                count_of(s.reread, "file", "files").c_str());
  }
  std::printf("cs-index: articles added %zu, updated %zu, removed %zu, unchanged %zu; %s written\n", s.added,
              s.updated, s.removed, s.unchanged, count_of(s.passages, "passage", "passages").c_str());
  std::printf("cs-index: %.2f MB read in %.2f s (%.1f MB/s); %s\n", mb, s.seconds,
              s.seconds > 0 ? mb / s.seconds : 0.0, count_of(warnings, "warning", "warnings").c_str());
  if (s.repeated_lines > 0) {
    std::printf("cs-index: %s left out (repeated across articles of one source; --verbose lists them)\n",
                count_of(s.repeated_lines, "site line", "site lines").c_str());
  }
  if (s.bytes_compacted > 0) {
    std::printf("cs-index: database compacted from %.1f MB to %.1f MB\n", static_cast<double>(s.bytes_before_compaction) / 1048576.0,
                static_cast<double>(s.bytes_compacted) / 1048576.0);
  }
  std::printf("cs-index: database %s %s %s\n", cs::terminal::sanitize_line(db.string()).c_str(),
              rebuilt ? "rebuilt and swapped in; it holds" : "holds", count_of(s.db_articles, "article", "articles").c_str());
}

}  // namespace

int main(int argc, char** argv) try {
  // A write past the file size limit (ulimit -f) then fails like a full disk, with a clear
  // error and the last commit intact, instead of killing cs-index mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  cs::CommandLine command_line(cs::indexer::cs_index_manual());
  std::string db_option;
  double max_file_mb = 64;
  double batch_mb = 1;
  unsigned jobs = 0;
  std::size_t shards = 0;
  double max_article_mb = 2;
  command_line.add_options()
      ("db,d", po::value(&db_option)->value_name("DIR"), "database folder to write")
      ("rebuild", "index everything into a fresh database and swap it in when complete")
      ("compact", "compact the database after the run, whatever it grew by (a run compacts it anyway when it has grown by a quarter, and by at least 256 KB)")
      ("max-file-size", po::value(&max_file_mb)->value_name("MB")->default_value(64),
       "skip files larger than this")
      ("max-article-size", po::value(&max_article_mb)->value_name("MB")->default_value(2),
       "cut an article's text at this size, to bound memory")
      ("jobs,j", po::value(&jobs)->value_name("N"),
       "index with N threads (default: one per core); a first run or --rebuild builds a single database in N parts and merges them")
      ("shards", po::value(&shards)->value_name("N"),
       "write N shard databases under --db, a thread each (a new database, or with --rebuild)")
      ("batch-mb", po::value(&batch_mb)->value_name("MB")->default_value(1),
       "commit after this much text, to bound memory; a killed run keeps every earlier commit")
      ("quiet,q", "print no progress and no summary, only warnings and errors")
      ("verbose,v", "also name each file added, updated or removed, each article whose text is in another language than it declares, and each site line left out");
  if (const auto exit_now = command_line.parse(argc, argv)) return *exit_now;
  if (!(max_file_mb > 0) || !(batch_mb > 0) || !(max_article_mb > 0)) {
    return command_line.usage_error("--max-file-size, --max-article-size and --batch-mb must be positive");
  }
  if (command_line.given("jobs") && (jobs < 1 || jobs > 256)) return command_line.usage_error("--jobs takes 1 to 256");
  if (command_line.given("shards") && (shards < 1 || shards > 256)) return command_line.usage_error("--shards takes 1 to 256");
  const bool quiet = command_line.given("quiet");
  const bool verbose = command_line.given("verbose") && !quiet;

  cs::indexer::IndexOptions options;
  options.db = cs::resolve_db_path(db_option);
  options.max_file_bytes = static_cast<std::uintmax_t>(max_file_mb * 1024 * 1024);
  options.batch_bytes = static_cast<std::size_t>(batch_mb * 1024 * 1024);
  options.jobs = jobs;
  options.shards = shards;
  options.compact = command_line.given("compact");
  options.max_article_bytes = static_cast<std::size_t>(max_article_mb * 1024 * 1024);
  for (const auto& path : command_line.operands()) options.roots.emplace_back(path);
  if (options.roots.empty()) {
    options.roots.push_back(bundled_corpus(argv[0]));
  }

  ProgressLine progress(!quiet && cs::terminal::is_terminal(2));
  std::size_t warnings = 0;
  cs::indexer::IndexReport report;
  report.warn = [&](const cs::Error& issue) {
    ++warnings;
    progress.erase();
    command_line.print(issue, "warning");
  };
  report.progress = [&](const cs::indexer::IndexProgress& p) { progress.update(p); };
  std::map<std::pair<std::string, std::string>, std::size_t> site_lines;  // (source, line): articles
  if (verbose) {
    report.file_done = [&](std::string_view action, const std::string& path, std::size_t articles) {
      progress.erase();
      std::printf("cs-index: %.*s %s (%s)\n", static_cast<int>(action.size()), action.data(),
                  cs::terminal::sanitize_line(path).c_str(), cs::count_of(articles, "article", "articles").c_str());
    };
    // Gathered over the batches and parts of the run, and listed once before the summary.
    report.site_line_dropped = [&](const std::string& source, const std::string& line, std::size_t articles) {
      site_lines[{source, line}] += articles;
    };
    report.language_overridden = [&](const std::string& path, const std::string& declared, const std::string& detected) {
      progress.erase();
      std::printf("cs-index: %s: declares %s, text is %s: indexed as %s\n", cs::terminal::sanitize_line(path).c_str(),
                  cs::terminal::sanitize_line(declared).c_str(), detected.c_str(), detected.c_str());
    };
  }
  const bool rebuild = command_line.given("rebuild");
  const auto summary = rebuild ? cs::indexer::rebuild_index(options, report) : cs::indexer::run_index(options, report);
  progress.erase();
  for (const auto& [where, articles] : site_lines) {
    std::printf("cs-index: site line of %s left out of %s: %s\n", cs::terminal::sanitize_line(where.first).c_str(),
                cs::count_of(articles, "article", "articles").c_str(), cs::terminal::sanitize_line(where.second).c_str());
  }
  if (!summary) {
    command_line.print(summary.error());
    return cs::exit_code::kError;
  }
  if (!quiet) print_summary(*summary, options.db, warnings, rebuild);
  // Like grep and ripgrep: a path that could not be read fails the run, after the rest indexed.
  return summary->unreadable_paths > 0 ? cs::exit_code::kError : cs::exit_code::kSuccess;
} catch (...) {  // ICU without its data, out of memory, a Xapian or file system error no part caught
  return cs::report_uncaught_exception("cs-index");
}
