// --format text: for people at a terminal. Each hit: rank and title, then source, date,
// score and file, then the passage with the query's words highlighted.
#include <algorithm>
#include <cstdio>

#include "common/plural.hpp"
#include "common/terminal.hpp"
#include "searcher/output/writers.hpp"

namespace cs::searcher {

namespace {

constexpr const char* kBold = "\x1B[1m";
constexpr const char* kDim = "\x1B[2m";
constexpr const char* kMatch = "\x1B[1;31m";
constexpr const char* kReset = "\x1B[0m";
constexpr const char* kIndent = "    ";
constexpr std::uint64_t kHistogramWidth = 40;  // columns of the longest bar

// A query or suggestion as it is quoted in a sentence: in double quotes, or in single
// quotes when it holds a phrase's own double quotes (`No results for '"heat wave"'.`).
std::string quoted(const std::string& query) {
  const char mark = query.find('"') == std::string::npos ? '"' : '\'';
  return mark + terminal::sanitize_line(query) + mark;
}

class TextWriter final : public ResultWriter {
 public:
  TextWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void write(const QueryResult& result) override {
    if (result.first_page) write_header(result);
    results_ = &result.results;
    for (std::size_t i = 0; i < result.results.hits.size(); ++i) {
      write_hit(result.first_rank + i, result.results.hits[i], result.highlights[i], snippet_span(result, i));
    }
    const Facets* counts = counts_.after(result);
    if (counts == nullptr) return;
    write_facets(*counts);
    if (options_.batch) out_ << '\n';
  }

  // The article's title and fields, then each passage under its id's number ("#0").
  void write_article(const ArticleView& article) override {
    const PassageRecord& r = article.record;
    write_title("", r);
    write_meta(r, {r.article_id, std::to_string(article.passages.size()) + (article.passages.size() == 1 ? " passage" : " passages")});
    write_topics_and_story(r, article.also_in);
    out_ << kIndent << terminal::sanitize_line(display_path(r)) << '\n';
    if (!r.url.empty()) out_ << kIndent << terminal::sanitize_line(r.url) << '\n';
    out_ << style(kReset);
    for (std::size_t i = 0; i < article.passages.size(); ++i) {
      out_ << '\n' << style(kDim) << '#' << i << style(kReset) << '\n';
      write_passage(article.passages[i], {}, Span{0, static_cast<std::uint32_t>(article.passages[i].size())});
      out_ << '\n';
    }
  }

  // Highlights also choose which sentences of a passage to show, with colour or without.
  bool shows_highlights() const override { return true; }
  // "also in: Reuters, CNN": the other articles' sources.
  StoryDetail shows_story() const override { return StoryDetail::kSources; }

 private:
  // The query (in a batch), and the count, "no results" or spelling line above the hits.
  void write_header(const QueryResult& result) {
    if (options_.batch) out_ << style(kBold) << "# " << terminal::sanitize_line(result.qid) << ": " << terminal::sanitize_line(result.query) << style(kReset) << '\n';
    if (result.results.hits.empty() && result.results.matching_articles > 0) {  // -n 0: the count, then facets
      out_ << count_of(result.results.matching_articles, "article matches", "articles match") << ' ' << quoted(result.query)
           << ".\n";
    } else if (result.results.hits.empty()) {
      out_ << "No results for " << quoted(result.query) << '.';
      // Which filter took the matches away, and how many there are without it.
      for (const FilterCount& without : result.without_filter) {
        if (without.articles == 0) continue;
        out_ << " Without " << terminal::sanitize_line(without.filter) << ": " << count_of(without.articles, "article", "articles")
             << '.';
      }
      if (!result.suggestion.empty()) out_ << " Did you mean " << quoted(result.suggestion) << '?';
      out_ << '\n';
    } else if (!result.suggestion.empty()) {  // little matched, and the corrected query finds far more
      out_ << "Did you mean " << quoted(result.suggestion) << "?\n";
    }
  }

  // "source: Reuters 2 · CNN 1" per field, then the histogram as a bar chart.
  void write_facets(const Facets& facets) {
    if (!facets.fields.empty()) out_ << style(kBold) << "Matching articles by field" << style(kReset) << '\n';
    for (const auto& [field, counts] : facets.fields) {
      out_ << kIndent << facet_name(field) << ':';
      for (std::size_t i = 0; i < counts.size(); ++i) {
        out_ << (i == 0 ? " " : " \xC2\xB7 ") << terminal::sanitize_line(counts[i].value) << ' ' << counts[i].articles;
      }
      if (counts.empty()) out_ << " (none)";
      out_ << '\n';
    }
    if (facets.histogram.empty()) return;
    out_ << style(kBold) << "Matching articles over time" << style(kReset) << '\n';
    std::uint64_t most = 0;
    for (const auto& bucket : facets.histogram) most = std::max(most, bucket.articles);
    for (const auto& bucket : facets.histogram) {
      const auto width = static_cast<std::size_t>((bucket.articles * kHistogramWidth + most - 1) / most);
      out_ << kIndent << bucket.value << ' ';
      for (std::size_t i = 0; i < width; ++i) out_ << "\xE2\x96\x88";  // U+2588 FULL BLOCK
      out_ << ' ' << bucket.articles << '\n';
    }
  }

  const char* style(const char* code) const { return options_.color ? code : ""; }

