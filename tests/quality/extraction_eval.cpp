// Scores cs-index's article extraction on a folder of saved pages, each with the text a
// person marked as its article:
//
//   extraction_eval [--min-f1 F] [--pages] [--text NAME] FOLDER
//
// FOLDER holds NAME.html (the page), NAME.expected.txt (line 1 the title, a blank line, then
// the body's paragraphs) and NAME.meta.json ({"family", "language", "classes": [...]}).
// Each page is read by the reader cs-index picks for it; its body is scored against the
// expected body by 4-word shingles (shingle_score.hpp). Prints, worst first with --pages, each
// page's precision, recall and F1, then the mean per failure class and the set's figure;
// --text NAME prints the text extracted from NAME.html, to see what a score counts.
// Exits 1 when the set's F1 is below --min-f1, 2 on a usage or file error.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/article.hpp"
#include "indexer/readers/reader_registry.hpp"
#include "quality/shingle_score.hpp"

namespace fs = std::filesystem;
using cs::quality::ShingleScore;

namespace {

struct Page {
  std::string name;
  std::vector<std::string> classes;
  ShingleScore score;
  bool title_right = false;
  std::string title;
  std::string expected_title;
  std::string body;
};

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The expected file: the title on line 1, then the body.
std::pair<std::string, std::string> split_expected(const std::string& text) {
  const auto end = text.find('\n');
  if (end == std::string::npos) return {text, ""};
  return {text.substr(0, end), text.substr(end + 1)};
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Page score_page(const fs::path& html) {
  Page page;
  page.name = html.stem().string();
  const fs::path base = html.parent_path() / page.name;
  const auto [expected_title, expected_body] = split_expected(read_whole(base.string() + ".expected.txt"));
  page.expected_title = collapse_spaces(expected_title);
  if (fs::exists(base.string() + ".meta.json")) {
    const auto meta = nlohmann::json::parse(read_whole(base.string() + ".meta.json"));
    page.classes = meta.value("classes", std::vector<std::string>{});
  }

  cs::SourceFile file{html, html.filename().string(), read_whole(html)};
  const cs::indexer::Reader* reader = cs::indexer::pick_reader(file);
  if (reader == nullptr) throw std::runtime_error(html.string() + ": no reader takes it");
  const cs::indexer::ReadResult read = reader->read(file);
  // An article marked no_article_text says the page showed no article text: it extracted none.
  const bool extracted = !read.articles.empty() && !read.articles.front().no_article_text;
  const std::string body = extracted ? read.articles.front().body : "";
  page.title = read.articles.empty() ? "" : collapse_spaces(read.articles.front().title);
  page.title_right = page.title == page.expected_title;
  page.body = body;
  page.score = cs::quality::score_shingles(cs::quality::shingle_words(body), cs::quality::shingle_words(expected_body));
  return page;
}

void print_row(const std::string& label, const ShingleScore& score, std::size_t pages) {
  std::printf("  %-44s %5zu  %.3f  %.3f  %.3f\n", label.c_str(), pages, score.precision, score.recall, score.f1());
}

}  // namespace

int main(int argc, char** argv) {
  double min_f1 = 0;
  bool show_pages = false;
  std::string show_text;
  fs::path folder;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--min-f1" && i + 1 < argc) {
      min_f1 = std::strtod(argv[++i], nullptr);
    } else if (arg == "--text" && i + 1 < argc) {
      show_text = argv[++i];
    } else if (arg == "--pages") {
      show_pages = true;
    } else if (folder.empty() && !arg.starts_with("-")) {
      folder = arg;
    } else {
      std::cerr << "usage: extraction_eval [--min-f1 F] [--pages] [--text NAME] FOLDER\n";
      return 2;
    }
  }
  if (folder.empty()) {
    std::cerr << "usage: extraction_eval [--min-f1 F] [--pages] [--text NAME] FOLDER\n";
    return 2;
  }

  std::vector<Page> pages;
  try {
    std::vector<fs::path> htmls;
    for (const auto& entry : fs::directory_iterator(folder)) {
      if (entry.path().extension() == ".html") htmls.push_back(entry.path());
    }
    std::sort(htmls.begin(), htmls.end());
    for (const fs::path& html : htmls) pages.push_back(score_page(html));
  } catch (const std::exception& error) {
    std::cerr << "extraction_eval: error: " << error.what() << "\n";
    return 2;
  }
  if (pages.empty()) {
    std::cerr << "extraction_eval: error: " << folder.string() << ": no .html pages\n";
    return 2;
  }

  for (const Page& page : pages) {
    if (page.name == show_text) std::printf("%s\n\n%s\n\n", page.title.c_str(), page.body.c_str());
  }
  std::printf("  %-44s %5s  %-5s  %-5s  %-5s\n", "", "pages", "P", "R", "F1");
  if (show_pages) {
    std::vector<const Page*> worst_first;
    for (const Page& page : pages) worst_first.push_back(&page);
    std::stable_sort(worst_first.begin(), worst_first.end(),
                     [](const Page* a, const Page* b) { return a->score.f1() < b->score.f1(); });
    for (const Page* page : worst_first) {
      print_row(page->name + (page->title_right ? "" : " (title)"), page->score, 1);
      if (!page->title_right) std::printf("      title: \"%s\", expected \"%s\"\n", page->title.c_str(), page->expected_title.c_str());
    }
  }
  std::map<std::string, std::vector<ShingleScore>> by_class;
  std::vector<ShingleScore> all;
  std::size_t titles_right = 0;
  for (const Page& page : pages) {
    all.push_back(page.score);
    if (page.title_right) ++titles_right;
    for (const std::string& failure_class : page.classes) by_class[failure_class].push_back(page.score);
  }
  for (const auto& [failure_class, scores] : by_class) print_row("class " + failure_class, cs::quality::mean_score(scores), scores.size());
  const ShingleScore mean = cs::quality::mean_score(all);
  print_row("all pages", mean, all.size());
  std::size_t below_half = 0;
  for (const ShingleScore& score : all) if (score.f1() < 0.5) ++below_half;
  std::printf("extraction: %zu pages, precision %.3f, recall %.3f, F1 %.3f; %zu pages below F1 0.5; titles right %zu/%zu\n",
              pages.size(), mean.precision, mean.recall, mean.f1(), below_half, titles_right, pages.size());
  if (mean.f1() < min_f1) {
    std::fprintf(stderr, "extraction_eval: F1 %.3f is below --min-f1 %.3f\n", mean.f1(), min_f1);
    return 1;
  }
  return 0;
}
