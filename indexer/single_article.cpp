#include "indexer/single_article.hpp"

#include "indexer/source_text.hpp"

namespace cs::indexer {

void fill_file_defaults(const SourceFile& file, Article& article) {
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
  fill_file_defaults(file, article);
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace cs::indexer
