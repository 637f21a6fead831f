#include "indexer/write/parallel_parts.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "common/failpoint.hpp"
#include "common/threads.hpp"
#include "indexer/analyse/stories.hpp"
#include "indexer/write/compaction.hpp"
#include "indexer/write/db_folder.hpp"
#include "indexer/write/duplicate_ids.hpp"
#include "indexer/write/file_states.hpp"
#include "indexer/write/incremental_run.hpp"
#include "indexer/write/shards.hpp"

namespace cs::indexer {

namespace fs = std::filesystem;

namespace {

IndexSummary& operator+=(IndexSummary& total, const IndexSummary& part) {
  total.files += part.files;
  total.read += part.read;
  total.unchanged_files += part.unchanged_files;
  total.reread += part.reread;
  total.skipped += part.skipped;
  total.ignored += part.ignored;
  total.added += part.added;
  total.updated += part.updated;
  total.removed += part.removed;
  total.unchanged += part.unchanged;
  total.passages += part.passages;
  total.repeated_lines += part.repeated_lines;
  total.bytes += part.bytes;
  return total;
}

// One database of a run and the files that go to it.
struct Part {
  std::unique_ptr<DbWriter> writer;
  std::vector<CrawlEntry> entries;
};

Result<std::vector<Part>> open_parts(const std::vector<fs::path>& paths, Durability durability) {
  std::vector<Part> parts;
  for (const fs::path& path : paths) {
    auto writer = DbWriter::open(path, durability);
    if (!writer) return writer.error();
    parts.push_back(Part{std::move(*writer), {}});
  }
  return parts;
}

// Indexes each part's files into its database, up to `jobs` parts at once, one thread each;
// the caller's report is called by one thread at a time, its progress summed over the parts.
Result<IndexSummary> index_parts(const IndexOptions& options, const IndexReport& report, std::vector<Part>& parts,
                                 const Crawled& crawled, unsigned jobs) {
  SharedStories stories;
  SharedDictionaries dictionaries;
  for (Part& part : parts) {
    try {
      stories.load(part.writer->database());
      dictionaries.load(part.writer->database());
    } catch (const Xapian::Error& e) {
      return unreadable_history(part.writer->path(), e);
    }
  }
  if (parts.size() == 1) {
    return run_incremental(options, report, *parts[0].writer, stories, dictionaries, jobs, parts[0].entries,
                           crawled.folders);
  }
  // Threads left over when there are fewer parts than jobs go to each part's analysis.
  const unsigned threads_per_part = std::max<unsigned>(1, jobs / static_cast<unsigned>(parts.size()));
  std::mutex report_mutex;
  std::vector<IndexProgress> progress(parts.size());
  std::uintmax_t bytes_total = 0;
  for (const CrawlEntry& entry : crawled.entries) bytes_total += entry.size;
  std::vector<IndexReport> reports;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    IndexReport part_report;
    part_report.warn = [&](const Error& error) {
      const std::lock_guard<std::mutex> lock(report_mutex);
      report.warn(error);
    };
    if (report.progress) {
      part_report.progress = [&, i](const IndexProgress& p) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        progress[i] = p;
        IndexProgress sum;
        for (const IndexProgress& each : progress) {
          sum.files_done += each.files_done;
          sum.bytes_done += each.bytes_done;
        }
        sum.files_total = crawled.entries.size();
        sum.bytes_total = bytes_total;
        report.progress(sum);
      };
    }
    if (report.file_done) {
      part_report.file_done = [&](std::string_view action, const std::string& path, std::size_t articles) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        report.file_done(action, path, articles);
      };
    }
    if (report.language_overridden) {
      part_report.language_overridden = [&](const std::string& path, const std::string& declared,
                                            const std::string& detected) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        report.language_overridden(path, declared, detected);
      };
    }
    if (report.site_line_dropped) {
      part_report.site_line_dropped = [&](const std::string& source, const std::string& line, std::size_t articles) {
        const std::lock_guard<std::mutex> lock(report_mutex);
        report.site_line_dropped(source, line, articles);
      };
    }
    reports.push_back(std::move(part_report));
  }
  std::vector<std::optional<Result<IndexSummary>>> results(parts.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&](unsigned) {
    for (std::size_t i = next++; i < parts.size(); i = next++) {
      results[i] = run_incremental(options, reports[i], *parts[i].writer, stories, dictionaries, threads_per_part,
                                   parts[i].entries, crawled.folders);
    }
  };
  if (Status ran = run_on_threads(static_cast<unsigned>(std::min<std::size_t>(jobs, parts.size())), work); !ran) {
    return ran.error();
  }
  IndexSummary total;
  for (auto& result : results) {
    if (!*result) return result->error();
    total += **result;
  }
  // The searcher reads the stemmers in use from the first shard it opens (Xapian reads
  // metadata so): every part records all of them.
  std::set<std::string> languages;
  for (const Part& part : parts) languages.insert(part.writer->stem_languages().begin(), part.writer->stem_languages().end());
  for (Part& part : parts) {
    for (const std::string& language : languages) part.writer->note_stem_language(language);
    if (Status committed = part.writer->commit(); !committed) return committed.error();
  }
  return total;
}

