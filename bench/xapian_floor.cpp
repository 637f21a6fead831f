// The floors Xapian sets, measured apart from cs-index in the same run (bench/scale.sh):
// a plain program that reads the corpus's text files, builds every Xapian::Document in
// memory with Xapian's TermGenerator (timed: the analysis), then, timed on its own, adds
// them to a fresh database and commits (the writer alone), then compacts it (the smallest
// index of that layout). One core, three layouts:
//   words+Z stems   omindex's: every word with its position, and its Z stem without;
//   stems+positions cs-index's: only Z stems, with their positions;
//   stems only      only Z stems, without positions (no phrases, no proximity).
// It prints, per layout, MB/s of text for the analysis, the writer alone and both, and the
// compacted index over the text: what no indexer writing that layout with Xapian can beat;
// and the least that storing the text to show adds: the smaller of the text deflated a
// document at a time and the text compressed a document at a time with Zstandard and a
// 64 KB dictionary trained on its first half megabyte (as cs-index trains one).
//
//   build/bench/xapian_floor DIR [SCRATCH]     # DIR: the corpus's .txt files (bench/build-corpus.sh OUT/txt)
//   build/bench/xapian_floor --quick DIR        # cs-index's layout alone (CI's short mode)
#include <xapian.h>
#include <zlib.h>

#include "common/compact_text.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point started) {
  return std::chrono::duration<double>(Clock::now() - started).count();
}

std::uintmax_t folder_bytes(const fs::path& folder) {
  std::uintmax_t bytes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

struct Layout {
  const char* name;
  Xapian::TermGenerator::stem_strategy strategy;
  bool positions;
};

}  // namespace

int main(int argc, char** argv) try {
  const bool quick = argc > 1 && std::string_view(argv[1]) == "--quick";
  if (quick) {
    --argc;
    ++argv;
  }
  if (argc < 2) {
    std::fprintf(stderr, "usage: xapian_floor [--quick] DIR [SCRATCH]\n");
    return 2;
  }
  // Only its own two databases inside SCRATCH are ever deleted.
  const fs::path scratch = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "cs-xapian-floor";
  std::vector<std::string> texts;
  std::uintmax_t text_bytes = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(argv[1])) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
    text_bytes += texts.back().size();
  }
  const double mb = static_cast<double>(text_bytes) / 1048576.0;
  std::printf("xapian floor: %zu documents, %.1f MB of text, one core\n", texts.size(), mb);
  std::printf("  %-18s %12s %12s %12s %16s\n", "layout", "analysis", "writer alone", "both", "compacted/text");
  const Layout layouts[] = {{"words+Z stems", Xapian::TermGenerator::STEM_SOME, true},
                            {"stems+positions", Xapian::TermGenerator::STEM_ALL_Z, true},
                            {"stems only", Xapian::TermGenerator::STEM_ALL_Z, false}};
  for (const Layout& layout : layouts) {
    if (quick && std::string_view(layout.name) != "stems+positions") continue;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(layout.strategy);
    std::vector<Xapian::Document> documents;
    documents.reserve(texts.size());
    const auto analysed = Clock::now();
    for (const std::string& text : texts) {
      Xapian::Document document;
      generator.set_document(document);
      if (layout.positions) {
        generator.index_text(text);
      } else {
        generator.index_text_without_positions(text);
      }
      document.set_data(text.substr(0, 64));
      documents.push_back(std::move(document));
    }
    const double analysis = seconds_since(analysed);
    const fs::path db = scratch / "db";
    const fs::path compacted = scratch / "compacted";
    fs::remove_all(db);
    fs::remove_all(compacted);
    fs::create_directories(scratch);
    const auto written = Clock::now();
    {
      Xapian::WritableDatabase writer(db.string(), Xapian::DB_CREATE);
      for (const Xapian::Document& document : documents) writer.add_document(document);
      writer.commit();
    }
    const double writing = seconds_since(written);
    Xapian::Database(db.string()).compact(compacted.string());
    std::printf("  %-18s %7.1f MB/s %7.1f MB/s %7.1f MB/s %15.2fx\n", layout.name, mb / analysis, mb / writing,
                mb / (analysis + writing), static_cast<double>(folder_bytes(compacted)) / static_cast<double>(text_bytes));
  }
  fs::remove_all(scratch / "db");
  fs::remove_all(scratch / "compacted");
  // A search engine that shows passages stores the text too: its least is the text deflated
  // a whole document at a time (a passage at a time deflates worse).
  std::uintmax_t deflated = 0;
  std::vector<Bytef> buffer;
  for (const std::string& text : texts) {
    uLongf size = compressBound(static_cast<uLong>(text.size()));
    buffer.resize(size);
    if (compress2(buffer.data(), &size, reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 6) == Z_OK) {
      deflated += size;
    }
  }
  // The dictionary's samples: the first half megabyte of text, a paragraph a piece.
  std::vector<std::string_view> samples;
  std::size_t sampled = 0;
  for (const std::string& text : texts) {
    for (std::size_t at = 0; at < text.size() && sampled < 512 * 1024;) {
      const std::size_t gap = text.find("\n\n", at);
      const std::size_t end = gap == std::string::npos ? text.size() : gap + 2;
      samples.emplace_back(text.data() + at, end - at);
      sampled += end - at;
      at = end;
    }
  }
  const auto dictionary = cs::compact_text::train_dictionary(samples, 64 * 1024, cs::compact_text::Training::kProse);
  std::uintmax_t primed = dictionary ? dictionary->bytes().size() : 0;
  for (const std::string& text : texts) {
    const auto frame = cs::compact_text::compress(text, dictionary ? &*dictionary : nullptr);
    primed += frame ? frame->size() : text.size();
  }
  const double deflated_share = static_cast<double>(deflated) / static_cast<double>(text_bytes);
  const double primed_share = static_cast<double>(primed) / static_cast<double>(text_bytes);
  std::printf("  text stored, deflated a document at a time %.2fx, zstd with a dictionary a document at a time %.2fx; "
              "the least: %.2fx of the text\n",
              deflated_share, primed_share, std::min(deflated_share, primed_share));
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "xapian_floor: %s\n", e.what());
  return 1;
} catch (const Xapian::Error& e) {
  std::fprintf(stderr, "xapian_floor: %s\n", e.get_description().c_str());
  return 1;
}
