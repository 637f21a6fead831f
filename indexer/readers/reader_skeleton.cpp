#include "indexer/readers/reader_skeleton.hpp"

#include <algorithm>
#include <optional>

#include "common/ascii.hpp"
#include "common/utf8.hpp"
#include "indexer/readers/html_metadata.hpp"
#include "indexer/readers/record_fields.hpp"
#include "indexer/readers/source_text.hpp"

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
    cut = utf8::boundary_at_or_before(title, limit);
  }
  title.resize(cut);
  title.append("\xE2\x80\xA6");
}

}  // namespace

void complete_article(const SourceFile& file, Article& article, std::string_view id_suffix) {
  // Before the title default, so that a file name never becomes an empty file's text. A
  // text of punctuation alone ("...", "^ ^": feed items whose description held no words)
  // is no text either: it left the article without a passage, counted as added and not
  // indexed. Bytes past ASCII may be letters, so a text holding any stays.
  const bool wordless = std::none_of(article.body.begin(), article.body.end(), [](char c) {
    return is_ascii_letter(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
  });
  if (wordless) article.body = article.title;
  if (article.title.empty()) {
    article.title = title_from_file_name(file.path);
    if (!id_suffix.empty()) article.title.append(" ").append(id_suffix);
  }
  shorten_title(article.title, kMaxTitleBytes);
  article.path = file.relative_path;
  if (article.id.empty()) article.id = file.relative_path + std::string(id_suffix);
  // A record's URL names its site: files saved to "downloads/" were all from "downloads".
  if (article.source.empty()) article.source = url_host(article.url);
  if (article.source.empty()) {
    if (const std::size_t slash = file.relative_path.find('/'); slash != std::string::npos) {
      article.source = file.relative_path.substr(0, slash);
    }
  }
}

namespace {

// The file's text as UTF-8, or nothing when it cannot be read as text; either way the
// problems found are appended to `result.issues`.
std::optional<std::string> decode(const SourceFile& file, ReadResult& result) {
  auto decoded = decode_source_text(file.bytes);
  if (!decoded) {
    Error issue = decoded.error();
    issue.path = file.path.string();
    result.issues.push_back(std::move(issue));
    return std::nullopt;
  }
  if (decoded->replaced_bytes > 0) {
    result.issues.push_back(Error{ErrorKind::kInput, file.path.string(), "",
                                  std::to_string(decoded->replaced_bytes) + " invalid UTF-8 bytes replaced",
                                  "the rest was indexed"});
  }
  return std::move(decoded->text);
}

void add_issues(const SourceFile& file, std::vector<Error>& issues, ReadResult& result) {
  for (Error& issue : issues) {
    issue.path = file.path.string();
    result.issues.push_back(std::move(issue));
  }
}

}  // namespace

ReadResult read_single_article(const SourceFile& file, const FillArticle& fill) {
  ReadResult result;
  const std::optional<std::string> text = decode(file, result);
  if (!text) return result;
  // An empty file (a download that failed, a note never written) is no article; said as
  // such, not as a page without text, and what it held before is kept.
  if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
    result.issues.push_back(Error{ErrorKind::kInput, file.path.string(), "", "the file is empty", "skipped"});
    return result;
  }
  Article article;
  std::vector<Error> issues;
  fill(*text, article, issues);
  add_issues(file, issues, result);
  complete_article(file, article);
  result.articles.push_back(std::move(article));
  return result;
}

ReadResult read_records(const SourceFile& file, const ListRecords& list) {
  ReadResult result;
  const std::optional<std::string> text = decode(file, result);
  if (!text) return result;
  std::vector<Record> records;
  std::vector<Error> issues;
  list(*text, records, issues);
  // A file's records with dates none reads are said once: a feed of 10,000 items dated in
  // a form cs-index does not know would have said so 10,000 times.
  std::optional<Error> first_undated;
  const Record* first_undated_record = nullptr;
  std::size_t undated_records = 0;
  for (const Record& record : records) {
    Article article;
    std::optional<Error> undated = fill_article_from_record(record.fields, {}, article, record.markup);
    if (article.body.empty() && article.title.empty()) {
      issues.push_back(Error{ErrorKind::kInput, "", record.location, "record has no title or text", "record skipped"});
      continue;
    }
    // NewsAPI keeps a withdrawn article's place in its results with this title, its source
    // and text alike, and a 1970 date: no article.
    if (article.title == "[Removed]") {
      issues.push_back(Error{ErrorKind::kInput, "", record.location, "an article the news API has removed (\"[Removed]\")",
                             "record skipped"});
      continue;
    }
    if (record.repaired) {
      issues.push_back(*record.repaired);
      issues.back().hint = "record indexed";
    }
    if (undated && undated_records++ == 0) {
      first_undated = std::move(undated);
      first_undated_record = &record;
    }
    complete_article(file, article, record.id_suffix);
    result.articles.push_back(std::move(article));
  }
  if (first_undated) {
    if (undated_records > 1) {  // said of them all, by the first one's date
      Article first;
      const RecordText fields = apply_record_fields(first_undated_record->fields, first, first_undated_record->markup);
      first_undated = unread_date_issue(fields.unread_date, undated_records);
    }
    first_undated->location = first_undated_record->location;
    issues.push_back(std::move(*first_undated));
  }
  add_issues(file, issues, result);
  return result;
}

}  // namespace cs::indexer
