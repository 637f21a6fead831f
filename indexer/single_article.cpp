#include "indexer/single_article.hpp"

#include "indexer/source_text.hpp"

namespace cs::indexer {

namespace {

// "1981_jimmy_carter_d.txt" -> "1981 jimmy carter d".
std::string title_from_file_name(const std::filesystem::path& path) {
  std::string title = path.stem().string();
  for (char& c : title) {
    if (c == '_' || c == '-') c = ' ';
  }
  return title;
}

// Cuts at the last space before `limit` bytes (or at a UTF-8 character boundary when there
// is none) and marks the cut with an ellipsis.
void shorten_title(std::string& title, std::size_t limit) {
  if (title.size() <= limit) return;
  std::size_t cut = title.rfind(' ', limit);
  if (cut == std::string::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  }
  title.resize(cut);
  title.append("\xE2\x80\xA6");
}

}  // namespace

void fill_file_defaults(const SourceFile& file, Article& article) {
  if (article.title.empty()) article.title = title_from_file_name(file.path);
  shorten_title(article.title, kMaxTitleBytes);
  article.path = file.relative_path;
  if (article.id.empty()) article.id = file.relative_path;
  if (article.source.empty()) {
    if (const std::size_t slash = file.relative_path.find('/'); slash != std::string::npos) {
      article.source = file.relative_path.substr(0, slash);
    }
  }
}

ReadResult read_single_article(const SourceFile& file, const FillArticle& fill) {
  ReadResult result;
  auto decoded = decode_source_text(file.bytes);
  if (!decoded) {
    Error issue = decoded.error();
    issue.path = file.path.string();
    result.issues.push_back(std::move(issue));
    return result;
  }
  if (decoded->replaced_bytes > 0) {
    result.issues.push_back(Error{ErrorKind::kInput, file.path.string(), "",
                                  std::to_string(decoded->replaced_bytes) + " invalid UTF-8 bytes replaced",
                                  "the rest was indexed"});
  }
  Article article;
  std::vector<Error> issues;
  fill(decoded->text, article, issues);
  for (Error& issue : issues) {
    issue.path = file.path.string();
    result.issues.push_back(std::move(issue));
  }
  // A headline with no text (a saved feed item) is still an article: its title is its text.
  // Checked before the defaults, so a file name never becomes an empty file's text.
  if (article.body.empty()) article.body = article.title;
  fill_file_defaults(file, article);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace cs::indexer
