// Scores a ranking against relevance judgments, as trec_eval does, so users can measure
// cs-search on their own collections (cs-search --batch FILE --qrels QRELS).
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string_view>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/error.hpp"

namespace cs::searcher {

// Judgments per query id: document id -> relevance grade; a grade above 0 is relevant. A
// document id is an article (its article_id: every passage of it has the grade) or one
// passage ("ARTICLE_ID#INDEX", its passage_id: other passages of the article are unjudged).
using Qrels = std::map<std::string, std::map<std::string, int>>;

// TREC qrels lines, "QID ITERATION DOCNO GRADE" separated by spaces or tabs; blank lines and
// '#' lines are skipped. A malformed line is a kUsage error naming `name` and the line.
Result<Qrels> parse_qrels(std::istream& in, const std::string& name);

// The judged docnos as the database sees them, each id looked up once with `holds_article`.
struct JudgedIds {
  std::set<std::string> articles;     // docnos that are article ids (for measure's `articles`)
  std::vector<std::string> not_held;  // neither an article nor a passage ("A#N") of one: a path
                                      // where an id was meant, an article since removed
};
JudgedIds sort_judged_ids(const Qrels& qrels, const std::function<bool(const std::string&)>& holds_article);

// How many results the measures look at: Recall@100 and MAP need a run this deep.
inline constexpr std::size_t kEvaluationDepth = 100;

struct Measures {
  double mrr_at_10 = 0;     // 1 / rank of the first relevant document in the top 10, else 0
  double ndcg_at_10 = 0;    // DCG of the top 10 (gain = grade, discount log2(rank + 1)) over the ideal
  double recall_at_100 = 0; // relevant documents in the top 100 over all relevant
  double average_precision = 0;  // mean of precision at each relevant document retrieved, over all relevant
  // 1 when one of the top 10 shows a passage judged relevant on its own ("A#3"), else 0: a
  // known-item query finds the right article (MRR) and shows the remembered place (this).
  // For a query judged by whole articles only, a relevant article in the top 10 counts.
  double passage_hit_at_10 = 0;
};

// `ranking`: passage ids (or article ids) best first, one per article, as cs-search ranks
// them; at most kEvaluationDepth are looked at. Since a run shows one passage per article,
// the ideal ranking and the relevant count take each article once, at its best grade. A
// query with
// no relevant judgment scores 0 everywhere (trec_eval leaves such queries out; see
// evaluate_run).
//
// An article id may itself end in "#N" (a feed item's "feed.xml#2", whose passages are
// "feed.xml#2#0"): a judged docno in `articles` (those the index holds as articles) is an
// article, any other is a passage when it ends in "#N" (its article is what comes before).
Measures measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
                 const std::set<std::string>& articles = {});

struct Evaluation {
  std::vector<std::pair<std::string, Measures>> queries;  // those with relevant judgments, in run order
  Measures mean;
  std::size_t unjudged_queries = 0;  // run queries the qrels do not judge (left out of the mean)
};

// Every query of a run (qid -> ranking), averaged like trec_eval over the judged ones;
// `articles` as for measure().
Evaluation evaluate_run(const std::vector<std::pair<std::string, std::vector<std::string>>>& run, const Qrels& qrels,
                        const std::set<std::string>& articles = {});

// The evaluation as a table (format "text": one row per query, then the mean) or as JSON
// ("json": {"queries": [{"qid", "mrr@10", ...}], "mean": {...}, "unjudged_queries": N}).
void write_evaluation(std::ostream& out, const Evaluation& evaluation, std::string_view format);

}  // namespace cs::searcher
