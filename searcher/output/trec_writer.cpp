// --format trec: "QID Q0 ARTICLE_ID RANK SCORE RUNTAG", the run format trec_eval reads.
// Fields are space-separated, so white space inside ids becomes '_'.
#include <cmath>
#include <cstdio>

#include "common/terminal.hpp"
#include "searcher/output/writers.hpp"

namespace cs::searcher {

namespace {

std::string field(const std::string& text) {
  std::string out = terminal::sanitize_line(text);
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  return out.empty() ? "_" : out;
}

class TrecWriter final : public ResultWriter {
 public:
  TrecWriter(std::ostream& out, std::string run_tag) : out_(out), run_tag_(field(run_tag)) {}
  bool shows_highlights() const override { return false; }
  StoryDetail shows_story() const override { return StoryDetail::kNone; }
  void write(const QueryResult& result) override {
    const std::string qid = field(result.qid);
    // trec_eval re-sorts by score (ties by document id): scores printed strictly decreasing,
    // in millionths, keep cs-search's own order, tie-breaks included.
    // The order holds across the pages of a long export too.
    for (std::size_t i = 0; i < result.results.hits.size(); ++i) {
      const Hit& hit = result.results.hits[i];
      long long millionths = std::llround(hit.score * 1e6);
      if ((i > 0 || !result.first_page) && millionths >= previous_) millionths = previous_ - 1;
      previous_ = millionths;
      char score[32];
      std::snprintf(score, sizeof score, "%.6f", static_cast<double>(millionths) / 1e6);
      out_ << qid << " Q0 " << field(hit.record.article_id) << ' ' << result.first_rank + i << ' ' << score << ' ' << run_tag_ << '\n';
    }
  }

 private:
  std::ostream& out_;
  std::string run_tag_;
  long long previous_ = 0;  // the last score written, in millionths
};

}  // namespace

std::unique_ptr<ResultWriter> make_trec_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TrecWriter>(out, options.run_tag);
}

}  // namespace cs::searcher
