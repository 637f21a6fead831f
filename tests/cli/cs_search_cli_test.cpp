// Runs the real cs-search over a database cs-index built from the bundled corpus, and checks
// what a user sees: ranking, formats, batch runs, exit codes and one-line errors.
#include <gmock/gmock.h>
#include <cmath>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <sstream>

#include "support/test_support.hpp"

namespace cs::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class CsSearchCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    const CliResult indexed = run_cli(cs_index_binary(), {"--db", db().string(), corpus_dir().string()});
    ASSERT_EQ(indexed.exit_code, 0) << indexed.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::filesystem::path db() { return *dir_ / "db"; }

  static CliResult search(std::vector<std::string> args, const std::string& input = "") {
    args.insert(args.begin(), {"--db", db().string()});
    return run_cli(cs_search_binary(), args, {}, input);
  }

  static std::vector<nlohmann::json> jsonl(const std::string& out) {
    std::vector<nlohmann::json> hits;
    for (const auto& line : lines(out)) hits.push_back(nlohmann::json::parse(line));
    return hits;
  }

  static TempDir* dir_;
};

TempDir* CsSearchCli::dir_ = nullptr;

TEST_F(CsSearchCli, TaiwanRanksTheCfrPostFirst) {
  const CliResult r = search({"--format", "jsonl", "Taiwan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = jsonl(r.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["article_id"], "cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt");
  EXPECT_EQ(hits[0]["title"], "Xi and Trump Speak Via Phone");
  EXPECT_EQ(hits[0]["date"], "2025-01-17T21:06:00Z");
  EXPECT_THAT(hits[0]["passage"].get<std::string>(), HasSubstr("Taiwan"));
}

TEST_F(CsSearchCli, TextOutputShowsTitleSourceDateFileAndPassage) {
  const CliResult r = search({"--color", "never", "Taiwan"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("1. Xi and Trump Speak Via Phone\n"));
  EXPECT_THAT(r.out, HasSubstr("cfr.org | 2025-01-17"));
  EXPECT_THAT(r.out, HasSubstr("corpus/cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt"));
  EXPECT_THAT(r.out, HasSubstr("the two discussed Taiwan"));
  EXPECT_THAT(r.out, Not(HasSubstr("\x1B")));
}

TEST_F(CsSearchCli, ColourAlwaysHighlightsTheQueryWords) {
  const CliResult r = search({"--color", "always", "Taiwan"});
  EXPECT_THAT(r.out, HasSubstr("\x1B[1;31mTaiwan\x1B[0m"));
}

TEST_F(CsSearchCli, StemmedQueryFindsOtherForms) {
  // "phone calls" finds "phone call", highlighted as written in the passage.
  const CliResult r = search({"--format", "jsonl", "phone", "calls"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = jsonl(r.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["article_id"], "chinausfocus.com/2021-03-10-phone-call-diplomacy.txt");
  const std::string passage = hits[0]["passage"];
  std::vector<std::string> marked;
  for (const auto& span : hits[0]["highlights"]) {
    marked.push_back(passage.substr(span[0].get<std::size_t>(), span[1].get<std::size_t>() - span[0].get<std::size_t>()));
  }
  EXPECT_THAT(marked, ::testing::Contains("call"));
  EXPECT_THAT(marked, ::testing::Contains("phone"));
}

TEST_F(CsSearchCli, PhraseQueryMatchesWordOrder) {
  EXPECT_EQ(search({"\"phone call\""}).exit_code, 0);
  EXPECT_EQ(search({"\"call phone\""}).exit_code, 1);
}

TEST_F(CsSearchCli, EachArticleAppearsOnceWithItsBestPassage) {
  const auto hits = jsonl(search({"--format", "jsonl", "--limit", "50", "Xi"}).out);
  std::set<std::string> articles;
  for (const auto& hit : hits) EXPECT_TRUE(articles.insert(hit["article_id"]).second) << hit["article_id"];
  EXPECT_EQ(articles.size(), 4u);
}

TEST_F(CsSearchCli, RelatedStoriesAreNotTheCnnArticlesText) {
  // Titles and excerpts of the CNN file's `related:` front matter belong to other stories.
  EXPECT_EQ(search({"LGBTQ"}).exit_code, 1);
  EXPECT_EQ(search({"equalizing"}).exit_code, 1);
  EXPECT_EQ(search({"Yellen"}).exit_code, 1);
  const auto hits = jsonl(search({"--format", "jsonl", "Biden", "Xi", "first", "time"}).out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["source"], "CNN");
}

TEST_F(CsSearchCli, SiteChromeIsNotSearchable) {
  for (const char* chrome : {"Chattythat", "subscriber", "\"Back to Top\"", "\"might also like\""}) {
    EXPECT_EQ(search({chrome}).exit_code, 1) << chrome;
  }
}

TEST_F(CsSearchCli, PreviewArticlesAreMarked) {
  const auto hits = jsonl(search({"--format", "jsonl", "Harbin"}).out);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0]["preview"], true);
  EXPECT_THAT(search({"--color", "never", "Harbin"}).out, HasSubstr("[preview]"));
}

TEST_F(CsSearchCli, LimitBoundsTheResults) {
  EXPECT_EQ(lines(search({"--format", "trec", "--limit", "2", "Xi"}).out).size(), 2u);
}

TEST_F(CsSearchCli, BatchJsonlCarriesQueryIds) {
  const std::string batch = "# judged queries\nq-taiwan\tTaiwan\n\nHarbin\nq-none\tzzzunmatched\n";
  const CliResult r = search({"--batch", "-", "--format", "jsonl"}, batch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> qids;
  for (const auto& hit : jsonl(r.out)) qids.insert(hit["qid"]);
  EXPECT_EQ(qids, (std::set<std::string>{"q-taiwan", "4"}));
}

TEST_F(CsSearchCli, BatchTrecLinesAreWellFormed) {
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

TEST_F(CsSearchCli, BatchReportsABadLineAndRunsTheRest) {
  const CliResult r = search({"--batch", "-", "--format", "trec"}, "ok\tTaiwan\nbad\t\"unclosed\n");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(lines(r.err).size(), 1u);
  EXPECT_THAT(r.err, HasSubstr("<stdin>: line 2, column 1: unbalanced quote"));
  EXPECT_THAT(r.out, HasSubstr("ok Q0 cfr.org/"));
}

TEST_F(CsSearchCli, JsonFormatIsOneDocument) {
  const CliResult r = search({"--format", "json", "Taiwan"});
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["query"], "Taiwan");
  EXPECT_EQ(doc["results"].size(), 1u);
}

TEST_F(CsSearchCli, NoMatchExitsOneWithAPlainMessage) {
  const CliResult r = search({"--color", "never", "zzzunmatched"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("No results"));
  EXPECT_TRUE(r.err.empty());
}

TEST_F(CsSearchCli, MalformedQueryIsOneLineAndExitTwo) {
  const CliResult r = search({"\"unbalanced"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "cs-search: error: query: column 1: unbalanced quote; close the phrase with \" or remove the quote\n");
}

TEST_F(CsSearchCli, ExcludingAWordIsNotAnOption) {
  // Three of the four articles name Trump somewhere; an excluded word excludes the article.
  const CliResult r = search({"--format", "trec", "Xi", "-Trump"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cnn.com"));
  EXPECT_THAT(r.out, Not(HasSubstr("chinausfocus.com")));
  EXPECT_THAT(r.out, Not(HasSubstr("cfr.org")));
  EXPECT_THAT(search({"--format", "trec", "Xi"}).out, HasSubstr("chinausfocus.com")) << "without the exclusion";
}

TEST_F(CsSearchCli, LikeFindsOtherArticlesOnTheSameSubject) {
  const std::string self = "chinausfocus.com/2021-03-10-phone-call-diplomacy.txt";
  const CliResult r = search({"--like", self, "--format", "trec"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, Not(HasSubstr(self))) << "the article itself is not like itself";
  EXPECT_THAT(r.out, HasSubstr("cfr.org/"));
  const CliResult missing = search({"--like", "no/such.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "cs-search: error: query: no article 'no/such.txt' in the database; give an article_id as "
                         "cs-search prints it (--format jsonl or trec)\n");
  EXPECT_EQ(search({"--like", self, "taiwan"}).exit_code, 2) << "one of QUERY, --batch or --like";
}

TEST_F(CsSearchCli, SynonymsExpandTheQuery) {
  TempDir rules;
  write_file(rules / "synonyms.txt", "# ours\nPOTUS => Biden\n");
  EXPECT_EQ(search({"potus"}).exit_code, 1);
  const CliResult r = search({"--synonyms", (rules / "synonyms.txt").string(), "potus", "--format", "trec"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cnn.com/"));
  write_file(rules / "bad.txt", "potus =>\n");
  const CliResult bad = search({"--synonyms", (rules / "bad.txt").string(), "potus"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.txt: line 1: an entry has no words"));
}

TEST_F(CsSearchCli, TheConfigFileFillsInWhatTheCommandLineLeavesOut) {
  TempDir config;
  write_file(config / "synonyms.txt", "potus => biden\n");
  write_file(config / "cs-search/cs-search.conf",
             "# defaults\nlimit = 1\nformat = trec\nsynonyms = " + (config / "synonyms.txt").string() + "\n");
  const std::map<std::string, std::string> env = {{"XDG_CONFIG_HOME", config.path().string()}};
  const CliResult r = run_cli(cs_search_binary(), {"--db", db().string(), "phone"}, env);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines(r.out).size(), 1u) << r.out;
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db().string(), "potus"}, env).exit_code, 0) << "synonyms from config";
  const CliResult overridden = run_cli(cs_search_binary(), {"--db", db().string(), "phone calls", "-n", "3"}, env);
  EXPECT_EQ(lines(overridden.out).size(), 3u) << "the command line wins";

  write_file(config / "bad.conf", "colour = red\n");
  const CliResult bad = run_cli(cs_search_binary(), {"--db", db().string(), "--config", (config / "bad.conf").string(), "x"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.conf: unrecognised option 'colour'"));
  EXPECT_EQ(run_cli(cs_search_binary(), {"--db", db().string(), "--config", "/no/such.conf", "x"}).exit_code, 2);
}

TEST_F(CsSearchCli, AMisspelledQuerySuggestsWordsFromTheIndex) {
  const CliResult r = search({"diplomcy AND phne"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("No results for \"diplomcy AND phne\". Did you mean \"diplomacy AND phone\"?"));
  const auto json = nlohmann::json::parse(search({"diplomcy", "--format", "json"}).out);
  EXPECT_EQ(json["suggestion"], "diplomacy");
  EXPECT_THAT(search({"zzyzxq"}).out, Not(HasSubstr("Did you mean"))) << "no suggestion when nothing is close";
}

TEST_F(CsSearchCli, UsageErrorsExitTwo) {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"--format", "xml", "x"}, {"--limit", "0", "x"}, {"--color", "sometimes", "x"}, {"--bogus", "x"},
           {"--batch", "-", "also", "a", "query"}}) {
    const CliResult r = search(args);
    EXPECT_EQ(r.exit_code, 2) << ::testing::PrintToString(args);
    EXPECT_EQ(lines(r.err).size(), 1u) << r.err;
    EXPECT_THAT(r.err, StartsWith("cs-search: error: "));
  }
}

TEST_F(CsSearchCli, MissingDatabaseSaysToRunCsIndex) {
  TempDir dir;
  const CliResult r = run_cli(cs_search_binary(), {"--db", (dir / "nothing").string(), "Taiwan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("run cs-index first"));
  EXPECT_EQ(lines(r.err).size(), 1u);
}

TEST_F(CsSearchCli, AFolderThatIsNotADatabaseIsAnError) {
  TempDir dir;
  write_file(dir / "notes.txt", "x");
  const CliResult r = run_cli(cs_search_binary(), {"--db", dir.path().string(), "Taiwan"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("not a cs-search database"));
}

TEST_F(CsSearchCli, EveryBm25SettingItAcceptsGivesFiniteScores) {
  // k1 = 0, and b = 1 on passages without a query stem, once made a passage's BM25 0/0.
  for (const char* bm25 : {"0,0.75", "1.2,1", "0,1", "1.2,0"}) {
    const CliResult r = search({"--format", "jsonl", "--explain", "--bm25", bm25, "phone call"});
    ASSERT_EQ(r.exit_code, 0) << bm25 << ": " << r.err;
    const auto hits = jsonl(r.out);
    ASSERT_FALSE(hits.empty()) << bm25;
    for (const auto& hit : hits) {
      ASSERT_TRUE(hit["score"].is_number()) << bm25 << ": " << hit.dump();
      EXPECT_TRUE(std::isfinite(hit["score"].get<double>())) << bm25;
    }
  }
}

TEST_F(CsSearchCli, ExplainShowsEveryScoreComponentAndTheirSumIsTheScore) {
  const CliResult r = search({"--format", "jsonl", "--explain", "phone call"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto hits = jsonl(r.out);
  ASSERT_FALSE(hits.empty());
  for (const auto& hit : hits) {
    const auto& explain = hit["explain"];
    double sum = 0;
    for (const char* name : {"bm25", "proximity", "phrase", "title", "position"}) {
      ASSERT_TRUE(explain["components"].contains(name)) << name;
      sum += explain["components"][name]["value"].get<double>() * explain["components"][name]["weight"].get<double>();
    }
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-4);
    EXPECT_GT(explain["bm25"].get<double>(), 0);
  }
  EXPECT_EQ(hits[0]["explain"]["components"]["phrase"]["value"], 1.0) << "the top hit has the phrase";
  const CliResult text = search({"--color", "never", "--explain", "-n", "1", "phone call"});
  EXPECT_THAT(text.out, HasSubstr("explain: score "));
  EXPECT_THAT(text.out, HasSubstr("×proximity "));
  EXPECT_THAT(search({"--color", "never", "-n", "1", "phone call"}).out, Not(HasSubstr("explain:")));
}

TEST_F(CsSearchCli, RerankZeroIsBm25AloneAndRecencyFavoursNewerArticles) {
  const auto bm25_only = jsonl(search({"--format", "jsonl", "--rerank", "0", "--explain", "Taiwan"}).out);
  ASSERT_FALSE(bm25_only.empty());
  EXPECT_TRUE(bm25_only[0]["explain"]["components"].empty());
  EXPECT_DOUBLE_EQ(bm25_only[0]["score"].get<double>(), bm25_only[0]["explain"]["bm25"].get<double>());
  const auto recent = jsonl(search({"--format", "jsonl", "--recency", "30d", "--explain", "Taiwan"}).out);
  ASSERT_FALSE(recent.empty());
  for (const auto& hit : recent) ASSERT_TRUE(hit["explain"]["components"].contains("recency"));
  EXPECT_EQ(search({"--recency", "soon", "Taiwan"}).exit_code, 2);
  EXPECT_EQ(search({"--recency", "0", "Taiwan"}).exit_code, 2);
  EXPECT_EQ(search({"--recency", "90", "--rerank", "0", "Taiwan"}).exit_code, 2);
}

TEST_F(CsSearchCli, WeightAndBm25OptionsChangeTheRanking) {
  const auto tuned = jsonl(search({"--format", "jsonl", "--explain", "--weight", "phrase=2", "--weight", "title=0",
                                   "--bm25", "1.2,0.75", "phone call"}).out);
  ASSERT_FALSE(tuned.empty());
  EXPECT_EQ(tuned[0]["explain"]["components"]["phrase"]["weight"], 2.0);
  EXPECT_EQ(tuned[0]["explain"]["components"]["title"]["weight"], 0.0);
  const auto plain = jsonl(search({"--format", "jsonl", "--explain", "--rerank", "0", "phone call"}).out);
  const auto other_bm25 = jsonl(search({"--format", "jsonl", "--explain", "--rerank", "0", "--bm25", "1.2,0.75", "phone call"}).out);
  ASSERT_FALSE(plain.empty());
  ASSERT_FALSE(other_bm25.empty());
  EXPECT_NE(plain[0]["explain"]["bm25"], other_bm25[0]["explain"]["bm25"]) << "BM25 weights follow k1 and b";
  const CliResult bad = search({"--weight", "nearness=1", "Taiwan"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("nearness=1"));
  EXPECT_EQ(search({"--bm25", "1.2", "Taiwan"}).exit_code, 2);
}

TEST_F(CsSearchCli, PassageJudgmentsScoreTheShownPassage) {
  const auto hits = jsonl(search({"--format", "jsonl", "-n", "1", "Taiwan"}).out);
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

TEST_F(CsSearchCli, SnippetsAreWholeSentencesHoldingTheQueryWords) {
  const auto hits = jsonl(search({"--format", "jsonl", "Taiwan"}).out);
  ASSERT_FALSE(hits.empty());
  bool some_cut = false;
  for (const auto& hit : hits) {
    const std::string passage = hit["passage"].get<std::string>();
    const auto begin = hit["snippet"][0].get<std::size_t>();
    const auto end = hit["snippet"][1].get<std::size_t>();
    ASSERT_LT(begin, end);
    ASSERT_LE(end, passage.size());
    some_cut = some_cut || end - begin < passage.size();
    const auto inside = [&](const nlohmann::json& span) { return span[0] >= begin && span[1] <= end; };
    ASSERT_FALSE(hit["highlights"].empty());
    EXPECT_TRUE(std::any_of(hit["highlights"].begin(), hit["highlights"].end(), inside)) << passage;
  }
  EXPECT_TRUE(some_cut) << "some passage of the corpus is longer than a snippet";
  // The text format prints the snippet, marking what was left out.
  const std::string first = hits[0]["passage"].get<std::string>();
  const auto begin = hits[0]["snippet"][0].get<std::size_t>(), end = hits[0]["snippet"][1].get<std::size_t>();
  const CliResult text = search({"--color", "never", "-n", "1", "Taiwan"});
  const std::string shown = first.substr(begin, std::min<std::size_t>(end - begin, 40));
  EXPECT_THAT(text.out, HasSubstr(shown));
  if (end < first.size()) {
    EXPECT_THAT(text.out, HasSubstr("\xE2\x80\xA6"));
  }
}

TEST_F(CsSearchCli, TiesAndBatchRunsAreReproducible) {
  const std::string input = "q1\tTaiwan\nq2\tphone call\nq3\tchina\n";
  const CliResult first = search({"--batch", "-", "--format", "trec"}, input);
  const CliResult second = search({"--batch", "-", "--format", "trec"}, input);
  ASSERT_EQ(first.exit_code, 0);
  EXPECT_EQ(first.out, second.out);
}

TEST_F(CsSearchCli, QrelsScoreABatchRun) {
  TempDir files;
  const auto qrels = files / "judged.qrels";
  // The CFR post answers "Taiwan"; nothing answers "xyzzy".
  write_file(qrels,
             "t1 0 cfr.org/2025-01-17-xi-and-trump-speak-via-phone.txt 2\n"
             "t2 0 nothing-relevant 0\n");
  const CliResult text = search({"--batch", "-", "--qrels", qrels.string()}, "t1\tTaiwan\nt2\tphone\n");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("MRR@10 nDCG@10 Recall@100     MAP"));
  EXPECT_THAT(text.out, HasSubstr("mean of 1 queries"));
  EXPECT_THAT(text.out, HasSubstr("1 queries without relevant judgments left out"));
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

TEST_F(CsSearchCli, HelpAndVersion) {
  const CliResult help = run_cli(cs_search_binary(), {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("--batch"));
  EXPECT_THAT(help.out, HasSubstr("Exit status"));
  const CliResult version = run_cli(cs_search_binary(), {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_THAT(version.out, HasSubstr("Xapian 1."));
  EXPECT_THAT(version.out, HasSubstr("ICU "));
}

}  // namespace
}  // namespace cs::test

namespace cs::test {
namespace {

// Each article is one document; the hit shows the passage that answers, whatever the order.
TEST(CsSearchPassages, AHitShowsItsArticlesBestPassageAndCountsTheOthersThatMatch) {
  TempDir dir;
  write_file(dir / "in" / "trade.txt",
             "Trade Week\n\n"
             "The week began quietly in the capital, with ministers returning from the holidays and little on "
             "the agenda beyond a review of the budget and a speech on roads.\n\n"
             "Officials spent Tuesday on the railways, the ports and the long dispute over fishing rights in the "
             "northern waters, which has dragged on for a decade.\n\n"
             "On Thursday the minister announced that steel tariffs would rise next month, and that tariffs on "
             "steel from three more countries were under review, the first change to steel tariffs in years.\n\n"
             "Steel makers welcomed the news.\n");
  const std::string db = (dir / "db").string();
  ASSERT_EQ(run_cli(cs_index_binary(), {"--db", db, (dir / "in").string()}).exit_code, 0);
  for (const std::vector<std::string>& order : {std::vector<std::string>{}, {"--sort", "-date"}, {"--rerank", "0"}}) {
    std::vector<std::string> args = {"--db", db, "--format", "jsonl"};
    args.insert(args.end(), order.begin(), order.end());
    args.insert(args.end(), {"steel", "tariffs"});
    const CliResult r = run_cli(cs_search_binary(), args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto hits = lines(r.out);
    ASSERT_EQ(hits.size(), 1u);
    const auto hit = nlohmann::json::parse(hits[0]);
    // The first two paragraphs are short, so they make one passage.
    EXPECT_EQ(hit["passage_id"], "trade.txt#1") << r.out;
    EXPECT_THAT(hit["passage"].get<std::string>(), HasSubstr("steel tariffs would rise"));
    EXPECT_EQ(hit["more_passages"], 1) << "the last passage says steel too";
  }
}

}  // namespace
}  // namespace cs::test
