// cs-search: ranked passages for a query, or for every query of a batch file.
#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>

#include "common/db_location.hpp"
#include "common/exit_codes.hpp"
#include "common/terminal.hpp"
#include "common/version.hpp"
#include "searcher/batch.hpp"
#include "searcher/output/result_writer.hpp"
#include "searcher/query_arguments.hpp"
#include "searcher/session.hpp"

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "cs-search";

constexpr const char* kUsage = R"(Usage: cs-search [OPTIONS] QUERY...
       cs-search [OPTIONS] --batch FILE

Ranked passages for a query: the best passage of each matching article, with its title,
source, date and file, and the query's words highlighted.

Query syntax: words match any form with the same stem ("calls" finds "call"), in the text or
the title; "exact phrase" matches word for word; +word must match; -word must not. Passages
matching more of the words rank first (BM25).

Batch: one query per line, "QID<TAB>QUERY" or just "QUERY" (its id is the line number);
blank lines and lines starting with # are skipped; FILE - reads standard input.

Database: --db DIR, else $CS_DB, else $XDG_DATA_HOME/cs-search/db, else
~/.local/share/cs-search/db (where cs-index writes by default).

Exit status: 0 results found, 1 no results, 2 usage, query or database error (in a batch:
any query that failed).
)";

void print_error(const cs::Error& error) {
  std::cerr << cs::terminal::sanitize_line(cs::format_error(kProgram, "error", error)) << '\n';
}

int usage_error(const std::string& reason) {
  print_error(cs::Error{cs::ErrorKind::kUsage, "", "", reason, "see cs-search --help"});
  return cs::exit_code::kError;
}

bool use_color(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  return cs::terminal::is_terminal(1) && std::getenv("NO_COLOR") == nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible("Options");
  std::string db_option, format, color, batch_file, run_tag;
  std::size_t limit = 10;
  visible.add_options()
      ("db,d", po::value(&db_option)->value_name("DIR"), "database folder to search")
      ("limit,n", po::value(&limit)->value_name("N")->default_value(10), "articles to show per query")
      ("format,f", po::value(&format)->value_name("FORMAT")->default_value("text"),
       "text, json, jsonl, tsv or trec")
      ("color", po::value(&color)->value_name("WHEN")->default_value("auto"), "auto, always or never")
      ("batch,b", po::value(&batch_file)->value_name("FILE"), "run every query of FILE (- for standard input)")
      ("run-tag", po::value(&run_tag)->value_name("TAG")->default_value("cs-search"), "run name in trec output")
      ("help,h", "show this help")
      ("version,V", "show versions");
  po::options_description hidden;
  hidden.add_options()("query", po::value<std::vector<std::string>>(), "");
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    // Queries may start with '-' ("-word" excludes it): only known options are options.
    const std::vector<std::string> args =
        cs::searcher::separate_query_words(std::vector<std::string>(argv + 1, argv + argc), all);
    po::store(po::command_line_parser(args)
                  .options(all)
                  .positional(positional)
                  .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
                  .run(),
              vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << kUsage << '\n' << visible;
    return cs::exit_code::kSuccess;
  }
  if (vm.count("version")) {
    std::cout << cs::version_line(kProgram) << '\n';
    return cs::exit_code::kSuccess;
  }
  if (color != "auto" && color != "always" && color != "never") return usage_error("--color takes auto, always or never");
  if (limit == 0 || limit > 10000) return usage_error("--limit takes a number from 1 to 10000");

  std::string query;
  if (vm.count("query")) {
    for (const auto& word : vm["query"].as<std::vector<std::string>>()) {
      if (!query.empty()) query.push_back(' ');
      query.append(word);
    }
  }
  const bool batch = vm.count("batch") > 0;
  if (batch && !query.empty()) return usage_error("give a QUERY or --batch FILE, not both");
  if (!batch && query.empty()) return usage_error("no query given");

  cs::searcher::WriterOptions writer_options{use_color(color), batch, run_tag};
  auto writer = cs::searcher::make_result_writer(format, std::cout, writer_options);
  if (!writer) return usage_error("--format takes one of " + std::string(cs::searcher::kFormats));

  std::ifstream batch_stream;
  std::istream* batch_input = &std::cin;
  if (batch && batch_file != "-") {
    batch_stream.open(batch_file);
    if (!batch_stream) {
      print_error(cs::Error{cs::ErrorKind::kIo, batch_file, "", "cannot open batch file", "check the path"});
      return cs::exit_code::kError;
    }
    batch_input = &batch_stream;
  }

  auto session = cs::searcher::SearchSession::open(cs::resolve_db_path(db_option));
  if (!session) {
    print_error(session.error());
    return cs::exit_code::kError;
  }

  bool any_results = false;
  bool any_errors = false;
  const auto answer = [&](std::string qid, std::string_view text, const std::string& where) {
    auto result = (*session)->run(std::move(qid), text, limit);
    if (!result) {
      cs::Error error = result.error();
      if (!where.empty()) {
        error.path = batch_file == "-" ? "<stdin>" : batch_file;
        error.location = where + (error.location.empty() ? "" : ", " + error.location);
      } else if (error.kind == cs::ErrorKind::kQuery) {
        error.path = "query";
      }
      print_error(error);
      any_errors = true;
      return;
    }
    any_results = any_results || !result->results.hits.empty();
    writer->write(*result);
  };

  if (batch) {
    std::size_t line_number = 0;
    for (std::string line; std::getline(*batch_input, line);) {
      ++line_number;
      if (auto item = cs::searcher::parse_batch_line(line, line_number)) {
        answer(std::move(item->qid), item->text, "line " + std::to_string(line_number));
      }
    }
  } else {
    answer("1", query, "");
  }
  writer->finish();
  std::cout.flush();
  if (any_errors) return cs::exit_code::kError;
  return any_results ? cs::exit_code::kSuccess : cs::exit_code::kNoResults;
}