// The parts of a parallel build, opened unsynced, and which of them holds each file a killed
// build indexed.
struct BuildParts {
  std::vector<Part> parts;
  std::unordered_map<std::string, std::size_t> indexed_in;
};

Result<BuildParts> open_build_parts(const fs::path& parts_dir, unsigned jobs) {
  auto paths = is_sharded(parts_dir) ? shard_paths(parts_dir) : create_shards(parts_dir, jobs);
  if (!paths) return paths.error();
  auto parts = open_parts(*paths, Durability::kScratch);
  if (!parts) return parts.error();
  BuildParts build{std::move(*parts), {}};
  for (std::size_t i = 0; i < build.parts.size(); ++i) {
    try {
      for (const auto& [path, state] : load_file_states(build.parts[i].writer->database())) build.indexed_in.emplace(path, i);
    } catch (const Xapian::Error& e) {
      return unreadable_history(build.parts[i].writer->path(), e);
    }
  }
  return build;
}

// The parts are written unsynced (Durability::kScratch): a killed process leaves them as
// their last commits did (the kernel holds what was written), but a machine that stopped
// may have written some blocks and not others, and Xapian's blocks carry no checksum to tell.
// So parts are resumed only in the boot that wrote them, as the kernel's boot id says.
constexpr std::string_view kPartsBootFile = "written-in-boot";
constexpr std::string_view kMergedFolder = "merged";

// A file's first line; empty when it cannot be read.
std::string first_line(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string boot_id() { return first_line("/proc/sys/kernel/random/boot_id"); }

bool written_in_this_boot(const fs::path& parts_dir) {
  const std::string id = first_line(parts_dir / kPartsBootFile);
  return !id.empty() && id == boot_id();
}

Status note_boot(const fs::path& parts_dir) {
  std::ofstream out(parts_dir / kPartsBootFile, std::ios::trunc);
  out << boot_id() << "\n";
  out.close();
  if (!out) {
    return Error{ErrorKind::kIo, (parts_dir / kPartsBootFile).string(), "", "cannot write the parallel build's boot id",
                 "check free disk space, or run with --jobs 1"};
  }
  return ok_status();
}

// Whether every part in `parts_dir` is a folder cs-index made (never deleted otherwise); the
// merge's output is its own.
bool every_part_is_ours(const fs::path& parts_dir) {
  std::error_code ec;
  for (fs::directory_iterator it(parts_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->path().filename() == kMergedFolder) continue;
    if (inspect_folder(it->path()) != FolderKind::kOurs) return false;
  }
  return !ec;
}

// The parts of a parallel build take equal shares of the bytes: each file, the largest
// first, goes to the part given the fewest so far, and each part indexes its files in crawl
// order (hashing paths, as shards do, gave one part 52% of the speeches at 1x, left indexing
// alone at the end while the other thread idled; in crawl order, a large file crawled last
// tipped the balance). A file that a killed build already indexed stays in the part that
// holds it, counted in its share, so resuming neither reads it again nor leaves its old
// articles in one part while another indexes it anew (a file named on the command line,
// not found in a folder, is never forgotten by a part that does not see it).
Result<IndexSummary> index_balanced(const IndexOptions& options, const IndexReport& report, BuildParts& build,
                                    const Crawled& crawled) {
  std::vector<Part>* parts = &build.parts;
  const std::unordered_map<std::string, std::size_t>& indexed_in = build.indexed_in;
  std::vector<std::uintmax_t> bytes(parts->size(), 0);
  std::vector<std::size_t> part_of(crawled.entries.size(), parts->size());
  for (std::size_t k = 0; k < crawled.entries.size(); ++k) {
    const auto found = indexed_in.find(crawled.entries[k].path().string());
    if (found == indexed_in.end()) continue;
    part_of[k] = found->second;
    bytes[found->second] += crawled.entries[k].size;
  }
  std::vector<std::size_t> new_files;
  for (std::size_t k = 0; k < crawled.entries.size(); ++k) {
    if (part_of[k] == parts->size()) new_files.push_back(k);
  }
  std::stable_sort(new_files.begin(), new_files.end(), [&](std::size_t x, std::size_t y) {
    return crawled.entries[x].size > crawled.entries[y].size;
  });
  for (const std::size_t k : new_files) {
    part_of[k] = static_cast<std::size_t>(std::min_element(bytes.begin(), bytes.end()) - bytes.begin());
    bytes[part_of[k]] += crawled.entries[k].size;
  }
  for (std::size_t k = 0; k < crawled.entries.size(); ++k) (*parts)[part_of[k]].entries.push_back(crawled.entries[k]);
  return index_parts(options, report, *parts, crawled, effective_jobs(options));
}

}  // namespace

