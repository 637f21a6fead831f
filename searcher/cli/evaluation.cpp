#include "searcher/cli/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/plural.hpp"
#include "common/terminal.hpp"

namespace cs::searcher {

Result<Qrels> parse_qrels(std::istream& in, const std::string& name) {
  Qrels qrels;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
    std::istringstream fields(line);
    std::string qid, iteration, docno, grade_text, extra;
    fields >> qid >> iteration >> docno >> grade_text;
    int grade = 0;
    bool numeric = !grade_text.empty();
    try {
      std::size_t used = 0;
      grade = std::stoi(grade_text, &used);
      numeric = used == grade_text.size();
    } catch (const std::exception&) {
      numeric = false;
    }
    if (docno.empty() || !numeric || (fields >> extra)) {
      return Error{ErrorKind::kUsage, name, "line " + std::to_string(line_number),
                   "not a qrels line (QID ITERATION DOCNO GRADE)", "fix or remove the line"};
    }
    qrels[qid][docno] = grade;
  }
  return qrels;
}

namespace {

// The article a docno belongs to: "A#3" (a passage) -> "A"; an article id without a
// trailing "#N" ("https://example.com/post#comments") is its own.
std::string_view article_of(std::string_view docno) {
  const std::size_t hash = docno.rfind('#');
  if (hash == std::string_view::npos || hash + 1 == docno.size()) return docno;
  for (std::size_t i = hash + 1; i < docno.size(); ++i) {
    if (docno[i] < '0' || docno[i] > '9') return docno;
  }
  return docno.substr(0, hash);
}

}  // namespace

JudgedIds sort_judged_ids(const Qrels& qrels, const std::function<bool(const std::string&)>& holds_article) {
  std::set<std::string> docnos;
  for (const auto& [qid, judgments] : qrels) {
    for (const auto& judged : judgments) docnos.insert(judged.first);
  }
  JudgedIds ids;
  std::map<std::string, bool, std::less<>> held;  // articles of judged passages, looked up
  for (const std::string& docno : docnos) {
    if (holds_article(docno)) {
      ids.articles.insert(docno);
      continue;
    }
    const std::string_view article = article_of(docno);
    if (article.size() == docno.size()) {
      ids.not_held.push_back(docno);
      continue;
    }
    auto found = held.find(article);
    if (found == held.end()) found = held.emplace(std::string(article), holds_article(std::string(article))).first;
    if (!found->second) ids.not_held.push_back(docno);
  }
  return ids;
}

Measures measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& judgments,
                 const std::set<std::string>& articles) {
  Measures m;
  // The article a judged docno is, or is a passage of.
  const auto judged_article = [&](const std::string& docno) {
    return articles.contains(docno) ? std::string_view(docno) : article_of(docno);
  };
  // A run shows one passage per article, so an article counts once, at its best grade.
  std::map<std::string_view, int> best_per_article;
  for (const auto& [docno, grade] : judgments) {
    int& best = best_per_article[judged_article(docno)];
    best = std::max(best, grade);
  }
  std::vector<int> relevant_grades;
  for (const auto& [article, grade] : best_per_article) {
    if (grade > 0) relevant_grades.push_back(grade);
  }
  if (relevant_grades.empty()) return m;
  const std::size_t depth = std::min(ranking.size(), kEvaluationDepth);
  // A passage judged on its own has its grade; otherwise its article's, when judged whole.
  const auto grade_of = [&](const std::string& docno) {
    auto found = judgments.find(docno);
    if (found == judgments.end()) found = judgments.find(std::string(article_of(docno)));
    return found == judgments.end() ? 0 : found->second;
  };
  const bool passages_judged = std::any_of(judgments.begin(), judgments.end(), [&](const auto& entry) {
    return entry.second > 0 && judged_article(entry.first).size() != entry.first.size();
  });
  double dcg = 0, precision_sum = 0;
  std::size_t found_relevant = 0;
  for (std::size_t i = 0; i < depth; ++i) {
    const int grade = grade_of(ranking[i]);
    if (grade <= 0) continue;
    if (i < 10 && (!passages_judged || judgments.contains(ranking[i]))) m.passage_hit_at_10 = 1;
    ++found_relevant;
    const double rank = static_cast<double>(i + 1);
    if (i < 10) {
      if (m.mrr_at_10 == 0) m.mrr_at_10 = 1.0 / rank;
      dcg += grade / std::log2(rank + 1);
    }
    precision_sum += static_cast<double>(found_relevant) / rank;
  }
  std::sort(relevant_grades.begin(), relevant_grades.end(), std::greater<>());
  double ideal = 0;
  for (std::size_t i = 0; i < relevant_grades.size() && i < 10; ++i) {
    ideal += relevant_grades[i] / std::log2(static_cast<double>(i) + 2);
  }
  m.ndcg_at_10 = dcg / ideal;
  const auto relevant = static_cast<double>(relevant_grades.size());
  m.recall_at_100 = static_cast<double>(found_relevant) / relevant;
  m.average_precision = precision_sum / relevant;
  return m;
}

