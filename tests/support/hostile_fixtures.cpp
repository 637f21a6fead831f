#include "support/hostile_fixtures.hpp"

#include <string_view>

#include "support/test_support.hpp"

namespace cs::test {

namespace {

namespace fs = std::filesystem;

std::string repeated(std::string_view unit, int times) {
  std::string out;
  out.reserve(unit.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out.append(unit);
  return out;
}

// The one sentence of text the large files carry, so that a file read whole is an article.
constexpr std::string_view kSentence =
    "Negotiators met in Geneva to discuss tariffs on steel and aluminium, and left without a schedule for the next "
    "round.";

}  // namespace

std::map<std::string, std::string> generated_hostile_files() {
  const std::string sentence(kSentence);
  std::string tiny_records;
  for (int i = 0; i < 2'000; ++i) {
    const std::string n = std::to_string(i);
    tiny_records += R"({"id":"tiny-)" + n + R"(","text":"Record )" + n + R"( about quotas."})" "\n";
  }
  return {
      // 20,000 nested, closed <div>s around the sentence (220 KB): indexed.
      {"html-deep-nesting.html",
       "<html><body>" + repeated("<div>", 20'000) + sentence + repeated("</div>", 20'000) + "</body></html>"},
      // 80,000 entities, named, numeric and outside the BMP, before the sentence (480 KB): indexed.
      {"html-entity-flood.html",
       "<html><body><p>" + repeated("&amp;&lt;&#x1F600;&nbsp;", 20'000) + " " + sentence + "</p></body></html>"},
      // A front matter title of 80 KB: indexed.
      {"huge-title.md", "---\ntitle: \"" + repeated("Very long title ", 5'000) + "\"\n---\n" + sentence + "\n"},
      // Arrays nested 100,000 deep, past cs-index's 500 levels (200 KB): skipped.
      {"json-deep-nesting.json", repeated("[", 100'000) + repeated("]", 100'000)},
      // A record nested 5,000 deep, left out with a warning, then a good one (10 KB): salvaged.
      {"jsonl-deep-line.jsonl", R"({"id":"deep","text":)" + repeated("[", 5'000) + repeated("]", 5'000) + "}\n" +
                                    R"({"id":"shallow","title":"Shallow","text":")" + sentence + "\"}\n"},
      // 2,000 one-line records (105 KB): indexed.
      {"many-tiny-records.jsonl", tiny_records},
  };
}

fs::path write_hostile_corpus(const fs::path& folder) {
  fs::copy(fixtures_dir() / "hostile", folder, fs::copy_options::recursive);
  // The copy takes the committed folder's permissions, which need not let us write.
  fs::permissions(folder, fs::perms::owner_all, fs::perm_options::add);
  for (const auto& [name, bytes] : generated_hostile_files()) write_file(folder / name, bytes);
  return folder;
}

}  // namespace cs::test
