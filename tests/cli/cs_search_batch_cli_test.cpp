// Runs the real cs-search --batch over the bundled corpus: query ids in JSON Lines and TREC
// runs, a bad line reported while the rest run, reproducible runs, and --qrels scoring a run
// by article and by passage.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/indexed_once.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CsSearchBatch : public IndexedOnce<BundledCorpus> {};

TEST_F(CsSearchBatch, BatchJsonlCarriesQueryIds) {
  const std::string batch = "# judged queries\nq-taiwan\tTaiwan\n\nHarbin\nq-none\tzzzunmatched\n";
  const CliResult r = search({"--batch", "-", "--format", "jsonl"}, batch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> qids;
  for (const auto& hit : json_lines(r.out)) qids.insert(hit["qid"]);
  EXPECT_EQ(qids, (std::set<std::string>{"q-taiwan", "4"}));
}

// A TSV batch writes its header once, with its first answer, and a batch that answered
// nothing writes the header alone (as JSON writes []): a script reading columns finds them.
TEST_F(CsSearchBatch, ATsvBatchHasOneHeaderAnswersOrNot) {
  TempDir dir;
  write_file(dir / "queries.tsv", "t1\tTaiwan\nt2\tXi Trump call\n");
  write_file(dir / "none.tsv", "# no queries yet\n");
  const std::string header = "qid\trank\tscore\tarticle_id\tpassage_id\ttitle\tsource\tdate\tpath\tpassage\tauthor\turl\tlang";
  const CliResult two = search({"--batch", (dir / "queries.tsv").string(), "--format", "tsv", "-n", "2"});
  ASSERT_EQ(two.exit_code, 0) << two.err;
  const std::vector<std::string> rows = lines(two.out);
  ASSERT_GE(rows.size(), 3u) << two.out;  // a hit or two for each
  EXPECT_EQ(rows[0], header);
  EXPECT_EQ(std::count(rows.begin(), rows.end(), header), 1);
  for (const std::string& row : rows) EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), 12) << row;
  const CliResult none = search({"--batch", (dir / "none.tsv").string(), "--format", "tsv"});
  EXPECT_EQ(none.out, header + "\n");
}