  void write_hit(std::size_t rank, const Hit& hit, const std::vector<Span>& spans, Span snippet) {
    const PassageRecord& r = hit.record;
    write_title(std::to_string(rank) + ". ", r);
    std::vector<std::string> extra;
    char score[32];
    std::snprintf(score, sizeof score, "score %.3f", hit.score);
    extra.emplace_back(score);
    if (hit.more_passages > 0) {
      extra.push_back("+" + std::to_string(hit.more_passages) + " more passage" + (hit.more_passages == 1 ? "" : "s"));
    }
    write_meta(r, extra);
    if (options_.explain) write_explanation(hit);
    write_topics_and_story(r, hit.also_in);
    out_ << kIndent << terminal::sanitize_line(display_path(r)) << style(kReset) << "\n\n";
    write_passage(r.text, spans, snippet);
    out_ << "\n\n";
  }

  // The title line: bold, with the marks of a preview or a page without article text.
  void write_title(const std::string& prefix, const PassageRecord& r) {
    out_ << style(kBold) << prefix << terminal::sanitize_line(r.title.empty() ? r.article_id : r.title) << style(kReset);
    if (r.preview) out_ << " [preview]";
    if (r.no_article_text) out_ << " [no article text]";
    out_ << '\n';
  }

  // "Reuters | 2025-01-17 | Jane Doe | en | <extra...>", dimmed until the path's line ends it.
  void write_meta(const PassageRecord& r, const std::vector<std::string>& extra) {
    out_ << kIndent << style(kDim);
    std::string meta;
    const auto add = [&meta](const std::string& part) {
      if (part.empty()) return;
      if (!meta.empty()) meta.append(" | ");
      meta.append(part);
    };
    add(terminal::sanitize_line(r.source));
    add(r.date.substr(0, 10));
    add(terminal::sanitize_line(r.author));
    add(terminal::sanitize_line(r.lang));
    for (const std::string& part : extra) add(part);
    out_ << meta << '\n';
  }

  void write_topics_and_story(const PassageRecord& r, const std::vector<StoryMember>& also_in) {
    if (!r.topics.empty()) {
      std::string topics;
      for (const auto& topic : r.topics) topics.append(topics.empty() ? "" : ", ").append(topic);
      out_ << kIndent << "topics: " << terminal::sanitize_line(topics) << '\n';
    }
    if (!also_in.empty()) {
      std::string sources;
      for (const StoryMember& member : also_in) {
        sources.append(sources.empty() ? "" : ", ").append(member.source.empty() ? member.article_id : member.source);
      }
      out_ << kIndent << "also in: " << terminal::sanitize_line(sources) << '\n';
    }
  }

  // "score 1.262 = 1.00×bm25 1.000 (4.102) + 0.15×article 0.870 (8.214) + ...": how the second
  // stage arrived at the score (--explain); in parentheses the raw BM25 each share is of (the
  // passage's own, then the article's in Xapian).
  void write_explanation(const Hit& hit) {
    const auto components = score_components(hit, *results_);
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "explain: score %.3f", hit.score);
    std::string line = buffer;
    if (components.empty()) {
      if (results_->second_stage) {
        std::snprintf(buffer, sizeof buffer, " (past --rerank's depth: BM25 %.3f, scaled to the re-ranked scores)", hit.bm25);
        line += buffer;
      } else {
        line += " (BM25; no second stage)";
      }
    }
    for (std::size_t i = 0; i < components.size(); ++i) {
      const ScoreComponent& c = components[i];
      std::snprintf(buffer, sizeof buffer, "%s%.2f×%s %.3f", i == 0 ? " = " : " + ", static_cast<double>(c.weight),
                    c.name, static_cast<double>(c.value));
      line += buffer;
      const std::string_view name = c.name;
      if (name == "bm25" || name == "article") {
        std::snprintf(buffer, sizeof buffer, " (%.3f)", name == "bm25" ? hit.passage_bm25 : hit.bm25);
        line += buffer;
      }
    }
    out_ << kIndent << line << '\n';
  }

  // The snippet of the passage, "… " before and " …" after where sentences were left out.
  // Sanitises piece by piece so the highlight offsets stay true, and indents each line.
  void write_passage(const std::string& text, const std::vector<Span>& spans, Span snippet) {
    std::string rendered = kIndent;
    if (snippet.begin > 0) rendered.append("\xE2\x80\xA6 ");  // U+2026 HORIZONTAL ELLIPSIS
    std::uint32_t at = snippet.begin;
    const auto plain = [&](std::uint32_t end) {
      rendered.append(terminal::sanitize(std::string_view(text).substr(at, end - at)));
    };
    for (const Span& span : spans) {
      if (span.begin < snippet.begin || span.end > snippet.end) continue;
      plain(span.begin);
      rendered.append(options_.color ? kMatch : "");
      at = span.begin;
      plain(span.end);
      rendered.append(options_.color ? kReset : "");
      at = span.end;
    }
    plain(snippet.end);
    if (snippet.end < text.size()) rendered.append(" \xE2\x80\xA6");
    // Each line indented, written at once (a character at a time through the stream was 3%
    // of a one-query command). A paragraph break's empty line stays empty: no line of
    // trailing spaces.
    std::string indented;
    indented.reserve(rendered.size() + 64);
    std::size_t from = 0;
    for (std::size_t newline = rendered.find('\n'); newline != std::string::npos; newline = rendered.find('\n', from)) {
      indented.append(rendered, from, newline + 1 - from);
      from = newline + 1;
      if (from < rendered.size() && rendered[from] != '\n') indented.append(kIndent);
    }
    indented.append(rendered, from);
    out_ << indented;
  }

  std::ostream& out_;
  WriterOptions options_;
  const SearchResults* results_ = nullptr;  // of the query being written
  CountsAfterHits counts_;
};

}  // namespace

std::unique_ptr<ResultWriter> make_text_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace cs::searcher
