// --format tsv: a header line, then one line per hit; every cell on one line, tabs and
// control characters removed, for spreadsheets and `cut`.
#include <cstdio>

#include "common/terminal.hpp"
#include "searcher/output/writers.hpp"

namespace cs::searcher {

namespace {

class TsvWriter final : public ResultWriter {
 public:
  TsvWriter(std::ostream& out, bool batch) : out_(out), batch_(batch) {}
  bool shows_highlights() const override { return false; }
  StoryDetail shows_story() const override { return StoryDetail::kNone; }
  // With the first answer, not at the start: a command that fails before any (no database)
  // wrote a header and then its error (a new user's trial). A batch that answered nothing
  // (no queries, or all failed) still writes it, as json writes "[]".
  void finish() override {
    if (batch_) write_header();
  }
  void write(const QueryResult& result) override {
    write_header();
    for (std::size_t i = 0; i < result.results.hits.size(); ++i) {
      const Hit& hit = result.results.hits[i];
      const PassageRecord& r = hit.record;
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", hit.score);
      out_ << cell(result.qid) << '\t' << result.first_rank + i << '\t' << score << '\t' << cell(r.article_id) << '\t'
           << cell(r.passage_id) << '\t' << cell(r.title) << '\t' << cell(r.source) << '\t' << cell(r.date) << '\t'
           << cell(display_path(r)) << '\t' << cell(r.text) << '\t' << cell(r.author) << '\t' << cell(r.url) << '\t'
           << cell(r.lang) << '\n';
    }
  }

 private:
  static std::string cell(const std::string& text) { return terminal::sanitize_line(text); }
  void write_header() {
    // Author, url and lang came later (a new user's trial missed them), after the passage,
    // so that the first ten columns keep their places for scripts that cut them.
    if (!header_written_) {
      out_ << "qid\trank\tscore\tarticle_id\tpassage_id\ttitle\tsource\tdate\tpath\tpassage\tauthor\turl\tlang\n";
    }
    header_written_ = true;
  }
  std::ostream& out_;
  bool batch_;
  bool header_written_ = false;
};

}  // namespace

std::unique_ptr<ResultWriter> make_tsv_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TsvWriter>(out, options.batch);
}

}  // namespace cs::searcher