// A query id given twice is answered twice, with one warning naming both lines: trec_eval
// and --qrels would take the two answers for one query's (a new user's trial).
TEST_F(CsSearchBatch, AQueryIdGivenTwiceIsAnsweredWithAWarning) {
  const CliResult r = search({"--batch", "-", "--format", "trec", "-n", "1"}, "t1\tTaiwan\nt2\tChina\nt1\tXi Trump call\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out).size(), 3u) << r.out;
  EXPECT_EQ(r.err, "cs-search: warning: <stdin>: line 3: query id 't1' is line 1's too; both are answered; give each "
                   "query an id of its own\n");
}

TEST_F(CsSearchBatch, BatchTrecLinesAreWellFormed) {
  TempDir dir;
  write_file(dir / "queries.tsv", "t1\tTaiwan\nt2\tXi Trump call\n");
  const CliResult r = search({"--batch", (dir / "queries.tsv").string(), "--format", "trec", "--run-tag", "my run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::vector<double>> scores;
  for (const auto& line : lines(r.out)) {
    std::istringstream fields(line);
    std::string qid, q0, doc, tag, extra;
    int rank = 0;
    double score = 0;
    ASSERT_TRUE(fields >> qid >> q0 >> doc >> rank >> score >> tag) << line;
    EXPECT_FALSE(fields >> extra) << line;
    EXPECT_EQ(q0, "Q0");
    EXPECT_EQ(tag, "my_run");
    EXPECT_EQ(static_cast<std::size_t>(rank), scores[qid].size() + 1);
    if (!scores[qid].empty()) {
      EXPECT_LE(score, scores[qid].back());
    }
    scores[qid].push_back(score);
  }
  EXPECT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores["t2"].size(), 4u);
}

TEST_F(CsSearchBatch, BatchReportsABadLineAndRunsTheRest) {
  const CliResult r = search({"--batch", "-", "--format", "trec"}, "ok\tTaiwan\nbad\tTaiwan date:2021-13\nodd\t\"unclosed\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines(r.err).size(), 2u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("cs-search: error: <stdin>: line 2, column 8: date: '2021-13' is not a date"));
  EXPECT_THAT(r.err, HasSubstr("cs-search: note: <stdin>: line 3: read as text: the quote at column 1 is not closed"));
  EXPECT_THAT(r.out, HasSubstr("ok Q0 cfr.org/"));
}

TEST_F(CsSearchBatch, TiesAndBatchRunsAreReproducible) {
  const std::string input = "q1\tTaiwan\nq2\tphone call\nq3\tchina\n";
  const CliResult first = search({"--batch", "-", "--format", "trec"}, input);
  const CliResult second = search({"--batch", "-", "--format", "trec"}, input);
  ASSERT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.out, second.out);
}

TEST_F(CsSearchBatch, QrelsScoreABatchRun) {
  TempDir files;
  const auto qrels = files / "judged.qrels";
  // The CFR post answers "Taiwan"; nothing answers "xyzzy".
  write_file(qrels,
             "t1 0 cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt 2\n"
             "t2 0 nothing-relevant 0\n");
  const CliResult text = search({"--batch", "-", "--qrels", qrels.string()}, "t1\tTaiwan\nt2\tphone\n");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("MRR@10 nDCG@10 Recall@100     MAP"));
  EXPECT_THAT(text.out, HasSubstr("mean of 1 query "));
  EXPECT_THAT(text.out, HasSubstr("1 query without relevant judgments left out"));
  EXPECT_THAT(text.err, HasSubstr("1 judged id names no article or passage of the database (first: 'nothing-relevant')"));
  const CliResult json = search({"--batch", "-", "--qrels", qrels.string(), "--format", "json"}, "t1\tTaiwan\n");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto evaluation = nlohmann::json::parse(json.out);
  EXPECT_EQ(evaluation["mean"]["mrr@10"], 1.0) << "the CFR post ranks first for Taiwan";
  EXPECT_EQ(evaluation["mean"]["recall@100"], 1.0);
  EXPECT_EQ(search({"--qrels", qrels.string(), "Taiwan"}).exit_code, 2) << "--qrels needs --batch";
  write_file(qrels, "t1 0 doc\n");
  const CliResult bad = search({"--batch", "-", "--qrels", qrels.string()}, "t1\tTaiwan\n");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("line 1"));
}

TEST_F(CsSearchBatch, PassageJudgmentsScoreTheShownPassage) {
  const auto hits = json_lines(search({"--format", "jsonl", "-n", "1", "Taiwan"}).out);
  ASSERT_EQ(hits.size(), 1u);
  const std::string passage = hits[0]["passage_id"].get<std::string>();
  TempDir files;
  const auto qrels = files / "passages.qrels";
  write_file(qrels, "t1 0 " + passage + " 2\n");
  const CliResult shown = search({"--batch", "-", "--qrels", qrels.string(), "--format", "json"}, "t1\tTaiwan\n");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(nlohmann::json::parse(shown.out)["mean"]["mrr@10"], 1.0);
  write_file(qrels, "t1 0 " + hits[0]["article_id"].get<std::string>() + "#9999 2\n");
  const CliResult other = search({"--batch", "-", "--qrels", qrels.string(), "--format", "json"}, "t1\tTaiwan\n");
  EXPECT_EQ(nlohmann::json::parse(other.out)["mean"]["mrr@10"], 0.0) << "another passage of the article is not this one";
}


