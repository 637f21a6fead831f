// cs-search: ranked passages for a query, or for every query of a batch file.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "common/command_line.hpp"
#include "common/db_location.hpp"
#include "common/exception_error.hpp"
#include "common/exit_codes.hpp"
#include "common/failpoint.hpp"
#include "common/plural.hpp"
#include "common/terminal.hpp"
#include "common/threads.hpp"
#include "searcher/cli/batch.hpp"
#include "searcher/cli/evaluation.hpp"
#include "searcher/cli/manual.hpp"
#include "searcher/cli/serve_command.hpp"
#include "searcher/output/result_writer.hpp"
#include "searcher/request_options.hpp"
#include "searcher/search_request.hpp"
#include "searcher/searcher.hpp"
#include "searcher/shard_warnings.hpp"

namespace po = boost::program_options;

namespace {

bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  return cs::terminal::is_terminal(1) && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int main(int argc, char** argv) try {
  cs::CommandLine command_line(cs::searcher::cs_search_manual());
  std::vector<std::string> db_options;
  std::string format, color, batch_file, run_tag, like, synonyms, show, qrels_file, serve;
  unsigned jobs = 1;
  int request_timeout = 5;
  double shard_timeout = 5;
  bool explain = false;
  cs::searcher::ShardPolicy shard_policy;
  cs::searcher::RequestOptions asked;  // the options every query of the run shares
  cs::searcher::SearchFilters& filters = asked.filters;
  command_line.add_options()
      ("db,d", po::value(&db_options)->value_name("DIR")->composing(),
       "database to search: a folder, a sharded folder or a Xapian stub file (local and remote shards); repeat to search several as one")
      ("limit,n", po::value(&asked.limit)->value_name("N")->default_value("10"),
       "articles to show per query: a number, or all (every match, written a page at a time); 0: only counts, facets and histogram")
      ("format,f", po::value(&format)->value_name("FORMAT")->default_value("text"),
       "text, json, jsonl, tsv or trec")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"), "auto, always or never")
      ("batch,b", po::value(&batch_file)->value_name("FILE"), "run every query of FILE (- for standard input)")
      ("jobs,j", po::value(&jobs)->value_name("N")->default_value(1),
       "with --batch: answer N queries at once, a database handle each; the output keeps the batch's order")
      ("run-tag", po::value(&run_tag)->value_name("TAG")->default_value("cs-search"), "run name in trec output")
      ("since", po::value(&filters.since)->value_name("DATE"), "only articles from DATE on (YYYY, YYYY-MM, YYYY-MM-DD)")
      ("until", po::value(&filters.until)->value_name("DATE"), "only articles up to DATE, inclusive")
      ("source", po::value(&filters.sources)->value_name("NAME")->composing(), "only this source (repeat for any of several)")
      ("author", po::value(&filters.authors)->value_name("NAME")->composing(), "only this author (repeatable)")
      ("topic", po::value(&filters.topics)->value_name("TOPIC")->composing(), "only this topic or tag (repeatable)")
      ("lang", po::value(&filters.langs)->value_name("LANG")->composing(), "only this language, e.g. en, fr-FR, zh or its name (repeatable); query words are stemmed in its language only")
      ("sort", po::value(&asked.sort)->value_name("ORDER")->default_value("relevance"), "relevance, date (oldest first) or -date; undated articles last")
      ("facets", po::value(&asked.facets)->value_name("FIELDS"), "count matching articles by source,year,author,topic,lang")
      ("histogram", po::value(&asked.histogram)->value_name("PERIOD"), "count matching articles per year, month, week or day")
      ("like", po::value(&like)->value_name("ARTICLE_ID"), "articles like this one (no QUERY needed)")
      ("show", po::value(&show)->value_name("ID"),
       "print one article whole: its fields and every passage (ID: an article or passage id, or its file as shown)")
      ("serve", po::value(&serve)->value_name("[HOST:]PORT")->implicit_value("127.0.0.1:8080"),
       "serve the database over HTTP, a web page and a JSON API, until Ctrl-C (default 127.0.0.1:8080)")
      ("request-timeout", po::value(&request_timeout)->value_name("SECONDS")->default_value(5),
       "with --serve: the time a client has to send a request (408 after it) and to take the answer")
      ("shard-timeout", po::value(&shard_timeout)->value_name("SECONDS")->default_value(5),
       "the longest a remote shard may take to connect or answer before a search leaves it out")
      ("strict-shards", po::bool_switch(&shard_policy.strict),
       "fail a search when a remote shard does not answer, instead of answering from the others")
      ("synonyms", po::value(&synonyms)->value_name("FILE"), "expand query words with the rules in FILE")
      ("rerank", po::value(&asked.rerank)->value_name("N")->default_value("30"),
       "rank the best N articles by their best passage's score (above 1,000: the best 1,000), the rest after them by BM25; 0: articles by BM25 alone")
      ("recency", po::value(&asked.recency)->value_name("HALF_LIFE"),
       "favour recent articles: a score bonus halving every HALF_LIFE (90, 12w, 6m, 2y)")
      ("weight", po::value(&asked.weights)->value_name("NAME=VALUE")->composing(),
       "set a second-stage weight as --explain names it (repeatable), e.g. proximity=0.5")
      ("bm25", po::value(&asked.bm25)->value_name("K1,B"), "BM25 parameters, for articles and passages (default 0.9,0.4)")
      ("explain", po::bool_switch(&explain), "show how each hit's score was made")
      ("qrels", po::value(&qrels_file)->value_name("QRELS"),
       "with --batch: score the run against TREC judgments (MRR@10, nDCG@10, Recall@100, MAP, PassHit@10)");
  if (const auto exit_now = command_line.parse(argc, argv)) return *exit_now;
  if (color != "auto" && color != "always" && color != "never") return command_line.usage_error("--color takes auto, always or never");
  cs::Analyzer analyzer;
  auto plan = cs::searcher::plan_request(asked, analyzer, cs::searcher::days_since_epoch_today());
  if (!plan) {
    const cs::Error& error = plan.error();
    return command_line.usage_error(error.reason + (error.hint.empty() ? "" : " (" + error.hint + ")"));
  }
  // What every query asks besides its text: the options as plain values.
  cs::searcher::SearchRequest request = std::move(plan->request);
  const std::size_t limit = plan->limit;
  const bool exporting = limit > cs::searcher::kExportPage;

  std::string query;
  for (const auto& word : command_line.operands()) {
    if (!query.empty()) query.push_back(' ');
    query.append(word);
  }
  const bool batch = command_line.given("batch");
  const bool by_example = command_line.given("like");
  const bool showing = command_line.given("show");
  const bool serving = command_line.given("serve");
  if (static_cast<int>(batch) + static_cast<int>(!query.empty()) + static_cast<int>(by_example) +
          static_cast<int>(showing) + static_cast<int>(serving) > 1) {
    return command_line.usage_error("give one of QUERY, --batch FILE, --like ARTICLE_ID, --show ID or --serve");
  }
  if (!batch && !by_example && !showing && !serving && query.empty()) return command_line.usage_error("no query given");
  if (jobs < 1 || jobs > 64) return command_line.usage_error("--jobs takes 1 to 64");
  if (jobs > 1 && !batch) return command_line.usage_error("--jobs answers the queries of a --batch at once");

  cs::searcher::Synonyms synonym_rules;
  if (!synonyms.empty()) {
    auto loaded = cs::searcher::Synonyms::load(synonyms, analyzer);
    if (!loaded) {
      command_line.print(loaded.error());
      return cs::exit_code::kError;
    }
    synonym_rules = std::move(*loaded);
  }
  if (!(shard_timeout >= 0.001 && shard_timeout <= 3600)) return command_line.usage_error("--shard-timeout takes 0.001 to 3600 seconds");
  shard_policy.timeout = std::chrono::milliseconds(std::max<long long>(1, std::llround(shard_timeout * 1000)));
  std::vector<std::filesystem::path> dbs;
  for (const std::string& db : db_options) dbs.push_back(cs::resolve_db_path(db));
  if (dbs.empty()) dbs.push_back(cs::resolve_db_path(""));
  if (serving) {
    const auto address = cs::searcher::parse_listen_address(serve);
    if (!address) return command_line.usage_error(address.error().reason + " (" + address.error().hint + ")");
    cs::searcher::ServeOptions options;
    std::tie(options.host, options.port) = *address;
    options.dbs = dbs;
    options.synonyms = std::move(synonym_rules);
    options.shard_policy = shard_policy;
    options.defaults = asked;
    if (request_timeout < 1 || request_timeout > 3600) return command_line.usage_error("--request-timeout takes 1 to 3600 seconds");
    options.read_timeout_seconds = request_timeout;
    return cs::searcher::serve_until_signalled(std::move(options), [&](const cs::Error& error, const char* severity) {
      command_line.print(error, severity);
    });
  }
  if ((!request.facets.empty() || request.histogram != cs::searcher::Period::kNone) && (format == "tsv" || format == "trec")) {
    return command_line.usage_error("--facets and --histogram print with --format text, json or jsonl");
  }

  const bool evaluating = command_line.given("qrels");
  cs::searcher::Qrels qrels;
  std::vector<std::pair<std::string, std::vector<std::string>>> run;  // passage ids per query, for --qrels
  cs::searcher::JudgedIds judged;  // the judged docnos as the database sees them
  if (evaluating) {
    if (!batch) return command_line.usage_error("--qrels scores a --batch run");
    if (format != "text" && format != "json") return command_line.usage_error("--qrels prints with --format text or json");
    std::ifstream qrels_stream(qrels_file);
    if (!qrels_stream) {
      command_line.print(cs::Error{cs::ErrorKind::kIo, qrels_file, "", "cannot open qrels file", "check the path"});
      return cs::exit_code::kError;
    }
    auto parsed = cs::searcher::parse_qrels(qrels_stream, qrels_file);
    if (!parsed) {
      command_line.print(parsed.error());
      return cs::exit_code::kError;
    }
    qrels = std::move(*parsed);
    request.limit = std::max(request.limit, cs::searcher::kEvaluationDepth);
  }

  if (showing && format != "text" && format != "json" && format != "jsonl") {
    return command_line.usage_error("--show prints with --format " + std::string(cs::searcher::kArticleFormats));
  }
  cs::searcher::WriterOptions writer_options{use_color(color), batch, run_tag, explain};
  auto writer = cs::searcher::make_result_writer(format, std::cout, writer_options);
  if (!writer) return command_line.usage_error("--format takes one of " + std::string(cs::searcher::kFormats));

  std::ifstream batch_stream;
  std::istream* batch_input = &std::cin;
  if (batch && batch_file != "-") {
    batch_stream.open(batch_file);
    if (!batch_stream) {
      command_line.print(cs::Error{cs::ErrorKind::kIo, batch_file, "", "cannot open batch file", "check the path"});
      return cs::exit_code::kError;
    }
    batch_input = &batch_stream;
  }

  cs::failpoint("open-database");
  std::vector<std::unique_ptr<cs::searcher::Searcher>> searchers;  // one a job
  for (unsigned i = 0; i < jobs; ++i) {
    auto searcher = cs::searcher::Searcher::open(dbs, synonym_rules, shard_policy);
    if (!searcher) {
      command_line.print(searcher.error());
      return cs::exit_code::kError;
    }
    searchers.push_back(std::move(*searcher));
  }

  if (showing) {
    auto article = searchers[0]->article(show);
    if (!article) {
      command_line.print(article.error());
      return article.error().kind == cs::ErrorKind::kQuery ? cs::exit_code::kNoResults : cs::exit_code::kError;
    }
    writer->write_article(*article);
    std::cout.flush();
    return cs::exit_code::kSuccess;
  }
  if (evaluating) {
    judged = cs::searcher::sort_judged_ids(qrels, [&](const std::string& id) { return searchers[0]->holds_article(id); });
    if (!judged.not_held.empty()) {
      command_line.print(cs::Error{cs::ErrorKind::kUsage, qrels_file, "",
                                   cs::count_of(judged.not_held.size(), "judged id names", "judged ids name") +
                                       " no article or passage of the database (first: '" + judged.not_held.front() +
                                       "'); they count as never found",
                                   "judge article ids or passage ids as --format jsonl prints them"},
                         "note");
    }
  }
  bool any_results = false;
  bool any_errors = false;
  cs::searcher::ShardWarnings shard_warnings;  // a shard left out is said once, not at every query
  request.highlight = writer->shows_highlights() && !evaluating;
  request.story = evaluating ? cs::searcher::StoryDetail::kNone : writer->shows_story();
  if (by_example) request.like_article_id = like;
  // What a query throws is its error, on whichever thread answers it.
  const auto compute = [&](cs::searcher::Searcher& searcher, std::string qid,
                           std::string text) -> cs::Result<cs::searcher::QueryResult> {
    try {
      cs::failpoint("query");
      // A batch may run for long, fed by a pipe: each query sees the newest commit.
      if (batch) {
        if (cs::Status caught = searcher.catch_up(); !caught) return caught.error();
      }
      cs::searcher::SearchRequest one = request;
      one.qid = std::move(qid);
      one.query = std::move(text);
      return searcher.search(one);
    } catch (...) {
      return cs::current_exception_error();
    }
  };
  const std::string batch_name = batch_file == "-" ? "<stdin>" : batch_file;
  // Prints a query's error, named by its batch line (`where`) in a batch.
  const auto print_query_error = [&](cs::Error error, const std::string& where) {
    if (!where.empty()) {
      error.path = batch_name;
      error.location = where + (error.location.empty() ? "" : ", " + error.location);
    } else if (error.kind == cs::ErrorKind::kQuery) {
      error.path = "query";
    }
    command_line.print(error);
    any_errors = true;
  };
  // The pages after the first of a query showing more than kExportPage hits, each written as
  // it comes; an error ends the query's output where it stands, closed.
  const auto write_later_pages = [&](cs::searcher::Searcher& searcher, const cs::searcher::QueryResult& first,
                                     const std::string& text, const std::string& where) {
    std::size_t shown = first.results.hits.size();
    for (bool last = false; !last;) {
      cs::searcher::SearchRequest page = request;
      page.qid = first.qid;
      page.query = text;
      page.offset = shown;
      page.limit = std::min(limit - shown, cs::searcher::kExportPage);
      auto next = [&]() -> cs::Result<cs::searcher::QueryResult> {
        try {
          return searcher.search(page);
        } catch (...) {
          return cs::current_exception_error();
        }
      }();
      if (!next) {
        print_query_error(next.error(), where);
        next = cs::searcher::QueryResult{first.qid, first.query, {}, {}, {}, {}, {}, {}};
      }
      next->first_page = false;
      next->first_rank = shown + 1;
      shown += next->results.hits.size();
      last = next->results.hits.size() < page.limit || shown >= limit;
      next->last_page = last;
      writer->write(*next);
    }
  };
  // Writes a query's answer; an export's later pages come from `searcher`, which answered
  // its first page (a live batch's searcher may have caught up with a newer commit).
  const auto emit = [&](cs::Result<cs::searcher::QueryResult> result, const std::string& where, const std::string& text,
                        cs::searcher::Searcher& searcher) {
    if (!result) {
      print_query_error(result.error(), where);
      return;
    }
    for (const cs::Error& warning : shard_warnings.take(result->results.shards)) command_line.print(warning, "warning");
    for (const std::string& note : result->notes) {  // on stderr, whatever the format: the output stays clean
      command_line.print(cs::Error{cs::ErrorKind::kQuery, where.empty() ? "query" : batch_name, where, note, ""}, "note");
    }
    // -n 0 shows no hits but still finds them (counts, facets, histogram).
    any_results = any_results || !result->results.hits.empty() || (limit == 0 && result->results.matching_articles > 0);
    if (evaluating) {
      auto& ranking = run.emplace_back(result->qid, std::vector<std::string>{}).second;
      for (const auto& hit : result->results.hits) ranking.push_back(hit.record.passage_id);
      return;
    }
    // A full page, and more wanted: the query goes on a page at a time.
    const bool more = result->results.hits.size() == cs::searcher::kExportPage && limit > cs::searcher::kExportPage;
    result->last_page = !more;
    writer->write(*result);
    if (more) write_later_pages(searcher, *result, text, where);
  };

  if (batch) {
    // Queries are answered a chunk at a time, `jobs` at once, and written in batch order.
    // One thread answers each line as it comes (a batch on a pipe gets its answers at once).
    struct Pending {
      cs::searcher::BatchQuery query;
      std::string where;
      std::optional<cs::Result<cs::searcher::QueryResult>> result;
      unsigned searcher = 0;  // the job that answered it
    };
    // An export holds a first page of up to kExportPage hits per query of the chunk: a query
    // a job then.
    const std::size_t chunk_size = jobs == 1 || exporting ? jobs : 64 * std::size_t{jobs};
    std::vector<Pending> chunk;
    const auto answer_chunk = [&] {
      std::atomic<std::size_t> next{0};
      const auto work = [&](unsigned t) {
        for (std::size_t i = next++; i < chunk.size(); i = next++) {
          chunk[i].result = compute(*searchers[t], chunk[i].query.qid, chunk[i].query.text);
          chunk[i].searcher = t;
        }
      };
      const cs::Status ran = cs::run_on_threads(static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, chunk.size()))), work);
      if (!ran) {  // a thread failed before it took a query; the others answered them all
        command_line.print(ran.error());
        any_errors = true;
      }
      for (Pending& pending : chunk) {
        emit(std::move(*pending.result), pending.where, pending.query.text, *searchers[pending.searcher]);
      }
      chunk.clear();
      std::cout.flush();  // a batch on a pipe gets each answer as it is made
    };
    std::size_t line_number = 0;
    // A query id given twice is answered twice, and trec_eval and --qrels would take the two
    // answers for one (a new user's trial): said once a repeat.
    std::unordered_map<std::string, std::size_t> line_of_qid;
    for (std::string line; std::getline(*batch_input, line);) {
      ++line_number;
      if (auto item = cs::searcher::parse_batch_line(line, line_number)) {
        if (const auto [first, added] = line_of_qid.try_emplace(item->qid, line_number); !added) {
          command_line.print(cs::Error{cs::ErrorKind::kQuery, batch_name, "line " + std::to_string(line_number),
                                       "query id '" + item->qid + "' is line " + std::to_string(first->second) +
                                           "'s too; both are answered",
                                       "give each query an id of its own"},
                             "warning");
        }
        chunk.push_back(Pending{std::move(*item), "line " + std::to_string(line_number), std::nullopt});
        if (chunk.size() == chunk_size) answer_chunk();
      }
    }
    answer_chunk();
  } else {
    emit(compute(*searchers[0], "1", query), "", query, *searchers[0]);
  }
  if (evaluating) {
    cs::searcher::write_evaluation(std::cout, cs::searcher::evaluate_run(run, qrels, judged.articles), format);
  } else {
    writer->finish();
  }
  std::cout.flush();
  if (any_errors) return cs::exit_code::kError;
  return any_results ? cs::exit_code::kSuccess : cs::exit_code::kNoResults;
} catch (...) {  // ICU without its data, out of memory, a Xapian error no part caught
  return cs::report_uncaught_exception("cs-search");
}