Status clear_for_killed_build(DbFolder& folder, const fs::path& parts_dir) {
  if (!is_sharded(parts_dir)) return ok_status();
  // Only parts cs-index made, checked before the database beside them is cleared.
  if (const FolderKind parts = inspect_folder(parts_dir); parts != FolderKind::kOurs) {
    Error refused = refusal(parts_dir, parts);
    refused.hint = "cs-index keeps the parts of a parallel build there and did not make this folder; move or "
                   "delete it, then run cs-index again";
    return refused;
  }
  return folder.clear_tables();
}

unsigned effective_jobs(const IndexOptions& options) {
  if (options.jobs > 0) return options.jobs;
  return std::max(1u, std::thread::hardware_concurrency());
}

Result<IndexSummary> index_single(const IndexOptions& options, const IndexReport& report,
                                  std::unique_ptr<DbWriter> writer, const Crawled& crawled) {
  std::vector<Part> parts;
  parts.push_back(Part{std::move(writer), crawled.entries});
  return index_parts(options, report, parts, crawled, effective_jobs(options));
}

Result<IndexSummary> index_shards(const IndexOptions& options, const IndexReport& report,
                                  const std::vector<fs::path>& paths, const Crawled& crawled) {
  auto parts = open_parts(paths, Durability::kSynced);
  if (!parts) return parts.error();
  for (const CrawlEntry& entry : crawled.entries) {
    (*parts)[shard_of(entry.relative_path, parts->size())].entries.push_back(entry);
  }
  return index_parts(options, report, *parts, crawled, effective_jobs(options));
}

Result<IndexSummary> build_merged(const IndexOptions& options, const IndexReport& report, const Crawled& crawled,
                                  DbFolder& dest, bool resume) {
  const fs::path parts_dir = dest.path() / kPartsFolder;
  if (!resume) {
    if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
  }
  auto parts_folder = DbFolder::claim(parts_dir);
  if (!parts_folder) return parts_folder.error();
  // What a killed build left: resumed when this boot wrote it and it opens; built again when
  // the machine has restarted since, or it cannot be read (and every part is cs-index's).
  const bool interrupted = is_sharded(parts_dir);
  std::optional<Error> untrusted;
  if (interrupted && !written_in_this_boot(parts_dir)) {
    untrusted = Error{ErrorKind::kDatabase, parts_dir.string(), "",
                      "the parts of an interrupted build were written unsynced before the machine restarted",
                      "building them again"};
  }
  bool fresh = !interrupted;  // parts made by this run, which note this boot
  auto build = untrusted ? Result<BuildParts>(*untrusted) : open_build_parts(parts_dir, effective_jobs(options));
  if (!build && interrupted && build.error().kind == ErrorKind::kDatabase && every_part_is_ours(parts_dir)) {
    Error lost = build.error();
    if (!untrusted) {
      lost.reason = "the parts of an interrupted build cannot be read: " + lost.reason;
      lost.hint = "building them again";
    }
    report.warn(lost);
    parts_folder->reset();
    if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
    parts_folder = DbFolder::claim(parts_dir);
    if (!parts_folder) return parts_folder.error();
    build = open_build_parts(parts_dir, effective_jobs(options));
    fresh = true;
  }
  if (build && fresh) {
    if (Status noted = note_boot(parts_dir); !noted) return noted.error();
  }
  if (!build) return build.error();
  std::vector<fs::path> paths;
  for (const Part& part : build->parts) paths.push_back(part.writer->path());
  IndexOptions part_options = options;
  part_options.db = parts_dir;
  auto summary = index_balanced(part_options, report, *build, crawled);
  if (!summary) return summary;
  build->parts.clear();  // closed before the merge reads them
  const fs::path merged = parts_dir / kMergedFolder;
  std::error_code ec;
  fs::remove_all(merged, ec);  // what a merge cut short left, inside the claimed parts folder
  if (Status made = merge_databases(paths, merged); !made) return made.error();
  auto dropped = drop_duplicate_ids(merged, crawled, report.warn);
  if (!dropped) return dropped.error();
  // Counted as a single-threaded run counts them: the later file's article updated the earlier's.
  summary->added -= std::min(summary->added, *dropped);
  summary->updated += *dropped;
  record_compacted_size(merged);  // Xapian's merge compacts
  failpoint("merged");
  if (Status adopted = dest.adopt_tables(merged); !adopted) return adopted.error();
  parts_folder->reset();
  if (Status removed = remove_own_folder(parts_dir); !removed) return removed.error();
  return summary;
}

}  // namespace cs::indexer