// A batch fed by a pipe, over a database cs-index built from one anchor article: each
// question is sent with the anchor after it, which always answers, so the anchor's reply
// ends the question's. Each step waits for the batch's answer before the next, so the
// order is fixed without sleeping.
class CsSearchLiveBatch : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_ / "in/anchor.txt", "Anchor story\n\nThe anchor story is about the harbour.\n");
    ASSERT_EQ(index(), 0);
  }

  // Runs cs-index over the corpus (with `options`); returns its exit code.
  int index(std::vector<std::string> options = {}) {
    options.insert(options.end(), {"--quiet", "--db", db_, (dir_ / "in").string()});
    return run_cli(cs_index_binary(), options).exit_code;
  }
  // Writes `text` as the corpus file `name`.
  void add(const std::string& name, const std::string& text) { write_file(dir_ / "in" / name, text); }

  // Starts `cs-search --db DB --batch - OPTIONS...`.
  void start(const std::vector<std::string>& options) {
    std::vector<std::string> args = {"--db", db_, "--batch", "-"};
    args.insert(args.end(), options.begin(), options.end());
    batch_ = start_cli_duplex(cs_search_binary(), args, input_, output_);
  }
  // Sends question `qid` and the anchor after it; returns what the batch printed up to the
  // line holding `anchor_marker` (the anchor's reply in the run's format).
  std::string ask(const std::string& qid, const std::string& words, const std::string& anchor_marker) {
    write_all(input_, qid + "\t" + words + "\n" + "end-" + qid + "\tanchor\n");
    return read_until(output_, anchor_marker);
  }
  // Ends the batch (end of its input) and expects it to exit with 0.
  void expect_clean_exit() {
    ::close(input_);
    ::close(output_);
    const int status = wait_for(batch_);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  }

 private:
  TempDir dir_;
  const std::string db_ = (dir_ / "db").string();
  int input_ = -1;
  int output_ = -1;
  pid_t batch_ = -1;
};

// Issue #21: a batch sees what cs-index commits, and what --rebuild swaps in, after it
// started.
TEST_F(CsSearchLiveBatch, AQueryAfterACommitOrARebuildSeesIt) {
  start({"--format", "trec"});
  const auto ask_trec = [&](const std::string& qid, const std::string& words) {
    return "\n" + ask(qid, words, "end-" + qid + " Q0 ");  // so "\nQID Q0" starts a line
  };
  EXPECT_THAT(ask_trec("before", "zebra"), Not(HasSubstr("\nbefore Q0")));
  add("zebra.txt", "Zebra story\n\nA zebra crossed the harbour road at dawn.\n");
  ASSERT_EQ(index(), 0);
  EXPECT_THAT(ask_trec("committed", "zebra"), HasSubstr("\ncommitted Q0 zebra.txt"));
  add("yak.txt", "Yak story\n\nA yak grazed beside the harbour wall.\n");
  ASSERT_EQ(index({"--rebuild"}), 0);
  EXPECT_THAT(ask_trec("rebuilt", "yak"), HasSubstr("\nrebuilt Q0 yak.txt"));
  expect_clean_exit();
}

// A batch reads the spelling table into memory at its first suggestion; a commit since
// makes it read the table again, so the words cs-index added are offered (this run compacts
// the small database, so the batch opens it anew; PassageSearcherSpelling's unit test pins
// a commit read by reopening).
TEST_F(CsSearchLiveBatch, ASuggestionAfterACommitOffersTheNewWords) {
  start({"--color", "never"});
  // What the batch printed for the question alone, from its heading to the anchor's.
  const auto ask_text = [&](const std::string& qid, const std::string& words) {
    const std::string read = ask(qid, words, "# end-" + qid + ": anchor");
    const std::size_t heading = read.find("# " + qid + ": ");
    return heading == std::string::npos ? read : read.substr(heading);
  };
  EXPECT_THAT(ask_text("before", "harbuor"), HasSubstr("Did you mean \"harbour\"?")) << "the table is read";
  EXPECT_THAT(ask_text("absent", "zebbra"), Not(HasSubstr("Did you mean"))) << "no word near it yet";
  add("zebra.txt", "Zebra story\n\nA zebra crossed the harbour road at dawn.\n");
  ASSERT_EQ(index(), 0);
  EXPECT_THAT(ask_text("committed", "zebbra"), HasSubstr("Did you mean \"zebra\"?"))
      << "the table is read again after the commit";
  expect_clean_exit();
}

}  // namespace
}  // namespace cs::test
