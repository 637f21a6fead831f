#include "indexer/index_run.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include "common/analyzer.hpp"
#include "common/language.hpp"
#include "indexer/crawl.hpp"
#include "indexer/db_writer.hpp"
#include "indexer/language_detection.hpp"
#include "indexer/passage_document.hpp"
#include "indexer/passages.hpp"
#include "indexer/reader_registry.hpp"
#include "indexer/repeated_lines.hpp"
#include "indexer/stories.hpp"

namespace cs::indexer {

namespace {

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad() || !in.is_open()) return Error{ErrorKind::kIo, path.string(), "", "cannot read file", "check permissions"};
  return bytes;
}

std::string megabytes(std::uintmax_t bytes) {
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

}  // namespace

namespace {

// The words worth suggesting as spelling corrections: distinct, Latin letters only (after
// accent folding), at least three of them; numbers, CJK and fragments are left out.
std::vector<std::string> spelling_words(const std::vector<Token>& words) {
  std::vector<std::string> vocabulary;
  for (const Token& token : words) {
    const std::string& w = token.word;
    if (w.size() < 3 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    vocabulary.push_back(w);
  }
  std::sort(vocabulary.begin(), vocabulary.end());
  vocabulary.erase(std::unique(vocabulary.begin(), vocabulary.end()), vocabulary.end());
  return vocabulary;
}

// Articles read but not yet written: a batch is cleaned of repeated lines as a whole (the
// evidence is the batch's articles of each source), then analysed and written.
struct PendingArticles {
  std::vector<Article> articles;
  std::vector<std::string> roots;  // the indexed root of each article, for its record
  std::size_t text_bytes = 0;
};

}  // namespace

Result<IndexSummary> run_index(const IndexOptions& options, const std::function<void(const Error&)>& warn) {
  const auto started = std::chrono::steady_clock::now();
  auto writer = DbWriter::open(options.db, options.batch_bytes);
  if (!writer) return writer.error();

  IndexSummary summary;
  Analyzer analyzer;
  PassageDocumentBuilder builder(analyzer);
  std::vector<Token> words;
  std::unordered_map<std::string, std::string> first_path_of_id;
  PendingArticles pending;
  StoryIndex stories;
  try {
    stories.load((*writer)->database());
  } catch (const Xapian::Error& e) {
    return Error{ErrorKind::kDatabase, options.db.string(), "", "cannot read stored stories (" + e.get_description() + ")",
                 "check the database, or index into a new --db"};
  }

  const auto write_pending = [&]() -> Status {
    summary.repeated_lines += drop_repeated_lines(pending.articles);
    for (std::size_t i = 0; i < pending.articles.size(); ++i) {
      Article& article = pending.articles[i];
      // Stemmed in its own language: declared, else detected; unknown ones word for word.
      if (article.lang.empty()) article.lang = detect_language(article.body);
      analyzer.set_language(stemmer_for(article.lang));
      (*writer)->note_stem_language(analyzer.language());
      words.clear();
      analyzer.tokenize(article.body, words);
      article.signature = story_signature(words);
      article.story_id = stories.assign(article.id, article.signature);
      const std::vector<Passage> passages = split_passages(article.body, words, analyzer);
      std::vector<Xapian::Document> documents = builder.build(article, passages, words, pending.roots[i]);
      if (Status written = (*writer)->replace_article(article.id, documents, article.body.size(), spelling_words(words));
          !written) {
        return written;
      }
      summary.passages += passages.size();
    }
    pending = PendingArticles{};
    return ok_status();
  };

  const auto found = crawl(options.roots, [&](const Error& error) {
    ++summary.unreadable_paths;
    warn(error);
  });
  for (const CrawlEntry& entry : found) {
    ++summary.files;
    if (entry.size > options.max_file_bytes) {
      warn(Error{ErrorKind::kInput, entry.path.string(), "",
                 "file is " + megabytes(entry.size) + ", over the " + megabytes(options.max_file_bytes) + " limit",
                 "skipped; raise --max-file-size to index it"});
      ++summary.skipped;
      continue;
    }
    SourceFile file{entry.path, entry.relative_path, {}};
    const Reader* reader = nullptr;
    if (auto bytes = read_file(entry.path)) {
      file.bytes = std::move(*bytes);
      reader = pick_reader(file);
    } else {
      warn(bytes.error());
      ++summary.skipped;
      continue;
    }
    if (reader == nullptr) {
      if (entry.named) {
        warn(Error{ErrorKind::kInput, entry.path.string(), "", "not a supported article format",
                   "cs-index reads " + supported_extensions() + " and files with no extension"});
        ++summary.skipped;
      } else {
        ++summary.ignored;
      }
      continue;
    }
    summary.bytes += file.bytes.size();

    ReadResult read = reader->read(file);
    for (const Error& issue : read.issues) warn(issue);
    std::size_t articles_in_file = 0;
    for (Article& article : read.articles) {
      if (article.body.empty()) {
        warn(Error{ErrorKind::kInput, entry.path.string(), "", "no article text found", "skipped"});
        continue;
      }
      const auto [seen, first_time] = first_path_of_id.emplace(article.id, article.path);
      if (!first_time) {
        warn(Error{ErrorKind::kInput, entry.path.string(), "",
                   "article id '" + article.id + "' is also used by " + seen->second, "this file's article replaces it"});
      }
      ++articles_in_file;
      pending.text_bytes += article.body.size();
      pending.articles.push_back(std::move(article));
      pending.roots.push_back(entry.root.string());
    }
    summary.articles += articles_in_file;
    if (articles_in_file > 0) {
      ++summary.indexed;
    } else {
      ++summary.skipped;
    }
    if (pending.text_bytes >= options.batch_bytes) {
      if (Status written = write_pending(); !written) return written.error();
    }
  }
  if (Status written = write_pending(); !written) return written.error();
  if (Status committed = (*writer)->commit(); !committed) return committed.error();
  summary.db_passages = (*writer)->passage_count();
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace cs::indexer