Evaluation evaluate_run(const std::vector<std::pair<std::string, std::vector<std::string>>>& run, const Qrels& qrels,
                        const std::set<std::string>& articles) {
  Evaluation evaluation;
  for (const auto& [qid, ranking] : run) {
    const auto judged = qrels.find(qid);
    const bool has_relevant = judged != qrels.end() &&
                              std::any_of(judged->second.begin(), judged->second.end(),
                                          [](const auto& entry) { return entry.second > 0; });
    if (!has_relevant) {
      ++evaluation.unjudged_queries;
      continue;
    }
    evaluation.queries.emplace_back(qid, measure(ranking, judged->second, articles));
  }
  if (evaluation.queries.empty()) return evaluation;
  for (const auto& [qid, m] : evaluation.queries) {
    evaluation.mean.mrr_at_10 += m.mrr_at_10;
    evaluation.mean.ndcg_at_10 += m.ndcg_at_10;
    evaluation.mean.recall_at_100 += m.recall_at_100;
    evaluation.mean.average_precision += m.average_precision;
    evaluation.mean.passage_hit_at_10 += m.passage_hit_at_10;
  }
  const auto n = static_cast<double>(evaluation.queries.size());
  evaluation.mean.mrr_at_10 /= n;
  evaluation.mean.ndcg_at_10 /= n;
  evaluation.mean.recall_at_100 /= n;
  evaluation.mean.average_precision /= n;
  evaluation.mean.passage_hit_at_10 /= n;
  return evaluation;
}

namespace {

nlohmann::json measures_object(const Measures& m) {
  return {{"mrr@10", m.mrr_at_10}, {"ndcg@10", m.ndcg_at_10}, {"recall@100", m.recall_at_100}, {"map", m.average_precision},
          {"passage_hit@10", m.passage_hit_at_10}};
}

std::string row(std::string_view label, const Measures& m) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%-24.24s %7.4f %7.4f %10.4f %7.4f %11.4f\n", std::string(label).c_str(),
                m.mrr_at_10, m.ndcg_at_10, m.recall_at_100, m.average_precision, m.passage_hit_at_10);
  return buffer;
}

}  // namespace

void write_evaluation(std::ostream& out, const Evaluation& evaluation, std::string_view format) {
  if (format == "json") {
    nlohmann::json queries = nlohmann::json::array();
    for (const auto& [qid, m] : evaluation.queries) {
      nlohmann::json entry = measures_object(m);
      entry["qid"] = qid;
      queries.push_back(std::move(entry));
    }
    const nlohmann::json document = {{"queries", std::move(queries)},
                                     {"judged_queries", evaluation.queries.size()},
                                     {"unjudged_queries", evaluation.unjudged_queries},
                                     {"mean", measures_object(evaluation.mean)}};
    out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return;
  }
  out << "qid                       MRR@10 nDCG@10 Recall@100     MAP PassHit@10\n";
  for (const auto& [qid, m] : evaluation.queries) out << row(terminal::sanitize_line(qid), m);
  out << row("mean of " + count_of(evaluation.queries.size(), "query", "queries"), evaluation.mean);
  if (evaluation.unjudged_queries > 0) {
    out << count_of(evaluation.unjudged_queries, "query", "queries") << " without relevant judgments left out\n";
  }
}

}  // namespace cs::searcher
